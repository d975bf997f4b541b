import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { appConfig } from '../../src/server/config';
import { SqliteStore } from '../../src/server/store/sqlite';
import { pollSurvey, privateSurvey } from '../../tests/server/fixtures/surveys';
import { AUTH, pollResponse, TOKEN } from '../../tests/server/helpers';

// Issue 15 #2 reproduced in-process on a file database: 500 POSTs of 200 valid responses,
// each response in a new wave slug, while one public and one organiser live subscriber
// read. Run with `npx vitest run --config bench/measure/vitest.config.ts` (not part of the suite).

const POSTS = Number(process.env.POSTS ?? 500);
const mb = (n: number) => Math.round(n / 1e5) / 10;
const kb = (n: number) => Math.round(n / 100) / 10;

async function reader(app: ReturnType<typeof createApp>, headers: Record<string, string>) {
  const res = await app.request('/api/v1/surveys/poll/live', { headers });
  const body = res.body!.getReader();
  const seen = { bytes: 0 };
  void (async () => {
    for (;;) {
      const { done, value } = await body.read();
      if (done) return;
      seen.bytes += value.length;
    }
  })();
  return { seen, close: () => body.cancel() };
}

async function sizesAndRebuild(app: ReturnType<typeof createApp>) {
  const out: Record<string, number> = {};
  for (const [name, headers] of [['public', {}], ['organiser', AUTH]] as const) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await app.request('/api/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ responses: [pollResponse({ wave: 'open' })] }) });
      const start = performance.now();
      out[`${name}Bytes`] = (await (await app.request('/api/v1/surveys/poll/results', { headers })).text()).length;
      times.push(performance.now() - start);
    }
    out[`${name}RebuildMs`] = Math.round(times.sort((a, b) => a - b)[2]! * 10) / 10;
  }
  out.overviewBytes = (await (await app.request('/api/v1/surveys/poll/overview', { headers: AUTH })).text()).length;
  return out;
}

it('invented slugs: RSS, snapshot size, rebuild time and live bytes before and after', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stance-slugs-'));
  const store = new SqliteStore(join(dir, 'stance.db'));
  for (const survey of [pollSurvey, privateSurvey]) await store.putSurvey(survey);
  const app = createApp({ store, clock: Date.now, config: appConfig({ adminToken: TOKEN, rateLimit: false, log: () => undefined }) });
  const seed = Array.from({ length: 40 }, () => pollResponse());
  await app.request('/api/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ responses: seed }) });
  global.gc?.();
  const before = { rssMB: mb(process.memoryUsage().rss), ...(await sizesAndRebuild(app)) };
  const publicLive = await reader(app, {});
  const organiserLive = await reader(app, AUTH);
  const started = performance.now();
  for (let p = 0; p < POSTS; p++) {
    const responses = Array.from({ length: 200 }, (_, i) => pollResponse({ wave: `s${p}-${i}` }));
    const res = await app.request('/api/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ responses }) });
    expect(res.status).toBe(200);
    // Results are read as a hall would, so every view is rebuilt as the slugs arrive.
    if (p % 10 === 0) await app.request('/api/v1/surveys/poll/results');
  }
  const attackSeconds = Math.round((performance.now() - started) / 100) / 10;
  await new Promise((r) => setTimeout(r, 1500));
  global.gc?.();
  const after = { rssMB: mb(process.memoryUsage().rss), ...(await sizesAndRebuild(app)) };
  const live = { attackSeconds, publicLiveKB: kb(publicLive.seen.bytes), organiserLiveKB: kb(organiserLive.seen.bytes) };
  await publicLive.close();
  await organiserLive.close();
  console.log(JSON.stringify({ before, after, live }, null, 1));
  await store.close();
}, 900_000);
