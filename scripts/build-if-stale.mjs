// Shared by `npm start`, `npm run backup` and `npm run bench`: rebuild when a build output is
// missing or older than any source it is made from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const root = new URL('..', import.meta.url).pathname;

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'vite.server.config.ts', 'package.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Runs a command in the root, exiting with its status if it fails. */
export function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** True when any of `outputs` (paths from the root) is missing or older than the newest source. */
export function isStale(outputs) {
  const built = outputs.map((p) => join(root, p));
  return built.some((p) => !existsSync(p)) || Math.max(...SOURCES.map((p) => newest(join(root, p)))) > Math.min(...built.map((p) => statSync(p).mtimeMs));
}
