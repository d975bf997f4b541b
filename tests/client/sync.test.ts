import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncEngine, type SyncStatus } from '../../src/client';
import { canonicalJson } from '../../src/core/canonical';
import { fakeServer } from './fake-server';
import { makeClient, makeResponse, type Client } from './helpers';

afterEach(() => vi.unstubAllGlobals());

async function fill(client: Client, n: number, from = 0) {
  const responses = Array.from({ length: n }, (_, i) => makeResponse(from + i));
  // Submitted out of order: the outbox must still send oldest first.
  for (const r of [...responses].reverse()) expect(await client.submitResponse(r)).toEqual({ ok: true });
  return responses;
}

describe('sync engine: the device credential', () => {
  it('keeps the X-Stance-Device-Token the server sends and sends it back from then on', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    await fill(client, 1);
    const engine = createSyncEngine(client, { fetch: server.fetch, locks: null });
    await engine.sync();
    server.issueToken('c2lnbmVkLWJ5LXRoZS1zZXJ2ZXI');
    await fill(client, 1, 1);
    await engine.sync();
    await fill(client, 1, 2);
    await engine.sync();
    expect(server.tokens).toEqual([null, null, 'c2lnbmVkLWJ5LXRoZS1zZXJ2ZXI']);
    expect(await client.deviceToken()).toBe('c2lnbmVkLWJ5LXRoZS1zZXJ2ZXI');
    // A new engine (the page reloaded) reads it back from the device.
    await fill(client, 1, 3);
    await createSyncEngine(client, { fetch: server.fetch, locks: null }).sync();
    expect(server.tokens.at(-1)).toBe('c2lnbmVkLWJ5LXRoZS1zZXJ2ZXI');
  });

  it('ignores a header that is not a credential', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    server.issueToken('not a token; <script>');
    await fill(client, 1);
    await createSyncEngine(client, { fetch: server.fetch, locks: null }).sync();
    expect(await client.deviceToken()).toBeUndefined();
  });
});

describe('sync engine: sending', () => {
  it('sends 250 responses in 3 batches, oldest first, and moves them to sent', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    const responses = await fill(client, 250);
    const report = await createSyncEngine(client, { fetch: server.fetch, locks: null }).sync();
    expect(report).toEqual({ stored: 250, duplicate: 0, rejected: 0, failed: 0 });
    expect(server.batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(server.batches.flat()).toEqual(responses.map((r) => r.id));
    expect(server.devices).toEqual(Array(3).fill(await client.deviceId()));
    expect(await client.counts()).toMatchObject({ outbox: 0, sent: 250, rejected: 0 });
  });

  it('reports progress n of m and ends with nothing waiting', async () => {
    const { client, clock } = await makeClient();
    await fill(client, 250);
    const engine = createSyncEngine(client, { fetch: fakeServer().fetch, locks: null, clock: () => clock.now });
    const seen: SyncStatus[] = [];
    engine.subscribe((s) => seen.push(s));
    await engine.sync();
    const progress = [...new Set(seen.map((s) => s.progress))].filter(Boolean);
    expect(progress).toEqual([0, 100, 200, 250].map((done) => ({ done, total: 250 })));
    expect(seen[0]!.syncing).toBe(true);
    expect(engine.status()).toMatchObject({ waiting: 0, syncing: false, lastSyncedAt: new Date(clock.now).toISOString() });
    expect(engine.status().progress).toBeUndefined();
    expect(await client.getSetting('sync.lastSyncedAt')).toBe(engine.status().lastSyncedAt);
  });

  it('moves duplicates to sent like stored ones', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    const responses = await fill(client, 5);
    // The server already holds the first two (sent from a backup, say).
    for (const r of responses.slice(0, 2)) server.stored.set(r.id, canonicalJson(r));
    const report = await createSyncEngine(client, { fetch: server.fetch, locks: null }).sync();
    expect(report).toEqual({ stored: 3, duplicate: 2, rejected: 0, failed: 0 });
    expect(await client.counts()).toMatchObject({ outbox: 0, sent: 5 });
  });

  it('keeps rejections with their reason, and a requeued one is sent later', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    server.rejectSurveyVersions.add(9);
    const good = makeResponse(1);
    const orphan = makeResponse(2, { surveyVersion: 9 });
    await client.submitResponse(good);
    await client.submitResponse(orphan);
    const engine = createSyncEngine(client, { fetch: server.fetch, locks: null });
    expect(await engine.sync()).toEqual({ stored: 1, duplicate: 0, rejected: 1, failed: 0 });
    const rejected = await client.listRejected();
    expect(rejected).toEqual([{ response: orphan, error: { code: 'unknown_survey', message: 'unknown version' }, rejectedAt: expect.any(String) }]);
    expect(await client.counts()).toMatchObject({ outbox: 0, sent: 1, rejected: 1 });

    server.rejectSurveyVersions.clear(); // the organiser uploaded version 9
    await client.requeueRejected(orphan.id);
    expect(await client.listOutbox()).toEqual([orphan]);
    expect(await engine.sync()).toEqual({ stored: 1, duplicate: 0, rejected: 0, failed: 0 });
    expect(await client.counts()).toMatchObject({ outbox: 0, sent: 2, rejected: 0 });
  });

  it('after a crash between storing and acknowledging, resends and gets duplicate, counting nothing twice', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    await fill(client, 30);
    server.script.push('lost-answer');
    const engine = createSyncEngine(client, { fetch: server.fetch, locks: null });
    expect(await engine.sync()).toEqual({ stored: 0, duplicate: 0, rejected: 0, failed: 30 });
    expect(server.stored.size).toBe(30);
    expect(await client.countOutbox()).toBe(30);
    expect(engine.status()).toMatchObject({ waiting: 30, lastErrorCode: 'network' });
    expect(await engine.sync()).toEqual({ stored: 0, duplicate: 30, rejected: 0, failed: 0 });
    expect(server.stored.size).toBe(30);
    expect(await client.counts()).toMatchObject({ outbox: 0, sent: 30 });
    expect(engine.status().lastError).toBeUndefined();
  });

  it('does not take an answer that does not match the batch as an acknowledgement', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    await fill(client, 4);
    server.script.push('mismatch', { status: 200, body: { results: 'nope' } });
    const engine = createSyncEngine(client, { fetch: server.fetch, locks: null });
    expect((await engine.sync()).failed).toBe(4);
    expect((await engine.sync()).failed).toBe(4);
    expect(await client.countOutbox()).toBe(4);
    expect(engine.status().lastErrorCode).toBe('server');
    expect(await engine.sync()).toEqual({ stored: 0, duplicate: 4, rejected: 0, failed: 0 });
  });

  it('splits a batch the server finds too large, and refuses a single response that is', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    await fill(client, 10);
    server.setMaxItems(3);
    const report = await createSyncEngine(client, { fetch: server.fetch, locks: null }).sync();
    expect(report).toMatchObject({ stored: 10, failed: 0 });
    expect(Math.max(...server.batches.map((b) => b.length))).toBeLessThanOrEqual(3);

    await fill(client, 1, 20);
    server.setMaxItems(0);
    expect(await createSyncEngine(client, { fetch: server.fetch, locks: null }).sync()).toMatchObject({ rejected: 1 });
    expect((await client.listRejected())[0]!.error.code).toBe('too_large');
  });

  it('sends a response submitted while a pass is running, without waiting for another trigger', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    server.setDelay(5);
    await fill(client, 3);
    const engine = createSyncEngine(client, { fetch: server.fetch, locks: null, batchSize: 1 });
    const first = engine.sync();
    await new Promise((r) => setTimeout(r, 8));
    await fill(client, 1, 10);
    expect(engine.sync()).toBe(first);
    expect(await first).toMatchObject({ stored: 4, failed: 0 });
    expect(await client.countOutbox()).toBe(0);
  });
});
