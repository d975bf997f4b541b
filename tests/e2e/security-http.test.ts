import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSurvey } from '../server/fixtures/surveys';
import { item, junkBody } from '../server/hostile-arbitraries';
import { build } from '../server/hostile-build';
import { makeResponse } from './data';
import { TEST_TOKEN, startServer, type TestServer } from './server';

// The real built server, rate limiter on (its defaults), over real sockets.
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  const res = await fetch(`${server.url}/api/v1/surveys`, { method: 'POST', headers: { authorization: `Bearer ${TEST_TOKEN}` }, body: JSON.stringify(pollSurvey) });
  expect(res.status).toBe(201);
});
afterAll(() => server?.stop());

const api = (path: string) => `${server.url}/api/v1${path}`;

async function exportedIds(survey: string): Promise<string[]> {
  const res = await fetch(api(`/surveys/${survey}/responses.ndjson`), { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
  return (await res.text()).split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
}

/** Runs `task` over `count` indexes, `width` at a time. */
async function pool(count: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await task(next++);
  }));
}

describe('hostile input over HTTP, rate limiter on', () => {
  it('a few hundred hostile batches: only 4xx or per-item verdicts, and only valid items are stored', async () => {
    const expected = new Set<string>();
    const payloads = fc.sample(fc.oneof({ weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength: 8 }) }, { weight: 1, arbitrary: junkBody }), 400);
    await pool(payloads.length, 8, async (i) => {
      const p = payloads[i]!;
      const batch = typeof p === 'string' ? [] : p.map(build);
      const body = typeof p === 'string' ? p : `{"responses":[${batch.map((b) => b.text).join(',')}]}`;
      const res = await fetch(api('/responses'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-stance-device': `hostile-${i}-device` }, body });
      const answer = (await res.json()) as { results?: { id: string; status: string }[]; error?: { code: string; message: string } };
      if (res.status !== 200) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(typeof answer.error?.code).toBe('string');
        return;
      }
      expect(typeof p).not.toBe('string');
      answer.results!.forEach((r, j) => {
        const kind = batch[j]!.item.kind;
        if (kind === 'good') expect(r.status).toBe('stored');
        if (kind === 'bad' || kind === 'junk') expect(r.status).toBe('rejected');
        if (r.status === 'stored') expected.add(r.id);
      });
    });
    expect((await exportedIds('poll')).sort()).toEqual([...expected].sort());
    expect((await fetch(api('/health'))).status).toBe(200);
  });

  it('refuses bodies over 1 MiB (declared or chunked) and bytes that are not UTF-8', async () => {
    const big = `{"responses":[${JSON.stringify('x'.repeat(1024 * 1024))}]}`;
    expect((await fetch(api('/responses'), { method: 'POST', body: big })).status).toBe(413);
    const chunked = new ReadableStream({ start(c) { for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(64 * 1024).fill(32)); c.close(); } });
    // No length to refuse up front: the server stops reading at the limit, so the client may see the 413 or just the closed socket.
    const streamed = await fetch(api('/responses'), { method: 'POST', body: chunked, duplex: 'half' } as RequestInit).then((r) => r.status, () => 'closed');
    expect([413, 'closed']).toContain(streamed);
    const bytes = Buffer.concat([Buffer.from('{"responses":["'), Buffer.from([0xff, 0xfe, 0xc0, 0xae]), Buffer.from('"]}')]);
    const notUtf8 = await fetch(api('/responses'), { method: 'POST', body: bytes });
    expect(notUtf8.status).toBe(400);
    expect(((await notUtf8.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    expect((await fetch(api('/health'))).status).toBe(200);
  });
});

describe('rate limits over HTTP', () => {
  it('answer 429 with Retry-After to one device sending too fast', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    await pool(600, 20, async () => {
      const res = await fetch(api('/health'), { headers: { 'x-stance-device': 'one-greedy-device' } });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
      } else await res.arrayBuffer();
    });
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('let 2,000 devices behind one IP submit within a minute, every one stored', async () => {
    const started = Date.now();
    const sent: string[] = [];
    const failures: string[] = [];
    await pool(2000, 50, async (i) => {
      const device = `hall-device-${String(i).padStart(4, '0')}`;
      const survey = await fetch(api('/surveys'), { headers: { 'x-stance-device': device } });
      const response = makeResponse({ device, wave: 'hall-rush' });
      const res = await fetch(api('/responses'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-stance-device': device }, body: JSON.stringify({ responses: [response] }) });
      const body = (await res.json()) as { results?: { status: string }[] };
      await survey.arrayBuffer();
      if (survey.status !== 200 || res.status !== 200 || body.results?.[0]?.status !== 'stored') failures.push(`${device}: ${survey.status} ${res.status}`);
      sent.push(response.id);
    });
    expect(failures).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
    const res = await fetch(api('/surveys/sovereign-ai/responses.ndjson?wave=hall-rush'), { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    expect((await res.text()).split('\n').filter(Boolean).length).toBe(2000);
  });
});

describe('the built app', () => {
  const appDir = resolve('dist/app');
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

  it('serves every file, page and API answer with CSP (no inline script), nosniff, Referrer-Policy and frame-ancestors', async () => {
    const paths = [...files(appDir).map((f) => `/${relative(appDir, f)}`), '/', '/s/sovereign-ai', '/organiser', '/api/v1/health', '/api/v1/surveys', '/api/v1/nope'];
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const res = await fetch(`${server.url}${path}`, { headers: { accept: path.includes('.') ? '*/*' : 'text/html' } });
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/(^|;\s*)script-src 'self'(;|$)/);
      expect(csp, path).not.toMatch(/unsafe-inline[^;]*;?\s*$|script-src[^;]*unsafe/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('has no inline script or inline event handler in its HTML', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});
