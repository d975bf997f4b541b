import pg from 'pg';
import { type TestDatabase, createTestDatabase } from '../support/postgres';
import { type TestServer, TEST_TOKEN, startServer } from './server';

/** Several real server processes on one PostgreSQL database. */
export type Cluster = { db: TestDatabase; servers: TestServer[]; stop(): Promise<void> };

/** Starts `n` built servers at once on a fresh database (they migrate it together). */
export async function startCluster(n: number, options: { db?: TestDatabase; env?: Record<string, string> } = {}): Promise<Cluster> {
  const db = options.db ?? (await createTestDatabase());
  const servers = await Promise.all(Array.from({ length: n }, () => startServer({ env: { DATABASE_URL: db.url, ...options.env } })));
  return {
    db,
    servers,
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      if (!options.db) await db.drop();
    },
  };
}

/** Runs one query on the cluster's database. */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** An event of a live stream and when it arrived. */
export type LiveEvent = { at: number; count: number | null };

/**
 * Subscribes to a survey's live results over HTTP as the dashboard does, collecting each
 * `results` event with its arrival time until `close`.
 */
export async function subscribeLive(baseUrl: string, surveyId = 'sovereign-ai'): Promise<{ events: LiveEvent[]; close(): void; next(after: number, timeoutMs: number): Promise<LiveEvent> }> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/surveys/${surveyId}/live`, { headers: { authorization: `Bearer ${TEST_TOKEN}` }, signal: controller.signal });
  if (!res.ok || !res.body) throw new Error(`live: ${res.status}`);
  const events: LiveEvent[] = [];
  const waiting = new Set<() => void>();
  void (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: results') && data) {
            events.push({ at: Date.now(), count: (JSON.parse(data.slice(6)) as { count: number | null }).count });
            for (const wake of waiting) wake();
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    close: () => controller.abort(),
    next(after, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find((e) => e.at >= after && e.count !== null);
          if (found) {
            waiting.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no live event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
  };
}
