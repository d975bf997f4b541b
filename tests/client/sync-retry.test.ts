import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncEngine, type SyncOptions } from '../../src/client';
import { fakeServer } from './fake-server';
import { makeClient, makeResponse, type Client } from './helpers';

afterEach(() => vi.unstubAllGlobals());

async function fill(client: Client, n: number) {
  for (let i = 0; i < n; i++) await client.submitResponse(makeResponse(i));
}

/** A timer that never fires by itself: tests fire it by hand and read the delays asked for. */
function manualTimers() {
  const delays: number[] = [];
  let pending: (() => void) | undefined;
  const options: SyncOptions = {
    setTimer: (fn, ms) => ((pending = fn), delays.push(ms)),
    clearTimer: () => (pending = undefined),
  };
  const fire = () => {
    const fn = pending;
    pending = undefined;
    fn?.();
  };
  return { delays, options, fire, isPending: () => pending !== undefined };
}

/** Resolves once the engine is idle again after a timer- or event-started sync. */
async function settle(engine: { status(): { syncing: boolean } }) {
  for (let i = 0; i < 100 && (await new Promise((r) => setTimeout(r, 2)), engine.status().syncing); i++);
}

describe('sync engine: retries', () => {
  it('backs off exponentially with full jitter, up to the cap', async () => {
    const { client } = await makeClient();
    await fill(client, 2);
    const server = fakeServer();
    const timers = manualTimers();
    const randoms = [0.999, 0, 0.5, 0.999, 0.999, 0.999, 0.999];
    const engine = createSyncEngine(client, { ...timers.options, fetch: server.fetch, locks: null, backoff: { baseMs: 1000, capMs: 10_000 }, random: () => randoms.shift()! });
    for (let i = 0; i < 7; i++) server.script.push('network');
    engine.start();
    await settle(engine);
    for (let i = 1; i < 7; i++) {
      timers.fire();
      await settle(engine);
    }
    expect(timers.delays).toEqual([999, 0, 2000, 7992, 9990, 9990, 9990]);
    expect(engine.status()).toMatchObject({ waiting: 2, syncing: false, lastErrorCode: 'network' });
    expect(engine.status().nextRetryAt).toBeDefined();
    // The next attempt succeeds: failures reset, nothing more scheduled.
    timers.fire();
    await settle(engine);
    expect(engine.status()).toMatchObject({ waiting: 0, lastError: undefined, nextRetryAt: undefined });
    expect(timers.isPending()).toBe(false);
    engine.stop();
  });

  it('keeps responses on 5xx and 429 and honours Retry-After', async () => {
    const { client, clock } = await makeClient();
    await fill(client, 3);
    const server = fakeServer();
    const timers = manualTimers();
    const win = new EventTarget();
    vi.stubGlobal('window', win);
    server.script.push({ status: 503 }, { status: 429, retryAfter: '30', body: { error: { code: 'too_many_requests', message: 'slow down' } } });
    const engine = createSyncEngine(client, { ...timers.options, fetch: server.fetch, locks: null, clock: () => clock.now, random: () => 0 });
    engine.start();
    await settle(engine);
    expect(engine.status()).toMatchObject({ waiting: 3, lastErrorCode: 'server' });
    timers.fire();
    await settle(engine);
    expect(timers.delays).toEqual([0, 30_000]);
    expect(engine.status()).toMatchObject({ lastErrorCode: 'too_many_requests', lastError: 'slow down', nextRetryAt: new Date(clock.now + 30_000).toISOString() });
    // Coming back online does not cut the server's Retry-After short...
    win.dispatchEvent(new Event('online'));
    await settle(engine);
    expect(server.batches).toEqual([]);
    // ...but once it has passed, it does.
    clock.now += 30_000;
    win.dispatchEvent(new Event('online'));
    await settle(engine);
    expect(server.batches.length).toBe(1);
    expect(await client.countOutbox()).toBe(0);
    engine.stop();
  });

  it('syncs when the page becomes visible, and stops listening after stop()', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    vi.stubGlobal('document', doc);
    const engine = createSyncEngine(client, { fetch: server.fetch, locks: null });
    engine.start();
    await settle(engine);
    await fill(client, 1);
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle(engine);
    expect(await client.countOutbox()).toBe(1);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle(engine);
    expect(await client.countOutbox()).toBe(0);
    engine.stop();
    await fill(client, 1);
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle(engine);
    expect(await client.countOutbox()).toBe(1);
  });

  it('schedules no retry when not started (the service worker reports failure instead)', async () => {
    const { client } = await makeClient();
    await fill(client, 1);
    const timers = manualTimers();
    const server = fakeServer();
    server.script.push('network');
    const engine = createSyncEngine(client, { ...timers.options, fetch: server.fetch, locks: null });
    expect(await engine.sync()).toMatchObject({ failed: 1 });
    expect(timers.delays).toEqual([]);
    expect(engine.status().nextRetryAt).toBeUndefined();
  });
});

/** A minimal exclusive Web Locks stand-in. */
function fakeLocks(): LockManager {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request: ((_name: string, fn: () => Promise<unknown>) => {
      const run = tail.then(fn);
      tail = run.catch(() => undefined);
      return run;
    }) as LockManager['request'],
    query: async () => ({ held: [], pending: [] }),
  };
}

describe('sync engine: one sync at a time', () => {
  for (const [name, locks] of [['in-process mutex', () => null], ['Web Locks', fakeLocks]] as const) {
    it(`never sends the same response twice from two tabs (${name})`, async () => {
      const { client, factory } = await makeClient();
      const { client: otherTab } = await makeClient(factory);
      await fill(client, 120);
      const server = fakeServer();
      server.setDelay(3);
      const shared = locks();
      const a = createSyncEngine(client, { fetch: server.fetch, locks: shared, batchSize: 50 });
      const b = createSyncEngine(otherTab, { fetch: server.fetch, locks: shared, batchSize: 50 });
      const [ra, rb] = await Promise.all([a.sync(), b.sync(), a.sync()]);
      expect(server.maxInFlight()).toBe(1);
      expect(server.batches.flat().length).toBe(120);
      expect(ra.stored + rb.stored).toBe(120);
      expect(ra.duplicate + rb.duplicate).toBe(0);
      expect(await client.counts()).toMatchObject({ outbox: 0, sent: 120 });
    });
  }
});
