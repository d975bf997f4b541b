// `npm start`, `npm run backup` and `npm run migrate-store`: build what the command needs when
// the build is missing or older than its sources, then run it (the server, or with --backup
// the backup command, or with --migrate-store the copy into PostgreSQL).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isStale, root, run } from './build-if-stale.mjs';

const COMMANDS = { '--backup': 'backup.js', '--migrate-store': 'migrate-store.js' };
const mode = process.argv[2];
const entry = COMMANDS[mode] ?? 'main.js';
if (entry !== 'main.js') process.argv.splice(2, 1);
// The tools need only the server; starting needs the app too.
const OUTPUTS = [...(entry === 'main.js' ? ['dist/app/index.html'] : []), ...Object.values(COMMANDS).map((f) => `dist/server/${f}`), 'dist/server/main.js'];

if (isStale(OUTPUTS)) {
  console.log('Building Stance (sources changed since the last build)...');
  if (entry !== 'main.js') run('npx', ['vite', 'build', '--config', 'vite.server.config.ts']);
  else run('npm', ['run', 'build']);
}

// Imported rather than spawned, so signals (Ctrl-C, a supervisor's SIGTERM) reach the server itself.
await import(pathToFileURL(join(root, 'dist/server', entry)).href);
