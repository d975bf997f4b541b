import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../support/engines';
import { admin, createTestDatabase, postgresAdminUrl } from '../support/postgres';
import { makeResponse } from './data';
import { startServer, storedIds, type TestServer } from './server';

/** A tmpfs of `size` on `dir` (needs root, as CI runs): a data volume that really fills up. */
const mount = (dir: string, size: string, remount = false) =>
  execFileSync('mount', ['-t', 'tmpfs', '-o', `${remount ? 'remount,' : ''}size=${size}`, 'tmpfs', dir]);

/**
 * A server whose storage is a small tmpfs on `dir`: SQLite's data directory, or on
 * PostgreSQL a tablespace that the store's tables are created in (the server's own files,
 * its WAL among them, stay on the big disk: what fills is where the data grows).
 */
async function serverOnSmallVolume(engine: Engine, dir: string): Promise<{ server: TestServer; cleanUp(): Promise<void> }> {
  if (engine === 'sqlite') {
    mount(dir, '2m');
    return { server: await startServer({ dataDir: dir }), cleanUp: async () => undefined };
  }
  mount(dir, '4m');
  execFileSync('chown', ['postgres', dir]);
  const space = `stance_full_${process.pid}`;
  await admin(postgresAdminUrl(), (c) => c.query(`CREATE TABLESPACE ${space} LOCATION '${dir}'`));
  const db = await createTestDatabase();
  const url = new URL(db.url);
  url.searchParams.set('options', `${url.searchParams.get('options')} -c default_tablespace=${space}`);
  const server = await startServer({ env: { DATABASE_URL: url.toString() } });
  return {
    server,
    cleanUp: async () => {
      await db.drop();
      await admin(postgresAdminUrl(), (c) => c.query(`DROP TABLESPACE ${space}`));
    },
  };
}

describe.each(ENGINES)('finding #8: a full disk on %s', (engine) => {
  it('answers 507 storage_full with Retry-After, keeps serving reads, says so in /health, acknowledges only what it stored, and recovers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stance-full-'));
    const { server, cleanUp } = await serverOnSmallVolume(engine, dir);
    try {
      const acked = new Set<string>();
      const statuses = new Set<number>();
      let full: Response | undefined;
      for (let i = 0; i < 400 && !full; i++) {
        const batch = Array.from({ length: 20 }, () => makeResponse({ answers: { ...makeResponse().answers, comment: '의견'.repeat(490) } }));
        const res = await fetch(`${server.url}/api/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stance-device': 'full-device-01' }, body: JSON.stringify({ responses: batch }) });
        statuses.add(res.status);
        if (res.status === 507) full = res;
        else {
          const { results } = (await res.json()) as { results: { id: string; status: string }[] };
          expect(results.every((r) => r.status === 'stored')).toBe(true);
          for (const r of results) acked.add(r.id);
        }
      }
      expect(full, 'the volume never filled').toBeDefined();
      expect([...statuses].sort()).toEqual([200, 507]);
      expect(full!.headers.get('retry-after')).toBe('60');
      expect(((await full!.json()) as { error: { code: string } }).error.code).toBe('storage_full');
      const health = await fetch(`${server.url}/api/v1/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { database: { ok: boolean; error: string } }).database).toEqual({ ok: false, error: expect.stringContaining('disk is full') });
      const results = await fetch(`${server.url}/api/v1/surveys/sovereign-ai/results`);
      expect(results.status).toBe(200);
      expect(((await results.json()) as { count: number }).count).toBe(acked.size);
      mount(dir, '64m', true);
      const after = makeResponse();
      const res = await fetch(`${server.url}/api/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stance-device': 'full-device-01' }, body: JSON.stringify({ responses: [after] }) });
      expect(((await res.json()) as { results: { status: string }[] }).results[0]!.status).toBe('stored');
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      expect(new Set(await storedIds(server.url))).toEqual(new Set([...acked, after.id]));
    } finally {
      await server.stop();
      await cleanUp();
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
