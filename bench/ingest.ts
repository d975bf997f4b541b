import autocannon, { type Result } from 'autocannon';
import { submitBody } from './fixtures';
import type { Figure, SectionResult } from './report';
import { cpuSeconds, startConstant, startStance, type Running } from './servers';
import { sqliteLimit, type SqliteLimit } from './sqlite-limit';
import { round } from './stats';

/** One load run: `items` fresh responses per request over `connections` connections. */
export type Load = { items: number; connections: number; seconds: number };
/** What one run achieved; latency in ms. */
export type LoadFigures = { requestsPerSecond: number; responsesPerSecond: number; p50: number; p99: number; ok: number; errors: number; non2xx: number; serverCpuShare: number };

const SINGLES: Load = { items: 1, connections: 100, seconds: 10 };
const BATCHES: Load = { items: 100, connections: 10, seconds: 10 };

/**
 * Posts `load` to `url` with autocannon, a new body with new ids for every request. Bounded
 * in time (`seconds`) and in count (at most 20,000 requests a second on average).
 */
export async function post(server: Running, load: Load, path = '/api/v1/responses'): Promise<LoadFigures> {
  const cpuBefore = cpuSeconds(server.pid);
  const result: Result = await autocannon({
    url: server.url,
    connections: load.connections,
    duration: load.seconds,
    maxOverallRequests: load.seconds * 20_000,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (req) => {
          const { device, body } = submitBody(load.items);
          return { ...req, body, headers: { 'content-type': 'application/json', 'x-stance-device': device } };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    requestsPerSecond: round(ok / result.duration, 0),
    responsesPerSecond: round((ok * load.items) / result.duration, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    // Share of one core the server used: well under 1 while figures are low means it was starved, not busy.
    serverCpuShare: round((cpuSeconds(server.pid) - cpuBefore) / result.duration, 2),
  };
}

/** How many responses the server holds, from the public results' `count`. */
export async function storedCount(server: Running): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/surveys/sovereign-ai/results`);
  return ((await res.json()) as { count: number }).count;
}

async function measureStance(): Promise<{ singles: LoadFigures; batches: LoadFigures; stored: number; expected: number }> {
  const server = await startStance({ rateLimit: false });
  try {
    await post(server, { items: 1, connections: 20, seconds: 2 }); // warm the JIT and the page cache
    const before = await storedCount(server);
    const singles = await post(server, SINGLES);
    const batches = await post(server, BATCHES);
    // Every acknowledged response must really be stored, or the figures measure something else.
    return { singles, batches, stored: (await storedCount(server)) - before, expected: singles.ok + batches.ok * BATCHES.items };
  } finally {
    await server.stop();
  }
}

async function measureConstant(): Promise<{ singles: LoadFigures; batches: LoadFigures }> {
  const server = await startConstant();
  try {
    await post(server, { items: 1, connections: 20, seconds: 2 });
    const singles = await post(server, SINGLES, '/api/v1/responses?items=1');
    const batches = await post(server, BATCHES, `/api/v1/responses?items=${BATCHES.items}`);
    return { singles, batches };
  } finally {
    await server.stop();
  }
}

function figures(stance: Awaited<ReturnType<typeof measureStance>>, constant: Awaited<ReturnType<typeof measureConstant>>, db: SqliteLimit): Figure[] {
  const section = 'ingest';
  const singleLimit = Math.min(constant.singles.requestsPerSecond, db.rowsPerSecondGrouped);
  const batchLimit = Math.min(constant.batches.responsesPerSecond, db.rowsPerSecondGrouped);
  const which = (limit: number, http: number) => (limit === http ? 'HTTP constant' : `SQLite alone, ${db.grouped} rows/commit`);
  return [
    { section, name: 'one response per request, 100 connections', value: stance.singles.requestsPerSecond, unit: 'req/s', target: { op: '>=', value: 1500 }, limit: { value: singleLimit, label: which(singleLimit, constant.singles.requestsPerSecond) } },
    { section, name: 'one response per request: p99', value: stance.singles.p99, unit: 'ms', limit: { value: constant.singles.p99, label: 'HTTP constant' } },
    { section, name: 'batches of 100, 10 connections', value: stance.batches.responsesPerSecond, unit: 'responses/s', target: { op: '>=', value: 5000 }, limit: { value: batchLimit, label: which(batchLimit, constant.batches.responsesPerSecond) } },
    { section, name: 'batches of 100: p99', value: stance.batches.p99, unit: 'ms', limit: { value: constant.batches.p99, label: 'HTTP constant' } },
    { section, name: 'limit: HTTP constant, one-response bodies', value: constant.singles.requestsPerSecond, unit: 'req/s' },
    { section, name: `limit: SQLite alone, ${db.grouped} rows/commit`, value: db.rowsPerSecondGrouped, unit: 'rows/s' },
    { section, name: 'limit: SQLite alone, 1 row/commit', value: db.rowsPerSecondSingle, unit: 'rows/s', note: 'durable commits per second without grouping' },
  ];
}

/** Ingest against the real server (rate limits off) beside the HTTP-stack and SQLite limits. */
export async function benchIngest(): Promise<SectionResult> {
  const stance = await measureStance();
  const constant = await measureConstant();
  const db = sqliteLimit();
  // Requests still in flight when autocannon stops are stored but never counted, so only fewer is wrong.
  if (stance.stored < stance.expected) throw new Error(`acknowledged ${stance.expected} responses but only ${stance.stored} were stored`);
  return { figures: figures(stance, constant, db), details: { stance, constant, sqlite: db, loads: { singles: SINGLES, batches: BATCHES } } };
}
