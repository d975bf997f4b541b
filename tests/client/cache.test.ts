import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, createSyncEngine, persistStorage, resultsKey, retryAfterMs, storageEstimate } from '../../src/client';
import { isAppError } from '../../src/core/errors';
import { ResultsSnapshotSchema, buildSnapshot } from '../../src/core/results';
import { fakeServer } from './fake-server';
import { draftOf, makeClient, makeResponse, makeSurvey } from './helpers';

afterEach(() => vi.unstubAllGlobals());

describe('surveys on the device', () => {
  it('returns the latest valid version and exact versions', async () => {
    const { client } = await makeClient();
    await client.putSurveys([makeSurvey('demo', 1), makeSurvey('demo', 2), makeSurvey('other', 1)]);
    expect((await client.listSurveys()).map((s) => `${s.id}@${s.version}`)).toEqual(['demo@2', 'other@1']);
    expect((await client.getSurvey('demo'))?.version).toBe(2);
    expect((await client.getSurvey('demo', 1))?.version).toBe(1);
    expect(await client.getSurvey('demo', 3)).toBeUndefined();
    expect(await client.getSurvey('missing')).toBeUndefined();
  });

  it('refresh stores valid definitions, ignores invalid ones and fetches versions in use', async () => {
    const { client } = await makeClient();
    await client.putSurveys([makeSurvey('held', 1)]);
    await client.submitResponse(makeResponse(1, { surveyId: 'old', surveyVersion: 1 }));
    await client.saveDraft(draftOf(makeResponse(2, { surveyId: 'drafted', surveyVersion: 4 })));
    const server = fakeServer();
    const list = [
      { id: 'held', version: 1, title: {} },
      { id: 'fresh', version: 2, title: {} },
      { id: 'broken', version: 1, title: {} },
    ];
    server.gets.set('/api/v1/surveys', () => server.json(list));
    server.gets.set('/api/v1/surveys/held', () => {
      throw new Error('a version already held is never fetched again');
    });
    server.gets.set('/api/v1/surveys/fresh', () => server.json(makeSurvey('fresh', 2)));
    server.gets.set('/api/v1/surveys/broken', () => server.json({ ...makeSurvey('broken', 1), sections: [] }));
    server.gets.set('/api/v1/surveys/old/versions/1', () => server.json(makeSurvey('old', 1)));
    server.gets.set('/api/v1/surveys/drafted/versions/4', () => server.json(makeSurvey('drafted', 4)));
    const report = await createSyncEngine(client, { fetch: server.fetch, locks: null }).refreshSurveys();
    expect(report).toEqual({ stored: 3, invalid: 1, failed: 0 });
    expect((await client.surveyKeys()).map(([id, v]) => `${id}@${v}`)).toEqual(['drafted@4', 'fresh@2', 'held@1', 'old@1']);
  });

  it('refresh reports an unreachable server instead of throwing', async () => {
    const { client } = await makeClient();
    const fetch = () => Promise.reject(new TypeError('offline'));
    expect(await createSyncEngine(client, { fetch, locks: null }).refreshSurveys()).toEqual({ stored: 0, invalid: 0, failed: 1 });
  });
});

describe('results cache', () => {
  it('caches checked snapshots per query, revalidates with the ETag, and keeps them when refused', async () => {
    const { client, clock } = await makeClient();
    const server = fakeServer();
    const snapshot = buildSnapshot({ survey: makeSurvey(), rows: [], filters: { wave: 'w1', channel: 'field' }, waves: [], generatedAt: new Date(clock.now).toISOString() });
    let status = 200;
    server.gets.set('/api/v1/surveys/demo/results?channel=field&wave=w1', () =>
      status === 200 ? server.json(snapshot, 200, { etag: '"a"' }) : new Response(null, { status }),
    );
    server.gets.set('/api/v1/surveys/broken/results', () => server.json({ count: 7 }));
    const engine = createSyncEngine(client, { fetch: server.fetch, locks: null });
    const query = { wave: 'w1', channel: 'field' };
    expect(await engine.refreshResults('demo', query)).toEqual({ value: snapshot, fetchedAt: new Date(clock.now).toISOString(), fresh: true });
    const key = resultsKey('demo', { channel: 'field', wave: 'w1' });
    expect(await client.readCache(key, ResultsSnapshotSchema)).toEqual({ value: snapshot, fetchedAt: new Date(clock.now).toISOString(), etag: '"a"' });

    status = 304;
    clock.now += 60_000;
    expect((await engine.refreshResults('demo', query))?.value).toEqual(snapshot);
    expect((await client.readCache(key, ResultsSnapshotSchema))?.fetchedAt).toBe(new Date(clock.now).toISOString());

    status = 403;
    expect(await engine.refreshResults('demo', query)).toBeUndefined();
    expect(await engine.refreshResults('unknown')).toBeUndefined();
    expect(await engine.refreshResults('broken')).toBeUndefined();
    expect((await client.readCache(key, ResultsSnapshotSchema))?.value).toEqual(snapshot);
  });
});

describe('backup export', () => {
  it('carries unacknowledged responses only, or everything with all', async () => {
    const { client, clock } = await makeClient();
    const server = fakeServer();
    server.rejectSurveyVersions.add(9);
    const sent = makeResponse(1);
    const rejected = makeResponse(2, { surveyVersion: 9 });
    await client.submitResponse(sent);
    await client.submitResponse(rejected);
    await createSyncEngine(client, { fetch: server.fetch, locks: null }).sync();
    const waiting = makeResponse(3);
    await client.submitResponse(waiting);

    const backup = await client.exportBackup();
    expect(backup).toEqual({ format: 'stance-backup', version: 1, device: await client.deviceId(), exportedAt: new Date(clock.now).toISOString(), responses: [rejected, waiting] });
    expect((await client.exportBackup({ all: true })).responses).toEqual([sent, rejected, waiting]);
    expect(JSON.parse(JSON.stringify(backup))).toEqual(backup);
    expect(await client.listResponses('demo')).toEqual([sent, waiting]);
  });
});

describe('apiFetch', () => {
  it('turns error bodies, bare statuses and network failures into AppErrors', async () => {
    const server = fakeServer();
    server.gets.set('/api/v1/bad', () => server.json({ error: { code: 'unknown_survey', message: 'no such survey' } }, 404));
    server.gets.set('/api/v1/bare', () => new Response('<html>', { status: 502, headers: { 'retry-after': '2' } }));
    const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
    const bad = await caught(apiFetch('/api/v1/bad', {}, { fetch: server.fetch }));
    expect(isAppError(bad, 'unknown_survey') && bad.message).toBe('no such survey');
    const bare = await caught(apiFetch('/api/v1/bare', {}, { fetch: server.fetch }));
    expect(isAppError(bare, 'server') && bare.details).toEqual({ status: 502, retryAfterMs: 2000 });
    const offline = await caught(apiFetch('/x', {}, { fetch: () => Promise.reject(new TypeError('Failed to fetch')) }));
    expect(isAppError(offline, 'network')).toBe(true);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2025, 0, 1);
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('storage', () => {
  it('asks for persistence and reports usage where the browser can', async () => {
    expect(await persistStorage()).toBe(false);
    expect(await storageEstimate()).toBeUndefined();
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false, estimate: async () => ({ usage: 10, quota: 100 }) } });
    expect(await persistStorage()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    expect(await storageEstimate()).toEqual({ usage: 10, quota: 100, persisted: false });
  });
});
