// `npm run bench`: builds the app and the server when missing or older than their sources
// (the bench measures the build `npm start` serves), compiles the bench itself, then runs it
// as a child so a crash in one benchmark still leaves the table of the others.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'vite.server.config.ts', 'package.json', 'package-lock.json'];
const OUTPUTS = ['dist/app/index.html', 'dist/app/sw.js', 'dist/server/main.js'];

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

const started = Date.now();
const built = OUTPUTS.map((p) => join(root, p));
const stale = built.some((p) => !existsSync(p)) || Math.max(...SOURCES.map((p) => newest(join(root, p)))) > Math.min(...built.map((p) => statSync(p).mtimeMs));
if (stale) {
  console.log('Building Stance (missing, or sources changed since the last build)...');
  run('npm', ['run', 'build']);
}
run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'bench/vite.config.ts']);
run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'bench/vite.harness.config.ts']);
const bench = spawnSync(process.execPath, ['--expose-gc', join(root, 'dist/bench/main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
console.log(`npm run bench took ${((Date.now() - started) / 60_000).toFixed(1)} min in all (builds included).`);
process.exit(bench.status ?? 1);
