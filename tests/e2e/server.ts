import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The organiser token every test server uses. */
export const TEST_TOKEN = 'test-organiser-token-0123456789';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** A running copy of the built server (`dist/server/main.js`) on its own data directory. */
export type TestServer = { url: string; port: number; dataDir: string; output(): string; stop(): Promise<void>; kill(): Promise<void> };

/** Starts the real server as a child process and waits until its health check answers. */
export async function startServer(options: { dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<TestServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'stance-e2e-'));
  const child = spawn(process.execPath, [resolve('dist/server/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STANCE_ADMIN_TOKEN: TEST_TOKEN, PUBLIC_URL: `http://localhost:${port}`, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://localhost:${port}`;
  await waitForHealth(url, child, () => output);
  const ended = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exit = new Promise((done) => child.once('exit', done));
    child.kill(signal);
    await exit;
  };
  return { url, port, dataDir, output: () => output, stop: ended('SIGTERM'), kill: ended('SIGKILL') };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy:\n${output()}`);
}

/** Ids of the responses a server holds, read through the organiser's NDJSON export. */
export async function storedIds(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/v1/surveys/sovereign-ai/responses.ndjson`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
  return (await res.text()).split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id);
}
