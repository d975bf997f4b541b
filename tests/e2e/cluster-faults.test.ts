import { describe, expect, it } from 'vitest';
import { TEST_SETTINGS, startPostgres } from '../../scripts/postgres.mjs';
import type { Response } from '../../src/core/response';
import { createTestDatabase } from '../support/postgres';
import { query, startCluster } from './cluster';
import { makeResponse } from './data';
import { TEST_TOKEN, type TestServer } from './server';

type Answer = { status: number; retryAfter: string | null; code?: string; results?: { id: string; status: string }[] };

async function send(server: TestServer, batch: Response[]): Promise<Answer> {
  try {
    const res = await fetch(`${server.url}/api/v1/responses`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-stance-device': batch[0]!.device }, body: JSON.stringify({ responses: batch }),
    });
    const body = (await res.json()) as { results?: Answer['results']; error?: { code: string } };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.error?.code, results: body.results };
  } catch {
    return { status: 0, retryAfter: null };
  }
}

/**
 * A device with a backlog, sending batches of 20 to the servers in turn as a load balancer
 * would, and keeping every response until a server acknowledged it (stored or duplicate).
 */
async function device(name: string, servers: () => TestServer[], total: number, seen: Answer[], until: () => boolean) {
  const outbox = Array.from({ length: total }, () => makeResponse({ device: name }));
  const acked = new Set<string>();
  for (let turn = 0; outbox.length && !until(); turn++) {
    const live = servers();
    const answer = await send(live[turn % live.length]!, outbox.slice(0, 20));
    seen.push(answer);
    if (answer.status !== 200) {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    for (const r of answer.results!) if (r.status === 'stored' || r.status === 'duplicate') acked.add(r.id);
    outbox.splice(0, outbox.length, ...outbox.filter((r) => !acked.has(r.id)));
  }
  return { acked, left: outbox.length };
}

const storedIds = async (url: string) => new Set((await query<{ id: string }>(url, 'SELECT id FROM responses')).map((r) => r.id));

describe('faults with two processes on PostgreSQL', () => {
  it('loses no acknowledged response when a process is killed with SIGKILL mid-stream', async () => {
    const cluster = await startCluster(2);
    try {
      const [a, b] = cluster.servers as [TestServer, TestServer];
      let killed = false;
      const seen: Answer[] = [];
      const deadline = Date.now() + 60_000;
      const devices = ['kill-device-1', 'kill-device-2', 'kill-device-3', 'kill-device-4'].map((name) =>
        device(name, () => (killed ? [b] : [a, b]), 300, seen, () => Date.now() > deadline),
      );
      await new Promise((r) => setTimeout(r, 400));
      await a.kill();
      killed = true;
      const done = await Promise.all(devices);
      expect(done.map((d) => d.left)).toEqual([0, 0, 0, 0]);
      const stored = await storedIds(cluster.db.url);
      const acked = done.flatMap((d) => [...d.acked]);
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
      expect(stored.size).toBe(1200);
      console.log(`SIGKILL mid-stream: ${seen.filter((s) => s.status === 0).length} of ${seen.length} batches met the dead process; ${acked.length} acknowledged, all stored`);
      expect(seen.filter((s) => s.status === 0).length).toBeGreaterThan(0);
      const overview = await (await fetch(`${b.url}/api/v1/surveys/sovereign-ai/overview`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } })).json();
      expect(overview.total).toBe(1200);
    } finally {
      await cluster.stop();
    }
  });

  it('answers only 503 with Retry-After while the database is down, then takes everything, exactly once', async () => {
    const pg = await startPostgres(TEST_SETTINGS);
    const db = await createTestDatabase(pg.url);
    const cluster = await startCluster(2, { db });
    try {
      const [a, b] = cluster.servers as [TestServer, TestServer];
      const seen: Answer[] = [];
      const deadline = Date.now() + 90_000;
      const devices = ['outage-device-1', 'outage-device-2', 'outage-device-3'].map((name) => device(name, () => [a, b], 400, seen, () => Date.now() > deadline));
      await new Promise((r) => setTimeout(r, 300));
      pg.stop();
      const during = await Promise.all([a, b].map(async (s) => {
        const health = await fetch(`${s.url}/api/v1/health`);
        const results = await fetch(`${s.url}/api/v1/surveys/sovereign-ai/results`);
        return { health: health.status, database: (await health.json()).database.ok, results: results.status };
      }));
      await new Promise((r) => setTimeout(r, 2500));
      pg.start();
      const done = await Promise.all(devices);
      expect(during).toEqual([{ health: 503, database: false, results: 200 }, { health: 503, database: false, results: 200 }]);
      expect(done.map((d) => d.left)).toEqual([0, 0, 0]);
      const failures = seen.filter((s) => s.status !== 200);
      console.log(`database outage: ${failures.length} of ${seen.length} batches answered ${[...new Set(failures.map((f) => `${f.status} ${f.code}`))].join(', ')}`);
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.every((f) => f.status === 503 && f.code === 'unavailable' && f.retryAfter !== null)).toBe(true);
      expect((await storedIds(db.url)).size).toBe(1200);
      for (const s of [a, b]) await expect.poll(async () => (await fetch(`${s.url}/api/v1/health`)).status, { timeout: 10_000 }).toBe(200);
    } finally {
      await cluster.stop();
      pg.destroy();
    }
  });
});
