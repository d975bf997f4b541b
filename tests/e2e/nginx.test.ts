import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './cluster';
import { makeResponse } from './data';
import { freePort } from './server';

/** nginx from Debian, installed when missing and root (like Chromium and PostgreSQL), else the test fails saying how. */
function ensureNginx(): void {
  if (spawnSync('sh', ['-c', 'command -v nginx']).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error('This test needs nginx. Run as root: apt-get install -y nginx-light');
  execFileSync('sh', ['-c', 'apt-get update && apt-get install -y nginx-light'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** docs/nginx/stance.conf as written, with this machine's ports and a self-signed certificate. */
function configure(dir: string, upstreams: number[], http: number, https: number): string {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  let conf = readFileSync('docs/nginx/stance.conf', 'utf8');
  const servers = [...conf.matchAll(/server 127\.0\.0\.1:\d+/g)];
  expect(servers.length).toBe(upstreams.length);
  servers.forEach((_, i) => (conf = conf.replace(/server 127\.0\.0\.1:80\d\d/, `server 127.0.0.1:${upstreams[i]}`)));
  conf = conf
    .replace('listen 80;', `listen 127.0.0.1:${http};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${https} ssl http2;`)
    .replace('/etc/ssl/stance/fullchain.pem', join(dir, 'cert.pem'))
    .replace('/etc/ssl/stance/privkey.pem', join(dir, 'key.pem'));
  writeFileSync(join(dir, 'stance.conf'), conf);
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, name));
  writeFileSync(join(dir, 'nginx.conf'), `daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} info;
events { worker_connections 1024; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include ${join(dir, 'stance.conf')};
}
`);
  return join(dir, 'nginx.conf');
}

/** A request over HTTPS to the self-signed proxy; `onData` sees a streamed body as it arrives. */
function call(port: number, path: string, options: { method?: string; body?: string; onData?: (chunk: string) => void } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string; abort(): void }>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', rejectUnauthorized: false, headers: options.body ? { 'content-type': 'application/json', 'x-stance-device': 'nginx-device' } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      if (options.onData) {
        res.on('data', options.onData);
        done({ status: res.statusCode ?? 0, headers: res.headers, body: '', abort: () => req.destroy() });
        return;
      }
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body, abort: () => undefined }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

describe('the nginx example in docs/nginx/stance.conf, in front of two processes', () => {
  let cluster: Cluster;
  let nginx: ChildProcess;
  let dir: string;
  let https: number;
  let http: number;

  beforeAll(async () => {
    ensureNginx();
    cluster = await startCluster(2, { env: { TRUST_PROXY: '1' } });
    dir = mkdtempSync(join(tmpdir(), 'stance-nginx-'));
    chmodSync(dir, 0o755);
    [http, https] = [await freePort(), await freePort()];
    const conf = configure(dir, cluster.servers.map((s) => s.port), http, https);
    nginx = spawn('nginx', ['-p', dir, '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    const deadline = Date.now() + 10_000;
    while ((await call(https, '/api/v1/health').then((r) => r.status, () => 0)) !== 200) {
      if (Date.now() > deadline || nginx.exitCode !== null) throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    nginx?.kill('SIGQUIT');
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await new Promise<{ status: number; location: string }>((done, fail) => {
      const req = get({ host: '127.0.0.1', port: http, path: '/s/sovereign-ai', headers: { host: 'survey.example.org' } }, (r) => done({ status: r.statusCode ?? 0, location: String(r.headers.location) }));
      req.on('error', fail);
    });
    expect(res).toEqual({ status: 301, location: 'https://survey.example.org/s/sovereign-ai' });
  });

  it('streams live results unbuffered: a submission reaches a subscriber within a second', async () => {
    // Enough responses first that one more changes what the public may see (small counts are withheld, and unchanged views are not pushed).
    expect((await call(https, '/api/v1/responses', { method: 'POST', body: JSON.stringify({ responses: Array.from({ length: 12 }, () => makeResponse()) }) })).status).toBe(200);
    const arrivals: number[] = [];
    const live = await call(https, '/api/v1/surveys/sovereign-ai/live', { onData: (chunk) => { if (chunk.includes('event: results')) arrivals.push(Date.now()); } });
    expect(live.status).toBe(200);
    expect(live.headers['content-type']).toContain('text/event-stream');
    await new Promise((r) => setTimeout(r, 1200));
    const before = arrivals.length;
    const sent = Date.now();
    const posted = await call(https, '/api/v1/responses', { method: 'POST', body: JSON.stringify({ responses: [makeResponse()] }) });
    expect(posted.status).toBe(200);
    await expect.poll(() => arrivals.length, { timeout: 3000 }).toBeGreaterThan(before);
    live.abort();
    console.log(`live through nginx: ${arrivals[before]! - sent} ms`);
    expect(arrivals[before]! - sent).toBeLessThan(1000);
  });

  it('keeps taking submissions when one process dies', async () => {
    await cluster.servers[0]!.kill();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await call(https, '/api/v1/responses', { method: 'POST', body: JSON.stringify({ responses: [makeResponse()] }) })).status);
    expect(statuses).toEqual(Array(10).fill(200));
  });
});
