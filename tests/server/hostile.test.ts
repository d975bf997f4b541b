import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/core/wire';
import { pollSurvey } from './fixtures/surveys';
import type { SqliteStore } from '../../src/server/store/sqlite';
import { AUTH, type Setup, setup } from './helpers';
import { anyFragment, deep, huge, item, junkBody, oddString, objText } from './hostile-arbitraries';
import { build, checkBatch, countRows, expectClientError } from './hostile-build';

// In-process, rate limiter off: ≥ 10,000 hostile payloads spread over every POST endpoint.
// Each property is bounded by its number of runs; a later one checks the sum.
// The seed is printed by fast-check on failure; FC_SEED=<n> replays a run.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
let ctx: Setup<SqliteStore>;
const sent: Record<string, number> = {};
const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  ctx = await setup();
});
afterAll(() => {
  console.log(`hostile payloads per POST endpoint: ${JSON.stringify(sent)} (total ${Object.values(sent).reduce((a, b) => a + b, 0)})`);
});

async function post(route: string, path: string, body: string, headers: Record<string, string> = {}) {
  sent[route] = (sent[route] ?? 0) + 1;
  const res = await ctx.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
}

const str = (s: string) => JSON.stringify(s);
/** A hostile value as a path segment; a lone surrogate cannot be percent-encoded, so it is sent as invalid UTF-8. */
function enc(fragment: string): string {
  try {
    return encodeURIComponent(String(JSON.parse(fragment)).slice(0, 200));
  } catch {
    return '%ED%A0%80x';
  }
}

describe('hostile input to every POST endpoint', () => {
  it('covers every POST route the app has (the organiser account routes in accounts-hostile.test.ts)', () => {
    const posts = [...new Set(ctx.app.routes.filter((r) => r.method === 'POST').map((r) => r.path))].sort();
    expect(posts).toEqual([
      '/api/v1/accounts',
      '/api/v1/accounts/:username/password-link',
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/auth/set-password',
      '/api/v1/imports',
      '/api/v1/responses',
      '/api/v1/surveys',
      '/api/v1/surveys/:id/comments/:responseId/:question/hide',
      '/api/v1/surveys/:id/comments/:responseId/:question/unhide',
      '/api/v1/surveys/:id/draft/publish',
      '/api/v1/surveys/:id/waves',
      '/api/v1/surveys/:id/waves/:slug/close',
      '/api/v1/tokens',
    ]);
  });

  it('POST /responses: refuses every bad item, stores exactly the valid ones of a mixed batch', async () => {
    const { store } = ctx;
    const payload = fc.oneof({ weight: 6, arbitrary: fc.array(item, { minLength: 1, maxLength: 20 }) }, { weight: 1, arbitrary: junkBody });
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const before = countRows(store);
        if (typeof p === 'string') {
          const res = await post('responses', '/api/v1/responses', p);
          expectClientError(res.status, res.body);
          expect(countRows(store)).toBe(before);
          return;
        }
        const batch = p.map(build);
        const body = `{"responses":[${batch.map((b) => b.text).join(',')}]}`;
        const res = await post('responses', '/api/v1/responses', body, { 'X-Stance-Device': 'device-0001' });
        if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
          expect(res.status).toBe(413);
          expectClientError(res.status, res.body);
          expect(countRows(store)).toBe(before);
          return;
        }
        expect(res.status).toBe(200);
        const stored = checkBatch(store, batch, res.body.results);
        expect(countRows(store)).toBe(before + stored);
      }),
      { numRuns: 5000, seed },
    );
    // Bounded by its count, not by time: on a machine shared with other jobs 5,000 runs take longer than the default 30 s.
  }, 180_000);

  it('POST /imports: a backup of hostile items stores only the valid ones', async () => {
    const { store } = ctx;
    const shape = fc.constantFrom('object', 'array', 'ndjson');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.tuple(fc.array(item, { minLength: 1, maxLength: 10 }), shape), junkBody), async (p) => {
        const before = countRows(store);
        const batch = typeof p === 'string' ? [] : p[0].map(build);
        const texts = batch.map((b) => b.text);
        const body = typeof p === 'string' ? p : p[1] === 'ndjson' ? texts.join('\n') : p[1] === 'array' ? `[${texts}]` : `{"responses":[${texts}]}`;
        const res = await post('imports', '/api/v1/imports', body, AUTH);
        if (res.status !== 200) {
          expectClientError(res.status, res.body);
          expect(countRows(store)).toBe(before);
          return;
        }
        const good = batch.filter((b) => b.item.kind === 'good').length;
        const noise = batch.filter((b) => b.item.kind === 'noise').length;
        expect(res.body.stored).toBe(countRows(store) - before);
        expect(res.body.stored).toBeGreaterThanOrEqual(good);
        expect(res.body.stored).toBeLessThanOrEqual(good + noise);
        expect(res.body.rejected).toBeGreaterThanOrEqual(batch.length - good - noise);
      }),
      { numRuns: 1000, seed },
    );
  });

  it('POST /surveys: a mangled definition is refused (400) or conflicts (409), never stored', async () => {
    const MARK = '"\\u0001hole\\u0001"';
    const paths = leafPaths(pollSurvey);
    const badId = fc.tuple(fc.constant('id'), fc.oneof(fc.constantFrom(str('Poll'), str('__proto__'), '""', '5', 'null', '{}'), oddString, huge));
    const badVersion = fc.tuple(fc.constant('version'), fc.constantFrom('0', '-0', '-1', '1.5', '1e309', '1000001', str('2'), 'null', '[1]'));
    const elsewhere = fc.tuple(fc.constantFrom(...paths.filter((p) => p !== 'id' && p !== 'version')), anyFragment);
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 5, arbitrary: fc.oneof(badId, badVersion, elsewhere) }, { weight: 1, arbitrary: junkBody }), async (p) => {
        const body = typeof p === 'string' ? p : JSON.stringify(withHole(pollSurvey, p[0], '\u0001hole\u0001')).replace(MARK, () => p[1]);
        const res = await post('surveys', '/api/v1/surveys', body, AUTH);
        if (res.status === 200) expect(res.body.status).toBe('duplicate'); // the mangling happened to change nothing
        else expectClientError(res.status, res.body);
        expect((await ctx.store.listSurveys()).length).toBe(2);
      }),
      { numRuns: 1500, seed },
    );
  });

  it('POST /surveys/:id/waves and …/close: refused, and no wave is registered or closed', async () => {
    const valid = { slug: 'session-1', label: 'Session 1', startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false };
    const BAD: Record<string, string[]> = {
      slug: ['""', str('Hall A'), str('x'.repeat(65)), '5', 'null', str('__proto__')],
      label: ['""', str('x'.repeat(201)), '5', 'null', '[]'],
      startsAt: [str('soon'), str('2025-06-01'), '1e309', '-0', 'null'],
      oneResponsePerDevice: [str('true'), '1', 'null', '{}'],
      closesAt: [str('later'), '5', '1e309', '{}', '[]'],
    };
    // Any string of 1–200 characters is a label, so labels get only values of the wrong kind.
    const field = fc.constantFrom(...Object.keys(BAD)).chain((k) => fc.tuple(fc.constant(k), fc.oneof(fc.constantFrom(...BAD[k]!), deep, k === 'label' ? deep : oddString)));
    const surveyId = fc.oneof({ weight: 4, arbitrary: fc.constant('poll') }, { weight: 1, arbitrary: fc.oneof(oddString, anyFragment).map(enc) });
    await fc.assert(
      fc.asyncProperty(surveyId, fc.oneof(field, junkBody), async (id, p) => {
        const body = typeof p === 'string' ? p : objText([...Object.entries(valid).map(([k, v]): [string, string] => [k, JSON.stringify(v)]).filter(([k]) => k !== p[0]), [p[0], p[1]]]);
        const res = await post('waves', `/api/v1/surveys/${id}/waves`, body, AUTH);
        expectClientError(res.status, res.body);
      }),
      { numRuns: 1000, seed },
    );
    const closeBody = fc.oneof(fc.constantFrom('5', 'true', 'false', 'null', '"x"', '[]', '[1]', '0', '-0', '1e309'), fc.oneof(oddString, anyFragment, deep).filter((at) => at !== 'null').map((at) => `{"at":${at}}`), junkBody.filter((b) => b.trim() !== '' && b !== '{}'));
    const slug = fc.oneof(fc.constantFrom('open', 'session-1'), fc.oneof(oddString, anyFragment).map(enc));
    await fc.assert(
      fc.asyncProperty(surveyId, slug, closeBody, async (id, s, body) => {
        const res = await post('close', `/api/v1/surveys/${id}/waves/${s}/close`, body, AUTH);
        if (res.status === 200) throw new Error(`closed ${id}/${s} with the body ${JSON.stringify(body).slice(0, 80)}`);
        expectClientError(res.status, res.body);
      }),
      { numRuns: 1000, seed },
    );
    expect(await ctx.store.listWaves('poll')).toEqual([]);
  });

  it('POST …/comments/:responseId/:question/hide|unhide: hostile ids are 4xx and hide nothing', async () => {
    const part = fc.oneof(fc.constantFrom('why', 'x', '..', '%2e%2e'), fc.oneof(oddString, anyFragment).map(enc));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('poll', 'nope'), part, part, fc.constantFrom('hide', 'unhide'), junkBody, async (id, r, q, action, body) => {
        const res = await post(action, `/api/v1/surveys/${id}/comments/${r}/${q}/${action}`, body, AUTH);
        expectClientError(res.status, res.body);
      }),
      { numRuns: 500, seed },
    );
    expect((ctx.store.db.prepare('SELECT COUNT(*) AS n FROM comments WHERE hidden = 1').get() as { n: number }).n).toBe(0);
  });

  it('POST …/draft/publish: hostile ids, bodies and If-Match headers are 4xx and publish nothing', async () => {
    // A draft with problems under an existing survey, so a publish that slipped through would show as a version.
    const saved = await ctx.app.request('/api/v1/surveys/poll/draft', { method: 'PUT', headers: { 'Content-Type': 'application/json', ...AUTH }, body: JSON.stringify({ ...pollSurvey, sections: [] }) });
    expect(saved.status).toBe(200);
    const before = (await ctx.store.listSurveys()).length;
    const id = fc.oneof(fc.constantFrom('poll', 'nope', '..', '%2e%2e', 'POLL'), fc.oneof(oddString, anyFragment).map(enc));
    const ifMatch = fc.oneof(fc.constant(undefined), fc.constantFrom('"draft-0"', '"draft-99999999999"', 'W/"draft-1"x', '"draft-"', '**', ''), oddString.map((v) => v.replace(/[^\x20-\x7e]/g, '?')));
    await fc.assert(
      fc.asyncProperty(id, ifMatch, junkBody, async (target, match, body) => {
        const res = await post('publish', `/api/v1/surveys/${target}/draft/publish`, body, { ...AUTH, ...(match === undefined ? {} : { 'If-Match': match }) });
        expectClientError(res.status, res.body);
      }),
      { numRuns: 500, seed },
    );
    expect((await ctx.store.listSurveys()).length).toBe(before);
  });

  it('stays up, logged no internal error, polluted no prototype, and its tallies still add up', async () => {
    const health = await ctx.app.request('/api/v1/health');
    expect(health.status).toBe(200);
    expect(ctx.logs).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const tallied = (await ctx.store.tallyRows('poll', 1)).reduce((n, r) => n + r.tally.count, 0);
    expect(tallied).toBe(countRows(ctx.store));
    expect(Object.values(sent).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
  });
});

/** Every path to a value in a survey definition, as dotted keys with array indexes. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const own = Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  return prefix ? [prefix, ...own] : own;
}

/** A deep copy with the value at `path` replaced by `hole`. */
function withHole(value: unknown, path: string, hole: string): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys[keys.length - 1]!] = hole;
  return copy;
}
