import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, pollResponse, setup, submit } from './helpers';

const SECRET = 'TOP-SECRET-do-not-serve';
let root: string;
let ctx: Awaited<ReturnType<typeof setup>>;
let server: ServerType;
let port: number;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'stance-security-'));
  root = join(base, 'app');
  await mkdir(join(root, 'assets'), { recursive: true });
  await mkdir(join(root, 'icons'));
  await writeFile(join(base, 'secret.txt'), SECRET);
  await writeFile(join(base, 'app-secret.txt'), SECRET); // a sibling whose name starts like the root's
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Stance</title><script type="module" src="/assets/index-abc.js"></script>');
  await writeFile(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(root, 'manifest.webmanifest'), '{"name":"Stance"}');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{margin:0}');
  await writeFile(join(root, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  ctx = await setup({ config: { staticDir: root } });
  await submit(ctx.app, Array.from({ length: 5 }, () => pollResponse()));
  server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((ready) => server.once('listening', ready));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** The CSP's directives by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

function expectSecurityHeaders(headers: Headers, what: string): void {
  const csp = directives(headers.get('content-security-policy') ?? '');
  expect(csp.get('default-src'), what).toEqual(["'self'"]);
  for (const name of ['script-src', 'script-src-elem', 'script-src-attr']) {
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) expect(csp.get(name) ?? [], `${what} ${name}`).not.toContain(bad);
  }
  expect(csp.get('script-src'), what).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'], what).toContain(headers.get('referrer-policy'));
}

describe('security headers on every kind of answer', () => {
  const GETS: [string, Record<string, string>?][] = [
    ['/'], ['/index.html'], ['/s/poll', { Accept: 'text/html' }], ['/organiser/results?survey=poll', { Accept: 'text/html' }],
    ['/assets/index-abc.js'], ['/assets/index-abc.css'], ['/sw.js'], ['/manifest.webmanifest'], ['/icons/icon-192.png'],
    ['/assets/missing-000.js'], ['/%c0%ae%c0%ae/x'],
    ['/api/v1/health'], ['/api/v1/surveys'], ['/api/v1/surveys/poll'], ['/api/v1/surveys/poll/results'], ['/api/v1/surveys/private/results'],
    ['/api/v1/nope'], ['/api/v1/surveys/poll/responses.csv', AUTH], ['/api/v1/surveys/poll/responses.ndjson', AUTH], ['/api/v1/surveys/poll/overview'],
  ];
  it.each(GETS)('GET %s', async (path, headers = {}) => {
    const res = await ctx.app.request(path, { headers });
    expectSecurityHeaders(res.headers, path);
    const etag = res.headers.get('etag');
    if (etag) expectSecurityHeaders((await ctx.app.request(path, { headers: { ...headers, 'If-None-Match': etag } })).headers, `${path} 304`);
  });

  it('on HEAD, errors from bodies (400, 413), a rate-limited 429 and the live stream', async () => {
    expectSecurityHeaders((await ctx.app.request('/', { method: 'HEAD' })).headers, 'HEAD /');
    const bad = await ctx.app.request('/api/v1/responses', { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
    expectSecurityHeaders(bad.headers, '400');
    const big = await ctx.app.request('/api/v1/responses', { method: 'POST', body: '{}', headers: { 'Content-Length': String(200 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.headers.get('connection')).toBe('close'); // the unread rest of the body makes the connection unusable
    expectSecurityHeaders(big.headers, '413');
    const limited = await setup({ config: { rateLimit: { deviceBurst: 1, devicePerSecond: 0, ipBurst: 100, ipPerSecond: 100 } } });
    const device = { 'X-Stance-Device': 'device-limited' };
    await limited.app.request('/api/v1/health', { headers: device });
    const tooFast = await limited.app.request('/api/v1/health', { headers: device });
    expect(tooFast.status).toBe(429);
    expectSecurityHeaders(tooFast.headers, '429');
    const controller = new AbortController();
    const live = await ctx.app.request('/api/v1/surveys/poll/live', { signal: controller.signal });
    expect(live.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expectSecurityHeaders(live.headers, 'live');
    controller.abort();
    await live.body?.cancel().catch(() => undefined);
  });
});

/** Sends one request exactly as written (no URL clean-up by a client library) and returns the whole answer. */
function raw(target: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (text += d));
    socket.on('end', () => done(text));
    socket.on('error', fail);
  });
}

const TRAVERSALS = [
  '/../secret.txt', '/../../../../etc/passwd', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/.%2e/secret.txt',
  '/%2E%2E/secret.txt', '/%252e%252e%252fsecret.txt', '/%252e%252e/secret.txt', '/..%5csecret.txt', '/..\\secret.txt', '/%2e%2e%5csecret.txt',
  '/%5c..%5csecret.txt', '/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/....//secret.txt',
  '/..%00/secret.txt', '/%00../secret.txt', '/%c0%ae%c0%ae/secret.txt', '/..%c0%afsecret.txt', '/..%ef%bc%8fsecret.txt', '//etc/passwd',
  '/%2fetc%2fpasswd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/../app-secret.txt', '/..%2fapp-secret.txt',
  'http://127.0.0.1/../secret.txt', '/%u002e%u002e/secret.txt', '/%2e%2e;/secret.txt', '/.././secret.txt', '/sw.js/../../secret.txt',
];

describe('static serving refuses path traversal', () => {
  it.each(TRAVERSALS)('in-process: %s', async (path) => {
    const res = await ctx.app.request(path.startsWith('http') ? path : `http://localhost${path}`);
    const body = await res.text();
    expect(body).not.toContain(SECRET);
    expect(body).not.toMatch(/root:.*:0:0:/);
    expect(res.status === 200 ? body : '<title>Stance</title>').toContain('<title>Stance</title>'); // at most the app's own page
  });

  it.each(TRAVERSALS)('over a raw socket: %s', async (target) => {
    const answer = await raw(target);
    expect(answer).toMatch(/^HTTP\/1\.1 \d{3}/);
    expect(answer).not.toContain(SECRET);
    expect(answer).not.toMatch(/root:.*:0:0:/);
    if (answer.startsWith('HTTP/1.1 200')) expect(answer).toContain('<title>Stance</title>');
  });
});
