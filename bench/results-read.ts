import { rmSync } from 'node:fs';
import { canonicalJson } from '../src/core/canonical';
import { CHANNELS } from '../src/core/response';
import { groupOf } from '../src/core/results';
import { sovereignAiSurvey } from '../src/core/surveys';
import { databasePath } from '../src/server/config';
import { sha256 } from '../src/server/hash';
import { SqliteStore } from '../src/server/store/sqlite';
import type { Candidate } from '../src/server/store/types';
import { makeResponse, submitBody } from './fixtures';
import type { Figure, SectionResult } from './report';
import { BENCH_TOKEN, startConstant, startStance, tempDir, type Running } from './servers';
import { percentiles, round } from './stats';

export const SIZES = [10_000, 100_000, 1_000_000];
/** Rows per transaction when loading: large, as an import would write them. */
export const PER_TRANSACTION = 25_000;
/** 20 waves × 3 channels × 8 groups: up to 480 tally rows, as a long field study might have. */
const WAVES = Array.from({ length: 20 }, (_, i) => `w${i + 1}`);
export const READS = 200;
export const FILTERS = ['', '?wave=w3', '?channel=field', '?group=defense'];

export function candidate(i: number): Candidate {
  const response = makeResponse({ wave: WAVES[i % WAVES.length], channel: CHANNELS[i % CHANNELS.length] });
  const canonical = canonicalJson(response);
  return { id: response.id, response, survey: sovereignAiSurvey, canonical, hash: sha256(canonical), group: groupOf(sovereignAiSurvey, response.answers), onePerDevice: false };
}

/** Adds responses through the store (the server's own write path) until it holds `total`. */
export async function fill(dataDir: string, from: number, total: number): Promise<number> {
  const store = new SqliteStore(databasePath(dataDir));
  const start = performance.now();
  try {
    await store.putSurvey(sovereignAiSurvey);
    for (let done = from; done < total; done += PER_TRANSACTION) {
      const chunk = Array.from({ length: Math.min(PER_TRANSACTION, total - done) }, (_, i) => candidate(done + i));
      const results = await store.submit(chunk);
      if (results.some((r) => r.status !== 'stored')) throw new Error('a generated response was not stored');
    }
  } finally {
    await store.close();
  }
  return (total - from) / ((performance.now() - start) / 1000);
}

async function timedGet(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number }> {
  const start = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status };
}

/**
 * Results reads against the real server. A fresh read follows a new submission each time,
 * so the snapshot is rebuilt from the tallies (the worst case, a survey in full swing); a
 * cached read repeats it unchanged. The filters rotate through the breakdowns organisers use.
 */
export async function reads(server: Running, extra = ''): Promise<{ fresh: number[]; cached: number[]; count: number }> {
  const fresh: number[] = [];
  const cached: number[] = [];
  const base = `${server.url}/api/v1/surveys/sovereign-ai/results`;
  for (let i = 0; i < READS; i++) {
    const { device, body } = submitBody(1, { wave: WAVES[i % WAVES.length] });
    await (await fetch(`${server.url}/api/v1/responses`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-stance-device': device } })).arrayBuffer();
    const filter = FILTERS[i % FILTERS.length]!;
    const url = base + filter + (extra ? (filter ? '&' : '?') + extra : '');
    fresh.push((await timedGet(url)).ms);
    cached.push((await timedGet(url)).ms);
  }
  const count = ((await (await fetch(base)).json()) as { count: number }).count;
  return { fresh, cached, count };
}

/** Population shares of the eight groups (unequal, so weights differ), for the weighted reads. */
const SHARES = { 'ai-industry': 0.2, manufacturing: 0.2, defense: 0.1, culture: 0.1, public: 0.1, research: 0.1, citizen: 0.15, other: 0.05 };

/** The same reads with `weighted=true`, after the weighting is set: post-stratified from the per-group sums. */
async function weightedReads(server: Running): Promise<{ fresh: number[]; cached: number[]; count: number }> {
  const res = await fetch(`${server.url}/api/v1/surveys/sovereign-ai/weighting`, {
    method: 'PUT',
    body: JSON.stringify({ shares: SHARES }),
    headers: { 'content-type': 'application/json', Authorization: `Bearer ${BENCH_TOKEN}` },
  });
  if (!res.ok) throw new Error(`setting the weighting answered ${res.status}: ${await res.text()}`);
  return reads(server, 'weighted=true');
}

export async function constantReads(): Promise<number[]> {
  const server = await startConstant();
  try {
    const times: number[] = [];
    for (let i = 0; i < READS * 2; i++) times.push((await timedGet(`${server.url}/constant`)).ms);
    return times;
  } finally {
    await server.stop();
  }
}

/** Results read latency at 10k, 100k and 1M stored responses: it must stay flat (tallies, not scans). */
export async function benchResultsRead(): Promise<SectionResult> {
  const dataDir = tempDir('results');
  const details: Record<string, unknown>[] = [];
  const figures: Figure[] = [];
  try {
    const floor = percentiles(await constantReads());
    let held = 0;
    for (const size of SIZES) {
      const loadRate = await fill(dataDir, held, size);
      held = size;
      const server = await startStance({ rateLimit: false, dataDir });
      let measured: Awaited<ReturnType<typeof reads>>;
      let weighted: Awaited<ReturnType<typeof reads>> | undefined;
      try {
        measured = await reads(server);
        // The figure is the weighted read at the largest size, where the tallies are largest too.
        if (size === SIZES[SIZES.length - 1]) weighted = await weightedReads(server);
      } finally {
        await server.stop();
      }
      held += READS * (weighted ? 2 : 1);
      const fresh = percentiles(measured.fresh);
      const cached = percentiles(measured.cached);
      const label = size.toLocaleString('en-US');
      figures.push(
        { section: 'results', name: `${label} stored: read after a new response, p50`, value: round(fresh.p50, 2), unit: 'ms', limit: { value: round(floor.p50, 2), label: 'HTTP constant' } },
        { section: 'results', name: `${label} stored: read after a new response, p95`, value: round(fresh.p95, 2), unit: 'ms', target: { op: '<=', value: 10 }, limit: { value: round(floor.p95, 2), label: 'HTTP constant' } },
        { section: 'results', name: `${label} stored: unchanged (cached) read, p95`, value: round(cached.p95, 2), unit: 'ms', target: { op: '<=', value: 10 }, limit: { value: round(floor.p95, 2), label: 'HTTP constant' } },
      );
      if (weighted) {
        const wf = percentiles(weighted.fresh);
        figures.push(
          { section: 'results', name: `${label} stored: weighted read after a new response, p95`, value: round(wf.p95, 2), unit: 'ms', target: { op: '<=', value: 10 }, limit: { value: round(floor.p95, 2), label: 'HTTP constant' } },
          { section: 'results', name: `${label} stored: weighted unchanged (cached) read, p95`, value: round(percentiles(weighted.cached).p95, 2), unit: 'ms', target: { op: '<=', value: 10 }, limit: { value: round(floor.p95, 2), label: 'HTTP constant' } },
        );
        details.push({ size, weighted: true, shares: SHARES, fresh: wf, cached: percentiles(weighted.cached) });
      }
      // The rebuild costs what the merged tally rows cost, so the breakdown shows which view is slow.
      const byFilter = Object.fromEntries(FILTERS.map((f, i) => [f || '(none)', percentiles(measured.fresh.filter((_, j) => j % FILTERS.length === i))]));
      details.push({ size, count: measured.count, loadResponsesPerSecond: round(loadRate, 0), fresh, cached, freshByFilter: byFilter });
    }
    return { figures, details: { sizes: details, constant: floor, perTransaction: PER_TRANSACTION, reads: READS, filters: FILTERS } };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
