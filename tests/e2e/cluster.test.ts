import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_SCHEMA_VERSION } from '../../src/server/store/postgres/migrations';
import { type Cluster, query, startCluster, subscribeLive } from './cluster';
import { makeResponse } from './data';
import { TEST_TOKEN } from './server';

const auth = { authorization: `Bearer ${TEST_TOKEN}` };

async function post(baseUrl: string, responses: unknown[]) {
  const res = await fetch(`${baseUrl}/api/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stance-device': 'cluster-device' }, body: JSON.stringify({ responses }) });
  return { status: res.status, body: (await res.json()) as { results: { id: string; status: string }[] } };
}

const countOf = async (baseUrl: string) => ((await (await fetch(`${baseUrl}/api/v1/surveys/sovereign-ai/overview`, { headers: auth })).json()) as { total: number }).total;

describe('three server processes on one PostgreSQL database', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(3);
  });
  afterAll(() => cluster?.stop());

  it('migrated once while starting together, and each holds tally shards of its own, one per write slot', async () => {
    const steps = await query<{ version: number }>(cluster.db.url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(steps.map((s) => s.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    const shards = await query<{ objid: number }>(cluster.db.url, "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND classid = 7301002 AND granted");
    // Two write slots per process (WRITE_SLOTS in store/postgres/index.ts), none shared.
    expect(shards).toHaveLength(cluster.servers.length * 2);
    expect(new Set(shards.map((s) => s.objid)).size).toBe(cluster.servers.length * 2);
    for (const server of cluster.servers) {
      expect(await (await fetch(`${server.url}/api/v1/health`)).json()).toMatchObject({ status: 'ok', storage: 'postgres', database: { ok: true } });
    }
  });

  it('stores a batch sent to every process at once exactly once', async () => {
    const before = await countOf(cluster.servers[0]!.url);
    const batch = Array.from({ length: 100 }, () => makeResponse());
    const answers = await Promise.all(cluster.servers.map((s) => post(s.url, batch)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    for (let i = 0; i < batch.length; i++) {
      const statuses = answers.map((a) => a.body.results[i]!.status).sort();
      expect(statuses).toEqual(['duplicate', 'duplicate', 'stored']);
    }
    const changed = { ...batch[0]!, answers: { ...batch[0]!.answers, spectrum: 1 } };
    const again = await Promise.all(cluster.servers.map((s) => post(s.url, [changed])));
    expect(again.map((a) => a.body.results[0])).toEqual(cluster.servers.map(() => ({ id: changed.id, status: 'rejected', error: expect.objectContaining({ code: 'conflict' }) })));
    const rows = await query<{ n: string }>(cluster.db.url, 'SELECT count(*) AS n FROM responses WHERE id = ANY($1::text[])', [batch.map((r) => r.id)]);
    expect(Number(rows[0]!.n)).toBe(100);
    // Every process's results come from the merged shards: the same count everywhere, once notified.
    for (const server of cluster.servers) await expect.poll(() => countOf(server.url), { timeout: 2000 }).toBe(before + 100);
  });

  it('pushes a response stored through one process to subscribers of the others within a second', async () => {
    const [a, b, c] = cluster.servers;
    const onB = await subscribeLive(b!.url);
    const onC = await subscribeLive(c!.url);
    await new Promise((r) => setTimeout(r, 1200));
    const latencies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const sent = Date.now();
      await post(a!.url, [makeResponse()]);
      const seen = await Promise.all([onB.next(sent, 3000), onC.next(sent, 3000)]);
      latencies.push(...seen.map((e) => e.at - sent));
      await new Promise((r) => setTimeout(r, 1100));
    }
    onB.close();
    onC.close();
    console.log(`live across processes: ${latencies.map((l) => `${l} ms`).join(', ')}`);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
});
