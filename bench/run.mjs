// `npm run bench`: builds the app and the server when missing or older than their sources
// (the bench measures the build `npm start` serves), compiles the bench itself, then runs it
// as a child so a crash in one benchmark still leaves the table of the others.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isStale, root, run } from '../scripts/build-if-stale.mjs';

const OUTPUTS = ['dist/app/index.html', 'dist/app/sw.js', 'dist/server/main.js'];

const started = Date.now();
if (isStale(OUTPUTS)) {
  console.log('Building Stance (missing, or sources changed since the last build)...');
  run('npm', ['run', 'build']);
}
run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'bench/vite.config.ts']);
run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'bench/vite.harness.config.ts']);
const bench = spawnSync(process.execPath, ['--expose-gc', join(root, 'dist/bench/main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
console.log(`npm run bench took ${((Date.now() - started) / 60_000).toFixed(1)} min in all (builds included).`);
process.exit(bench.status ?? 1);
