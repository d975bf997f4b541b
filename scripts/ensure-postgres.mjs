// Tests of the store never skip: make sure Debian's PostgreSQL is installed, installing it when
// we are root, or failing with the command to run.
import { ensurePostgres } from './postgres.mjs';

try {
  ensurePostgres();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
