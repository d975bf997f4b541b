// `npm start` and `npm run backup`: build the app and the server when the build is missing
// or older than its sources, then run the server (or, with --backup, the backup command).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isStale, root, run } from './build-if-stale.mjs';

const backup = process.argv[2] === '--backup';
// A backup needs only the server; starting needs the app too.
const OUTPUTS = [...(backup ? [] : ['dist/app/index.html']), 'dist/server/main.js', 'dist/server/backup.js'];

if (isStale(OUTPUTS)) {
  console.log('Building Stance (sources changed since the last build)...');
  if (backup) run('npx', ['vite', 'build', '--config', 'vite.server.config.ts']);
  else run('npm', ['run', 'build']);
}

// Imported rather than spawned, so signals (Ctrl-C, a supervisor's SIGTERM) reach the server itself.
await import(pathToFileURL(join(root, 'dist/server', backup ? 'backup.js' : 'main.js')).href);
