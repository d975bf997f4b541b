import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical';
import { buildSnapshot } from '../../src/core/results';
import { sovereignAiSurvey } from '../../src/core/surveys';
import { freePort } from '../e2e/server';
import { mulberry32 as seeded } from '../../src/core/analysis/random';
import { openDevice, submitOne, type Device } from './device';
import { startFaultProxy } from './proxy';
import { CHAOS_TOKEN, ServerProcess, snapshotBuiltServer } from './server';
import { createTestDatabase } from '../support/postgres';
import { deviceLedger, readDatabase, readPostgres, recount, storedTallies, type StoredRow, type StoredTally } from './verify';
import type { ProxyStats } from './proxy';

const DEVICES = 3;
const PER_DEVICE = 1000;
const MIN_KILLS = 5;
// Fates, answers and kill times come from this seed; CHAOS_SEED=<n> replays a run's choices.
const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A respondent every 0–120 ms, so submissions, syncs and kills overlap for about a minute. */
async function submitAll(device: Device, random: () => number): Promise<void> {
  for (let i = 0; i < PER_DEVICE; i++) {
    await submitOne(device, random);
    await sleep(random() * 120);
  }
}

/** SIGKILLs the server at random moments and restarts it on the same port and data, until told to stop (and at least MIN_KILLS times). */
async function killAtRandom(server: ServerProcess, random: () => number, done: () => boolean, log: { kills: number }): Promise<void> {
  for (let round = 0; round < 60 && (!done() || log.kills < MIN_KILLS); round++) {
    await sleep(1500 + random() * 6000);
    await server.kill();
    log.kills++;
    await sleep(random() * 1500); // down for a moment: requests meanwhile find no server
    await server.start();
  }
}

/** Waits, without nudging, until every device's own retries have emptied its outbox. */
async function drained(devices: Device[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const waiting = (await Promise.all(devices.map((d) => d.client.countOutbox()))).reduce((a, b) => a + b, 0);
    if (waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`${waiting} responses still waiting after ${timeoutMs} ms`);
    await sleep(250);
  }
}

type Ledger = Awaited<ReturnType<typeof deviceLedger>>;

/** The numbers of a run, printed for the record (docs/reliability.md quotes them). */
function printNumbers(engine: string, seconds: number, kills: number, stored: number, s: ProxyStats, ledgers: Ledger[]): void {
  console.log(
    [
      `chaos on ${engine} (seed ${SEED}) in ${seconds.toFixed(1)} s: ${stored} stored of ${DEVICES * PER_DEVICE} submitted`,
      `  ${engine === 'postgres' ? 'one of two processes' : 'server'} SIGKILLed ${kills} times; ${s.requests} requests through the proxy`,
      `  dropped ${s['drop-before'] + s['drop-after'] + s['cut-body']} (before forwarding ${s['drop-before']}, after the server answered ${s['drop-after']}, answer cut ${s['cut-body']})`,
      `  5xx injected ${s['502'] + s['503']} (502 ${s['502']}, 503 ${s['503']}), 502 while the server was down ${s.serverDown}, delayed ${s.delay}`,
      `  server answered per item: ${JSON.stringify(s.itemStatuses)}; devices heard ${ledgers.reduce((n, l) => n + l.duplicates, 0)} duplicates`,
      `  committed but never answered (killed in between): ${stored - (s.itemStatuses.stored ?? 0)}`,
    ].join('\n'),
  );
}

/** Exactly once: every submitted response stored once, as submitted, and acknowledged on its device. */
function expectExactlyOnce(rows: StoredRow[], devices: Device[], ledgers: Ledger[]): void {
  const submitted = new Map(devices.flatMap((d) => d.submitted).map((r) => [r.id, r]));
  expect(submitted.size).toBe(DEVICES * PER_DEVICE);
  expect(rows.length).toBe(DEVICES * PER_DEVICE);
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  // Every stored row is exactly what a device submitted, byte for byte in canonical form.
  for (const row of rows) expect(row.json).toBe(canonicalJson(submitted.get(row.id)));
  for (const [i, ledger] of ledgers.entries()) {
    expect({ outbox: ledger.outbox, sent: ledger.sent, rejected: ledger.rejected }).toEqual({ outbox: 0, sent: PER_DEVICE, rejected: 0 });
    expect([...ledger.sentIds].sort()).toEqual(devices[i]!.submitted.map((r) => r.id).sort());
  }
}

/** The tally table and the served snapshot both equal a recount of the raw rows with core's tally functions. */
function expectTalliesMatch(rows: StoredRow[], tallies: StoredTally[], snapshot: { generatedAt: string; count: number | null }): void {
  const recounted = recount(rows, sovereignAiSurvey);
  expect(storedTallies(tallies)).toEqual(recounted);
  expect(tallies.reduce((n, t) => n + t.count, 0)).toBe(DEVICES * PER_DEVICE);
  expect(snapshot).toEqual(buildSnapshot({ survey: sovereignAiSurvey, rows: [...recounted.values()], filters: {}, waves: [], generatedAt: snapshot.generatedAt }));
  expect(snapshot.count).toBe(DEVICES * PER_DEVICE);
}

/** Where the run's servers keep their data, and how to read it back after they stopped. */
type Deployment = { servers: ServerProcess[]; read(): Promise<{ rows: StoredRow[]; tallies: StoredTally[]; integrity: unknown }>; remove(): Promise<void> };

/** One SQLite server, or two processes on one PostgreSQL database (the first of them is the one killed). */
async function deploy(engine: 'sqlite' | 'postgres', main: string): Promise<Deployment> {
  if (engine === 'sqlite') {
    const server = new ServerProcess(main, await freePort(), mkdtempSync(join(tmpdir(), 'stance-chaos-')));
    return {
      servers: [server],
      read: async () => readDatabase(join(server.dataDir, 'stance.db')),
      remove: async () => rmSync(server.dataDir, { recursive: true, force: true }),
    };
  }
  const db = await createTestDatabase();
  const servers: ServerProcess[] = [];
  for (let i = 0; i < 2; i++) servers.push(new ServerProcess(main, await freePort(), mkdtempSync(join(tmpdir(), 'stance-chaos-')), { DATABASE_URL: db.url }));
  return {
    servers,
    // The PostgreSQL server checks its own pages; there is no file to check here.
    read: async () => ({ ...(await readPostgres(db.url)), integrity: 'ok' }),
    remove: async () => {
      for (const s of servers) rmSync(s.dataDir, { recursive: true, force: true });
      await db.drop();
    },
  };
}

describe.each(['sqlite', 'postgres'] as const)('chaos on %s: 3 devices × 1,000 responses through a faulty network and a server killed again and again', (engine) => {
  it('stores exactly 3,000 responses, no duplicates, every outbox empty, tallies equal a recount', async () => {
    const startedAt = performance.now();
    const built = snapshotBuiltServer();
    const deployment = await deploy(engine, built.main);
    const [victim, survivor] = deployment.servers as [ServerProcess, ServerProcess | undefined];
    const devices: Device[] = [];
    for (const server of deployment.servers) await server.start();
    const proxy = await startFaultProxy(deployment.servers.map((s) => s.port), seeded(SEED + 1));
    try {
      for (let i = 0; i < DEVICES; i++) devices.push(await openDevice(i, proxy.url));
      const log = { kills: 0 };
      let submitting = true;
      const monkey = killAtRandom(victim, seeded(SEED + 2), () => !submitting, log);
      await Promise.all(devices.map((d, i) => submitAll(d, seeded(SEED + 10 + i)))).finally(() => (submitting = false));
      await monkey;
      await drained(devices, 5 * 60_000);
      // The organiser's snapshot: the public one counts only registered waves and `open`, and the devices use others too.
      const snapshot = await (await fetch(`${(survivor ?? victim).url}/api/v1/surveys/sovereign-ai/results`, { headers: { Authorization: `Bearer ${CHAOS_TOKEN}` } })).json();
      for (const server of deployment.servers) await server.stop();

      const { rows, tallies, integrity } = await deployment.read();
      const ledgers = await Promise.all(devices.map(deviceLedger));
      printNumbers(engine, (performance.now() - startedAt) / 1000, log.kills, rows.length, proxy.stats, ledgers);
      expect(log.kills).toBeGreaterThanOrEqual(MIN_KILLS);
      expect(integrity).toBe('ok');
      expectExactlyOnce(rows, devices, ledgers);
      // The faults really happened, the duplicate path included.
      expect(proxy.stats['drop-after']).toBeGreaterThan(0);
      expect(proxy.stats.itemStatuses.duplicate ?? 0).toBeGreaterThan(0);
      expectTalliesMatch(rows, tallies, snapshot);
    } finally {
      for (const d of devices) d.engine.stop();
      await proxy.close();
      for (const server of deployment.servers) await server.kill();
      built.remove();
      await deployment.remove();
    }
  });
});
