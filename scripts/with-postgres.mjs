// `node scripts/with-postgres.mjs <command...>`: runs the command with TEST_DATABASE_URL pointing
// at one throwaway PostgreSQL server, shared by every test file of the run, unless the caller
// already set TEST_DATABASE_URL to a server of its own.
import { spawnSync } from 'node:child_process';
import { TEST_SETTINGS, startPostgres } from './postgres.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args...]');
  process.exit(2);
}
const server = process.env.TEST_DATABASE_URL ? undefined : await startPostgres(TEST_SETTINGS);
const env = { ...process.env, ...(server ? { TEST_DATABASE_URL: server.url } : {}) };
let status = 1;
try {
  status = spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
} finally {
  server?.destroy();
}
process.exit(status);
