import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSurvey } from './fixtures/surveys';
import { pollResponse } from './helpers';

const root = resolve(__dirname, '../..');
// Built inside the repository so the bundle's bare imports resolve to node_modules.
const outDir = join(root, '.tmp', `server-durability-${process.pid}`);
const TOKEN = 'durability-token';
let dataDir: string;
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts the built server and resolves with its output once it says it is listening. */
async function start(port: number, env: Record<string, string> = {}): Promise<ChildProcess & { output: () => string }> {
  const child = spawn(process.execPath, [join(outDir, 'main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STANCE_ADMIN_TOKEN: TOKEN, RATE_LIMIT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 15_000);
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is listening')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return Object.assign(child, { output: () => output });
}

beforeAll(() => {
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const built = spawnSync(vite, ['build', '--config', 'vite.server.config.ts', '--outDir', outDir, '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`server build failed: ${built.stderr}`);
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(outDir, { recursive: true, force: true });
});

describe('durability of the built server', () => {
  it('keeps an acknowledged response through SIGKILL and a restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stance-durable-'));
    await mkdir(join(dataDir, 'surveys'));
    await writeFile(join(dataDir, 'surveys', 'poll-v1.json'), JSON.stringify(pollSurvey));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    const server = await start(port);

    const response = pollResponse({ collector: '현장 조사원' });
    const exited = new Promise((done) => server.once('exit', done));
    const res = await fetch(`${base}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Stance-Device': response.device },
      body: JSON.stringify({ responses: [response] }),
    });
    const body = await res.json();
    server.kill('SIGKILL'); // the moment the acknowledgement is in
    await exited;
    expect(body).toEqual({ results: [{ id: response.id, status: 'stored' }] });

    const db = new Database(join(dataDir, 'stance.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();

    await start(port);
    const exported = await fetch(`${base}/surveys/poll/responses.ndjson`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect((await exported.text()).trim().split('\n').map((l) => JSON.parse(l))).toEqual([response]);
    const again = await fetch(`${base}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ responses: [response] }),
    });
    expect(await again.json()).toEqual({ results: [{ id: response.id, status: 'duplicate' }] });

    // An online backup while the server runs holds the response too.
    const target = join(dataDir, 'backups', 'copy.db');
    const backup = spawnSync(process.execPath, [join(outDir, 'backup.js'), target], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(backup.stdout).toContain('(1 response)');
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT id FROM responses').all()).toEqual([{ id: response.id }]);
    copy.close();
    expect(spawnSync(process.execPath, [join(outDir, 'backup.js'), target], { env: { ...process.env, DATA_DIR: dataDir } }).status).toBe(1);
  });
});

describe('the built server', () => {
  it('serves HTTPS with its own certificate and prints the address', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stance-tls-'));
    const cert = join(dataDir, 'cert.pem');
    const key = join(dataDir, 'key.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', key, '-out', cert]);
    if (made.status !== 0) return; // no openssl here: nothing to test with
    const port = await freePort();
    const server = await start(port, { TLS_CERT: cert, TLS_KEY: key, STANCE_ADMIN_TOKEN: '' });
    const body = await new Promise<string>((done, fail) => {
      get({ host: '127.0.0.1', port, path: '/api/v1/health', rejectUnauthorized: false }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => done(text));
      }).on('error', fail);
    });
    expect(JSON.parse(body)).toMatchObject({ status: 'ok', storage: 'sqlite' });
    expect(server.output()).toContain(`https://127.0.0.1:${port}/`);
    // Without STANCE_ADMIN_TOKEN a token is made, printed once and kept with mode 0600.
    expect(server.output()).toMatch(/Organiser token \(shown only this once/);
    const { statSync } = await import('node:fs');
    expect(statSync(join(dataDir, 'admin-token')).mode & 0o777).toBe(0o600);
  });
});
