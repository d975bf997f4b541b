import { describe, expect, it, vi } from 'vitest';
import type { Answers, Response as SurveyResponse } from '../../src/core/response';
import type { OpinionMap } from '../../src/core/opinion-map';
import { OpinionMapSchema } from '../../src/core/opinion-map';
import type { Survey } from '../../src/core/survey';
import { prepare } from '../../src/server/submit';
import type { Store } from '../../src/server/store/types';
import { adjustedRandIndex, likertSurvey, majorityMap, OWN, plantedResponses } from '../core/analysis/helpers';
import type { Planted } from '../core/analysis/helpers';
import { AUTH, getJson, newId, setup } from './helpers';

const survey = likertSurvey(Array(8).fill(5));
const closed: Survey = { ...survey, id: 'closed-map', resultsPublic: false };
const URL = '/api/v1/surveys/synthetic/analysis';

/** A full response to the synthetic survey with these answers. */
function response(answers: Answers, overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: newId(), surveyId: 'synthetic', surveyVersion: 1, wave: 'open', channel: 'web', device: 'device-0001',
    locale: 'en', startedAt: '2025-06-01T09:00:00.000Z', submittedAt: '2025-06-01T09:03:00.000Z', ...overrides, answers,
  };
}

/** Stores responses straight through the store, in one transaction per call. */
async function seed(store: Store, responses: SurveyResponse[]) {
  const results = await store.submit(await Promise.all(responses.map((r) => prepare(store, r, Date.now()))));
  expect(results.every((r) => r.status === 'stored')).toBe(true);
}

const shown = (map: OpinionMap & { withheld: false }) => map.groups.filter((g) => !g.withheld);

async function readMap(app: Awaited<ReturnType<typeof setup>>['app'], path = URL, headers: Record<string, string> = {}) {
  const res = await getJson(app, path, headers);
  expect(res.status).toBe(200);
  const map = OpinionMapSchema.parse(res.body);
  return { map, etag: res.headers.get('etag')!, headers: res.headers };
}

describe('GET /api/v1/surveys/:id/analysis', () => {
  it('recovers planted opinion groups, their positions and the consensus through the endpoint', async () => {
    const { app, store } = await setup({ surveys: [survey] });
    const { responses, truth } = plantedResponses(300);
    await seed(store, responses.map((r) => response(r.answers)));
    const { map } = await readMap(app);
    if (map.withheld) throw new Error('withheld');
    expect(map).toMatchObject({ count: 900, participants: 900, k: 3, seed: 1, minCount: 5, pointSet: { mode: 'all', total: 900, shown: 900 }, density: null });
    // Stored responses are read oldest id first, the order they were made in.
    expect(adjustedRandIndex(map.points.map((p) => p[2]), truth)).toBeGreaterThanOrEqual(0.9);
    const planted = majorityMap(map.points.map((p) => p[2]), truth);
    for (const group of shown(map)) {
      if (group.withheld) continue;
      const name = (['A', 'B', 'C'] as Planted[])[planted.get(group.id)!]!;
      expect(group.characteristic.filter((c) => c.type === 'agree').map((c) => c.question).sort()).toEqual(OWN[name]);
    }
    expect(map.consensus.map((c) => [c.question, c.type])).toEqual(expect.arrayContaining([['p0', 'agree'], ['p1', 'disagree']]));
    expect(map.crossTable.map((row) => row.declared)).toEqual(['defense', 'culture', 'industry', 'public']);
  });

  it('is for the organiser only when results are not public', async () => {
    const { app, store } = await setup({ surveys: [closed] });
    await seed(store, plantedResponses(3).responses.map((r) => response(r.answers, { surveyId: 'closed-map' })));
    const path = '/api/v1/surveys/closed-map/analysis';
    expect((await getJson(app, path)).status).toBe(401);
    expect((await getJson(app, path, { Authorization: 'Bearer wrong' })).status).toBe(401);
    const { map, headers } = await readMap(app, path, AUTH);
    expect(map.count).toBe(9);
    expect(headers.get('cache-control')).toBe('private, no-cache');
    expect((await getJson(app, '/api/v1/surveys/nope/analysis')).status).toBe(404);
  });

  it('withholds the whole map under five responses, and small groups within it', async () => {
    const { app, store } = await setup({ surveys: [survey] });
    const answers = plantedResponses(2).responses.map((r) => r.answers);
    await seed(store, answers.slice(0, 4).map((a) => response(a)));
    const few = await readMap(app, URL, AUTH);
    expect(few.map).toEqual({ surveyId: 'synthetic', version: 1, filters: {}, seed: 1, minCount: 5, withheld: true, count: null });
    await seed(store, answers.slice(4).map((a) => response(a)));
    const { map } = await readMap(app, URL, AUTH);
    if (map.withheld) throw new Error('withheld');
    expect(map.count).toBe(6);
    // Six respondents in two or more groups: any group under five shows no figures.
    for (const g of map.groups) if (!g.withheld) expect(g.size).toBeGreaterThanOrEqual(5);
    for (const row of map.crossTable) for (const cell of row.cells) if (!cell.withheld) expect(cell.count).toBeGreaterThanOrEqual(5);
  });

  it('sends an ETag, answers 304, caches until the tallies change and is the same for the same seed', async () => {
    const { app, store } = await setup({ surveys: [survey] });
    await seed(store, plantedResponses(20).responses.map((r) => response(r.answers)));
    const reads = vi.spyOn(store, 'iterateAnswers');
    const first = await readMap(app, URL, AUTH);
    expect(first.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await app.request(URL, { headers: { ...AUTH, 'If-None-Match': first.etag } })).status).toBe(304);
    expect((await readMap(app, `${URL}?seed=1`, AUTH)).map).toEqual(first.map);
    expect((await readMap(app, URL)).map).toEqual(first.map);
    expect(reads).toHaveBeenCalledTimes(1);
    await seed(store, [response(plantedResponses(1).responses[0]!.answers)]);
    const changed = await getJson(app, URL, { ...AUTH, 'If-None-Match': first.etag });
    expect(changed.status).toBe(200);
    expect(changed.body.count).toBe(61);
    expect(reads).toHaveBeenCalledTimes(2);
    expect((await getJson(app, `${URL}?seed=7&k=2`)).status).toBe(401);
    const again = await readMap(app, `${URL}?seed=7&k=2`, AUTH);
    expect(again.map.seed).toBe(7);
    expect((await readMap(app, `${URL}?seed=7&k=2`, AUTH)).etag).toBe(again.etag);
  });

  it('applies the wave, channel, group and version filters and refuses bad parameters', async () => {
    const { app, store } = await setup({ surveys: [survey] });
    const answers = plantedResponses(10).responses.map((r) => r.answers);
    await seed(store, [
      ...answers.slice(0, 12).map((a) => response(a, { wave: 'morning', channel: 'conference' })),
      ...answers.slice(12).map((a) => response(a, { channel: 'field' })),
    ]);
    const count = async (query: string) => (await readMap(app, `${URL}?${query}`, AUTH)).map.count;
    expect(await count('wave=morning')).toBe(12);
    expect(await count('channel=field')).toBe(18);
    expect(await count('version=1&wave=morning&channel=field')).toBeNull();
    const defense = answers.filter((a) => a.sector === 'defense').length;
    expect(await count('group=defense')).toBe(defense >= 5 ? defense : null);
    expect((await readMap(app, `${URL}?group=defense`, AUTH)).map.filters).toEqual({ group: 'defense' });
    expect((await getJson(app, `${URL}?version=3`)).status).toBe(404);
    for (const bad of ['channel=tv', 'wave=Bad!', 'version=x', 'group=../x', 'seed=-1', 'k=1', 'k=6', 'k=x']) {
      expect((await getJson(app, `${URL}?${bad}`, AUTH)).status).toBe(400);
    }
  });

  it('gives the public only precomputed maps: the whole version and registered waves, redrawn at most every 5 s', async () => {
    let now = Date.parse('2025-06-02T10:00:00.000Z');
    const { app, store } = await setup({ surveys: [survey], clock: () => now });
    await seed(store, plantedResponses(10).responses.map((r) => response(r.answers, { wave: 'morning' })));
    await store.putWave('synthetic', { slug: 'morning', code: 'MMMMMM', label: { ko: '오전', en: 'Morning' }, startsAt: '2025-06-02T09:00:00.000Z', oneResponsePerDevice: false });
    for (const query of ['channel=web', 'group=defense', 'wave=unregistered', 'k=3', 'seed=2']) {
      const res = await getJson(app, `${URL}?${query}`);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    expect((await readMap(app, `${URL}?wave=morning`)).map.count).toBe(30);
    const before = await readMap(app);
    expect(before.map.count).toBe(30);
    const reads = vi.spyOn(store, 'iterateAnswers');
    await seed(store, [response(plantedResponses(1).responses[0]!.answers)]);
    // Within 5 s of the last drawing the public gets the map as it was, and nothing is computed.
    now += 4000;
    expect((await readMap(app)).map.count).toBe(30);
    expect(reads).not.toHaveBeenCalled();
    now += 1000;
    expect((await readMap(app)).map.count).toBe(30);
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(1));
    await vi.waitFor(async () => expect((await readMap(app)).map.count).toBe(31));
  });

  it('limits the fresh maps an organiser can have drawn, but not cached ones', async () => {
    const { app, store } = await setup({ surveys: [survey] });
    await seed(store, plantedResponses(5).responses.map((r) => response(r.answers, { channel: 'field' })));
    const statuses: number[] = [];
    for (const k of [2, 3, 4, 5]) for (const query of ['', '&channel=field', '&group=defense']) statuses.push((await getJson(app, `${URL}?k=${k}${query}`, AUTH)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    const refused = await getJson(app, `${URL}?k=5&channel=web`, AUTH);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await getJson(app, `${URL}?k=2`, AUTH)).status).toBe(200);
  });

  it('serves a deterministic sample of 2,000 points and the density of all when there are more', async () => {
    const { app, store } = await setup({ surveys: [survey] });
    await seed(store, plantedResponses(700).responses.map((r) => response(r.answers)));
    const { map } = await readMap(app);
    if (map.withheld) throw new Error('withheld');
    expect(map.pointSet).toEqual({ mode: 'sample', total: 2100, shown: 2000 });
    expect(map.points).toHaveLength(2000);
    expect(map.density!.counts.reduce((a, b) => a + b)).toBe(2100);
    expect(map.density!.counts).toHaveLength(map.density!.bins ** 2);
  });
});

describe('SqliteStore.iterateAnswers', () => {
  it('reads every answer of one version in id order across pages, while commits happen between pages', async () => {
    const { store } = await setup({ surveys: [survey] });
    const made = plantedResponses(1800).responses.map((r) => response(r.answers));
    await seed(store, made);
    const seen: Answers[] = [];
    for await (const answers of store.iterateAnswers('synthetic', 1, {})) {
      // A write in the middle of the read must not hit a busy connection.
      if (seen.length === 10) await seed(store, [response({ sector: 'public', p0: 3 })]);
      seen.push(answers);
    }
    expect(seen.length).toBe(5401);
    expect(seen.slice(0, 5400)).toEqual(made.map((r) => r.answers));
    expect(seen.at(-1)).toEqual({ sector: 'public', p0: 3 });
    let other = 0;
    for await (const _ of store.iterateAnswers('synthetic', 2, {})) other++;
    expect(other).toBe(0);
  });
});
