import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, MIGRATIONS, openDatabase } from '../../src/client/db';
import { draftOf, makeClient, makeResponse, makeSurvey } from './helpers';

const STORES = ['cache', 'drafts', 'meta', 'outbox', 'rejected', 'sent', 'surveys'];

describe('database schema', () => {
  it('has one migration step per version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBe(3);
  });

  it('creates every store and index from empty', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase({ name: 'stance', factory });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    const tx = db.transaction(['outbox', 'sent']);
    expect([...tx.objectStore('outbox').indexNames].sort()).toEqual(['collector', 'survey']);
    expect([...tx.objectStore('sent').indexNames].sort()).toEqual(['collector', 'survey']);
    db.close();
  });

  it('upgrades a version 1 database and keeps its data', async () => {
    const factory = new IDBFactory();
    const v1 = await openDatabase({ name: 'stance', factory, version: 1 });
    expect([...v1.objectStoreNames].sort()).toEqual(['drafts', 'meta', 'outbox', 'surveys']);
    const waiting = makeResponse(1, { collector: 'Kim' });
    const draft = draftOf(makeResponse(2));
    await v1.put('outbox', waiting);
    await v1.put('drafts', draft);
    await v1.put('surveys', makeSurvey());
    await v1.put('meta', 'device-from-v1', 'device');
    await v1.put('meta', 'ko', 'setting:locale');
    v1.close();

    const { client } = await makeClient(factory);
    expect(await client.listOutbox()).toEqual([waiting]);
    expect(await client.loadDraft('demo')).toEqual(draft);
    expect(await client.getSurvey('demo')).toEqual(makeSurvey());
    expect(await client.deviceId()).toBe('device-from-v1');
    expect(await client.getSetting('locale')).toBe('ko');
    expect(await client.counts()).toEqual({ outbox: 1, sent: 0, rejected: 0, byCollector: { Kim: { outbox: 1, sent: 0 } } });
    await client.recordResults([waiting], [{ id: waiting.id, status: 'stored' }]);
    expect((await client.counts()).sent).toBe(1);
  });

  it('moves version 2 results into the cache store, keeping every record and its ETag', async () => {
    const factory = new IDBFactory();
    const v2 = await openDatabase({ name: 'stance', factory, version: 2 });
    expect([...v2.objectStoreNames]).toContain('results');
    const at = '2025-06-01T09:00:00.000Z';
    await v2.put('results', { snapshot: { count: 7 }, fetchedAt: at, etag: '"a"' }, 'demo?wave=w1');
    await v2.put('results', { snapshot: { map: true }, fetchedAt: at }, 'analysis:demo?version=1');
    await v2.put('outbox', makeResponse(1));
    v2.close();

    const v3 = await openDatabase({ name: 'stance', factory });
    expect([...v3.objectStoreNames].sort()).toEqual(STORES);
    expect(await v3.getAllKeys('cache')).toEqual(['analysis:demo?version=1', 'demo?wave=w1']);
    expect(await v3.get('cache', 'demo?wave=w1')).toEqual({ value: { count: 7 }, fetchedAt: at, etag: '"a"' });
    expect(await v3.get('cache', 'analysis:demo?version=1')).toEqual({ value: { map: true }, fetchedAt: at });
    expect(await v3.count('outbox')).toBe(1);
    v3.close();
  });

  it('upgrades a version 2 database with nothing cached', async () => {
    const factory = new IDBFactory();
    (await openDatabase({ name: 'stance', factory, version: 2 })).close();
    const v3 = await openDatabase({ name: 'stance', factory });
    expect(await v3.count('cache')).toBe(0);
    expect([...v3.objectStoreNames]).not.toContain('results');
    v3.close();
  });

  it('closes its connection when another context needs a newer schema', async () => {
    const factory = new IDBFactory();
    const onVersionChange = vi.fn();
    const db = await openDatabase({ name: 'stance', factory, onVersionChange });
    const request = factory.open('stance', DB_VERSION + 1);
    await new Promise((resolve) => (request.onsuccess = resolve));
    expect(onVersionChange).toHaveBeenCalledOnce();
    request.result.close();
    expect(() => db.transaction('meta')).toThrow();
  });
});

describe('device id and settings', () => {
  it('makes the device id once and keeps it across reopening', async () => {
    const { client, factory } = await makeClient();
    const id = await client.deviceId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(await client.deviceId()).toBe(id);
    client.close();
    const { client: again } = await makeClient(factory);
    expect(await again.deviceId()).toBe(id);
  });

  it('stores settings of any cloneable value', async () => {
    const { client } = await makeClient();
    expect(await client.getSetting('collector')).toBeUndefined();
    await client.setSetting('collector', 'Kim');
    await client.setSetting('field', { on: true });
    expect(await client.getSetting<string>('collector')).toBe('Kim');
    expect(await client.getSetting('field')).toEqual({ on: true });
  });

  it('makes time-ordered response ids from the injected clock', async () => {
    const { client, clock } = await makeClient();
    const a = client.newResponseId();
    clock.now += 1;
    const b = client.newResponseId();
    expect(a < b).toBe(true);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
  });
});
