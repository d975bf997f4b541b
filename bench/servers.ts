import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../tests/e2e/server';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The organiser token of every server the bench starts. */
export const BENCH_TOKEN = 'bench-organiser-token-0123456789abcdef';

/** A server child process the bench started, on loopback. */
export type Running = { url: string; port: number; pid: number; dataDir: string; stop(): Promise<void> };

/**
 * CPU seconds a process has used (user + system, from /proc). Beside the wall time of a
 * load test it says whether the server was busy or waiting for a core another program held.
 */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime and stime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}

// Every child is killed by its own PID when the bench ends, however it ends.
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
});

/** A fresh data directory under the system's temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `stance-bench-${prefix}-`));
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer ${url} within 60 s:\n${output()}`);
}

/** Starts a Node script as a child on a free loopback port and waits until `healthPath` answers. */
async function startChild(script: string, env: Record<string, string>, healthPath: string, dataDir: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(script)], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const keep = (d: Buffer) => (output = (output + d).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    children.delete(child);
  };
  try {
    await waitUntilUp(url + healthPath, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, pid: child.pid!, dataDir, stop };
}

/**
 * The real server as `npm start` runs it (dist/server/main.js), on its own data directory.
 * `rateLimit: false` sets RATE_LIMIT=off for tests whose figures the limits must not shape.
 */
export async function startStance(options: { rateLimit: boolean; dataDir?: string; env?: Record<string, string> }): Promise<Running> {
  const dataDir = options.dataDir ?? tempDir('server');
  const env = { DATA_DIR: dataDir, STANCE_ADMIN_TOKEN: BENCH_TOKEN, ...(options.rateLimit ? {} : { RATE_LIMIT: 'off' }), ...options.env };
  const running = await startChild('dist/server/main.js', env, '/api/v1/health', dataDir);
  return {
    ...running,
    stop: async () => {
      await running.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The HTTP-stack limit: the same Hono and node-server answering constants (bench/http-constant.ts). */
export function startConstant(): Promise<Running> {
  return startChild('dist/bench/http-constant.js', {}, '/constant', '');
}
