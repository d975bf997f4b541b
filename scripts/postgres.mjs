// A throwaway PostgreSQL server for tests and benchmarks (DESIGN §7): Debian's binaries,
// initdb into a temporary folder as the `postgres` user, a random port on 127.0.0.1,
// stopped at the end. Shared by `npm test` (one server for the whole run), the chaos run,
// the bench, and single test files run on their own.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL = 'apt-get update && apt-get install -y postgresql';

/**
 * Settings of the servers tests run on. fsync off makes each test's fresh database cost a
 * tenth of the time; nothing a test checks depends on the server surviving a power cut
 * (Stance still asks for synchronous_commit on, and a test checks that it does). The
 * benchmarks run with the defaults.
 */
export const TEST_SETTINGS = { fsync: 'off' };

/** The folder holding initdb and pg_ctl: Debian keeps each major version under /usr/lib/postgresql. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/** Installs Debian's PostgreSQL when it is missing and we are root; otherwise fails with the command to run. */
export function ensurePostgres() {
  if (postgresBin()) return;
  if (process.getuid?.() !== 0) throw new Error(`Tests need Debian's PostgreSQL. Run as root:\n  ${INSTALL}`);
  console.log(`PostgreSQL is missing; installing with: ${INSTALL}`);
  execFileSync('sh', ['-c', INSTALL], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!postgresBin()) throw new Error('PostgreSQL was installed but initdb was not found under /usr/lib/postgresql');
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

// initdb refuses to run as root, so as root every server command runs as `postgres`.
function asOwner(bin, args, options = {}) {
  const command = join(postgresBin(), bin);
  const result = process.getuid?.() === 0
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8', ...options })
    : spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Starts a fresh server and returns its admin URL (user `postgres`, database `postgres`)
 * with functions to stop and restart it on the same data and port.
 */
export async function startPostgres(settings = {}) {
  ensurePostgres();
  const dir = mkdtempSync(join(tmpdir(), 'stance-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  asOwner('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const options = { listen_addresses: '127.0.0.1', port: String(port), unix_socket_directories: dir, max_connections: '400', ...settings };
  const flags = Object.entries(options).map(([k, v]) => `-c ${k}=${v}`).join(' ');
  const start = () => asOwner('pg_ctl', ['-D', data, '-o', flags, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = (mode = 'fast') => asOwner('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    /** Stops the server, keeping its data, as a database outage. */
    stop: () => stop(),
    /** Starts it again on the same data and port. */
    start: () => start(),
    /** Stops it for good and removes its folder. */
    destroy() {
      try {
        stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
