// `npm start` and `npm run backup`: build the app and the server when the build is missing
// or older than its sources, then run the server (or, with --backup, the backup command).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'vite.server.config.ts', 'package.json', 'package-lock.json'];
const backup = process.argv[2] === '--backup';
// A backup needs only the server; starting needs the app too.
const OUTPUTS = [...(backup ? [] : ['dist/app/index.html']), 'dist/server/main.js', 'dist/server/backup.js'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const built = OUTPUTS.map((p) => join(root, p));
const stale = built.some((p) => !existsSync(p)) || Math.max(...SOURCES.map((p) => newest(join(root, p)))) > Math.min(...built.map((p) => statSync(p).mtimeMs));
if (stale) {
  console.log('Building Stance (sources changed since the last build)...');
  if (backup) run('npx', ['vite', 'build', '--config', 'vite.server.config.ts']);
  else run('npm', ['run', 'build']);
}

// Imported rather than spawned, so signals (Ctrl-C, a supervisor's SIGTERM) reach the server itself.
await import(pathToFileURL(join(root, 'dist/server', backup ? 'backup.js' : 'main.js')).href);
