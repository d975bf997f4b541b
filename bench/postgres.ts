import { DEFAULT_WAVE } from '../src/core/vocabulary';
import pg from 'pg';
import { startPostgres, type TestPostgres } from '../scripts/postgres.mjs';
import { canonicalJson } from '../src/core/canonical';
import { groupOf } from '../src/core/results';
import { sovereignAiSurvey } from '../src/core/surveys';
import { sha256 } from '../src/server/hash';
import { PgStore } from '../src/server/store/postgres';
import { makeResponse, submitBody } from './fixtures';
import { post, storedCount, type Load, type LoadFigures } from './ingest';
import { postBody, SUBSCRIBERS, type Subscriber, subscribe, summary, trials, until } from './live';
import type { Figure, SectionResult } from './report';
import { FILTERS, PER_TRANSACTION, READS, SIZES, candidate, constantReads, reads } from './results-read';
import { startStance, type Running } from './servers';
import { median, percentiles, round } from './stats';

const BATCHES: Load = { items: 100, connections: 10, seconds: 10 };

// One PostgreSQL server with its default settings (fsync on, as in production) for every
// PostgreSQL section of a run, each section in a database of its own.
let server: TestPostgres | undefined;
let databases = 0;
async function freshDatabase(): Promise<string> {
  server ??= await startPostgres({ max_connections: '400' });
  const name = `bench_${++databases}`;
  const admin = new pg.Client(server.url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return server.url.replace(/\/postgres$/, `/${name}`);
}
process.once('exit', () => server?.destroy());

/** N Stance processes on one database, rate limits off (the figures measure the write path). */
async function cluster(url: string, n: number): Promise<Running[]> {
  const first = await startStance({ rateLimit: false, env: { DATABASE_URL: url } });
  const rest = await Promise.all(Array.from({ length: n - 1 }, () => startStance({ rateLimit: false, env: { DATABASE_URL: url } })));
  return [first, ...rest];
}

type Row = (string | number)[];

/** Rows exactly as the store's writer binds them, made before the clock starts. */
function rawRows(count: number): Row[] {
  const received = new Date().toISOString();
  return Array.from({ length: count }, () => {
    const r = makeResponse({ channel: 'conference' });
    const canonical = canonicalJson(r);
    return [r.id, r.surveyId, r.surveyVersion, r.wave, r.channel, groupOf(sovereignAiSurvey, r.answers), r.submittedAt, received, r.device, sha256(canonical), canonical];
  });
}

/**
 * The limit: `pg` alone inserting the same rows into the server's own responses table,
 * 100 per transaction in one multi-row INSERT, with synchronous_commit on, from as many
 * connections as the load test uses, for `seconds`.
 */
async function rawInsertLimit(url: string, connections: number, seconds: number): Promise<number> {
  const store = await PgStore.open({ url, log: () => undefined });
  await store.close();
  const data = rawRows(connections * 4000);
  const values = Array.from({ length: 100 }, (_, r) => `(${Array.from({ length: 11 }, (_, c) => `$${r * 11 + c + 1}`).join(', ')})`).join(', ');
  const sql = `INSERT INTO responses (id, survey, version, wave, channel, grp, submitted_at, received_at, device, content_hash, json) VALUES ${values}`;
  let next = 0;
  let done = 0;
  const deadline = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    const client = new pg.Client({ connectionString: url, options: '-c synchronous_commit=on' });
    await client.connect();
    while (performance.now() < deadline && next + 100 <= data.length) {
      const rows = data.slice(next, (next += 100));
      await client.query('BEGIN');
      await client.query(sql, rows.flat());
      await client.query('COMMIT');
      done += 100;
    }
    await client.end();
  }));
  return round(done / ((performance.now() - start) / 1000), 0);
}

/** Batches of 100 against every process at once, the connections split between them. */
async function ingest(servers: Running[]): Promise<LoadFigures & { stored: number; expected: number }> {
  await post(servers[0]!, { items: 100, connections: 4, seconds: 2 });
  const before = await storedCount(servers[0]!);
  const parts = await Promise.all(servers.map((s) => post(s, { ...BATCHES, connections: BATCHES.connections / servers.length })));
  // Every process has heard every commit before the count is read.
  await new Promise((r) => setTimeout(r, 1500));
  const stored = (await storedCount(servers[servers.length - 1]!)) - before;
  const sum = (f: (p: LoadFigures) => number) => parts.reduce((n, p) => n + f(p), 0);
  return {
    requestsPerSecond: sum((p) => p.requestsPerSecond), responsesPerSecond: sum((p) => p.responsesPerSecond),
    p50: Math.max(...parts.map((p) => p.p50)), p99: Math.max(...parts.map((p) => p.p99)),
    ok: sum((p) => p.ok), errors: sum((p) => p.errors), non2xx: sum((p) => p.non2xx), serverCpuShare: sum((p) => p.serverCpuShare),
    stored, expected: sum((p) => p.ok) * BATCHES.items,
  };
}

/** Batched ingest on PostgreSQL with one and with two processes, beside raw `pg` inserts into the same server. */
export async function benchPgIngest(): Promise<SectionResult> {
  const limit = await rawInsertLimit(await freshDatabase(), BATCHES.connections, 10);
  const measured: Record<string, LoadFigures & { stored: number; expected: number }> = {};
  for (const n of [1, 2]) {
    const servers = await cluster(await freshDatabase(), n);
    try {
      measured[n] = await ingest(servers);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
    if (measured[n]!.stored < measured[n]!.expected) throw new Error(`${n} processes acknowledged ${measured[n]!.expected} responses but stored ${measured[n]!.stored}`);
  }
  const section = 'pg-ingest';
  const target = { op: '>=' as const, value: Math.max(4000, Math.ceil(limit / 3)) };
  return {
    figures: [
      { section, name: 'PostgreSQL, 1 process: batches of 100, 10 connections', value: measured[1]!.responsesPerSecond, unit: 'responses/s', target, limit: { value: limit, label: 'raw pg, 100 rows/transaction' } },
      { section, name: 'PostgreSQL, 1 process: p99', value: measured[1]!.p99, unit: 'ms' },
      { section, name: 'PostgreSQL, 2 processes: batches of 100, 10 connections', value: measured[2]!.responsesPerSecond, unit: 'responses/s', target, limit: { value: limit, label: 'raw pg, 100 rows/transaction' } },
      { section, name: 'PostgreSQL, 2 processes: p99', value: measured[2]!.p99, unit: 'ms' },
      { section, name: 'limit: raw pg multi-row INSERT, 100 rows/transaction', value: limit, unit: 'rows/s', note: 'same rows, same server, synchronous_commit on' },
    ],
    details: { load: BATCHES, rawLimit: limit, oneProcess: measured[1], twoProcesses: measured[2], target: 'at least a third of the raw figure, and 4,000 responses/s' },
  };
}

/** Fills a PostgreSQL database through the store's own write path until it holds `total`. */
async function fill(url: string, from: number, total: number): Promise<number> {
  const store = await PgStore.open({ url, log: () => undefined });
  const start = performance.now();
  try {
    await store.putSurvey(sovereignAiSurvey);
    for (let done = from; done < total; done += PER_TRANSACTION) {
      const results = await store.submit(Array.from({ length: Math.min(PER_TRANSACTION, total - done) }, (_, i) => candidate(done + i)));
      if (results.some((r) => r.status !== 'stored')) throw new Error('a generated response was not stored');
    }
  } finally {
    await store.close();
  }
  return (total - from) / ((performance.now() - start) / 1000);
}

/** Results reads on PostgreSQL at 10k, 100k and 1M stored: flat, as on SQLite (tallies, not scans). */
export async function benchPgResults(): Promise<SectionResult> {
  const url = await freshDatabase();
  const floor = percentiles(await constantReads());
  const figures: Figure[] = [];
  const details: Record<string, unknown>[] = [];
  let held = 0;
  for (const size of SIZES) {
    const loadRate = await fill(url, held, size);
    held = size;
    const [stance] = await cluster(url, 1);
    const measured = await reads(stance!).finally(() => stance!.stop());
    held += READS;
    const fresh = percentiles(measured.fresh);
    const cached = percentiles(measured.cached);
    const label = size.toLocaleString('en-US');
    figures.push(
      { section: 'pg-results', name: `PostgreSQL, ${label} stored: read after a new response, p95`, value: round(fresh.p95, 2), unit: 'ms', target: { op: '<=', value: 10 }, limit: { value: round(floor.p95, 2), label: 'HTTP constant' } },
      { section: 'pg-results', name: `PostgreSQL, ${label} stored: unchanged (cached) read, p95`, value: round(cached.p95, 2), unit: 'ms', target: { op: '<=', value: 10 }, limit: { value: round(floor.p95, 2), label: 'HTTP constant' } },
    );
    details.push({ size, count: measured.count, loadResponsesPerSecond: round(loadRate, 0), fresh, cached, freshByFilter: Object.fromEntries(FILTERS.map((f, i) => [f || '(none)', percentiles(measured.fresh.filter((_, j) => j % FILTERS.length === i))])) });
  }
  return { figures, details: { sizes: details, constant: floor } };
}

/** 1,000 subscribers spread over two processes; a response stored through the first; time to the last event anywhere. */
export async function benchPgLive(): Promise<SectionResult> {
  const servers = await cluster(await freshDatabase(), 2);
  try {
    const [a, b] = servers as [Running, Running];
    const seed = submitBody(10, { wave: DEFAULT_WAVE });
    await postBody(`${a.url}/api/v1/responses`, seed.body, { 'x-stance-device': seed.device });
    const path = '/api/v1/surveys/sovereign-ai/live';
    const subs: Subscriber[] = [];
    for (let i = 0; i < SUBSCRIBERS; i += 100) subs.push(...(await Promise.all(Array.from({ length: 100 }, (_, j) => subscribe(new URL((i + j) % 2 ? b.url : a.url), path)))));
    try {
      await until(() => subs.every((s) => s.arrivals.length >= 1), 10_000);
      const measured = await trials(subs, () => {
        const { device, body } = submitBody(1, { wave: DEFAULT_WAVE });
        return postBody(`${a.url}/api/v1/responses`, body, { 'x-stance-device': device });
      });
      const result = { ...measured, eventBytes: subs[0]!.bytes };
      return {
        figures: [
          { section: 'pg-live', name: 'PostgreSQL, 1,000 subscribers over 2 processes: submission to last event (median of 5)', value: round(median(measured.last), 1), unit: 'ms', target: { op: '<=', value: 1000 } },
          { section: 'pg-live', name: 'PostgreSQL live: subscribers that missed an event', value: measured.missed, unit: `of ${subs.length * 5}`, target: { op: '<=', value: 0 } },
        ],
        details: { subscribers: subs.length, perProcess: subs.length / 2, real: summary(result) },
      };
    } finally {
      for (const s of subs) s.req.destroy();
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
