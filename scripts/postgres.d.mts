/** A throwaway PostgreSQL server: its admin URL, and how to stop, restart and remove it. */
export type TestPostgres = { url: string; port: number; stop(): void; start(): void; destroy(): void };
/** Settings of the servers tests run on (fsync off; the benchmarks use the defaults). */
export const TEST_SETTINGS: Record<string, string>;
/** The folder holding initdb and pg_ctl, when PostgreSQL is installed. */
export function postgresBin(): string | undefined;
/** Installs Debian's PostgreSQL when missing and root; otherwise throws with the command to run. */
export function ensurePostgres(): void;
/** Starts a fresh server on a random port of 127.0.0.1; `settings` are extra `-c name=value` options. */
export function startPostgres(settings?: Record<string, string>): Promise<TestPostgres>;
