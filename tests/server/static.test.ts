import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security';
import { setup } from './helpers';

let root: string;
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'stance-static-'));
  root = join(base, 'app');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(base, 'secret.txt'), 'do not serve');
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Stance</title>');
  await writeFile(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(root, 'manifest.webmanifest'), '{"name":"Stance"}');
  await writeFile(join(root, 'assets', 'index-abc123.js'), script);
});

const app = async () => (await setup({ config: { staticDir: root } })).app;

describe('static files', () => {
  it('caches hashed assets for a year and compresses them', async () => {
    const res = await (await app()).request('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
  });

  it.each(['/', '/index.html', '/sw.js', '/manifest.webmanifest'])('never caches %s without revalidating', async (path) => {
    const a = await app();
    const res = await a.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const again = await a.request(path, { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('falls back to index.html for app navigations but not for missing files or the API', async () => {
    const a = await app();
    const nav = await a.request('/s/sovereign-ai/results', { headers: { Accept: 'text/html' } });
    expect(await nav.text()).toContain('<title>Stance</title>');
    expect((await a.request('/assets/missing-000.js')).status).toBe(404);
    const api = await a.request('/api/v1/nope', { headers: { Accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: 'no such API endpoint' } });
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html'])(
    'refuses path traversal: %s',
    async (path) => {
      const res = await (await app()).request(`http://localhost${path}`);
      expect(await res.text()).not.toContain('do not serve');
      expect([400, 404]).toContain(res.status);
    },
  );

  it('sets the security headers on every response', async () => {
    const a = await app();
    for (const path of ['/', '/assets/index-abc123.js', '/api/v1/health', '/api/v1/nope', '/api/v1/surveys/private/results']) {
      const res = await a.request(path);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline\'; script');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });

  it('says the app is not built when there is no index.html', async () => {
    const { app: bare } = await setup({ config: { staticDir: join(root, 'nowhere') } });
    expect((await bare.request('/')).status).toBe(503);
  });
});
