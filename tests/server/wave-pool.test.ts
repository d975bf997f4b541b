import Database from 'better-sqlite3';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MAX_UNREGISTERED_WAVES, OTHER_WAVES } from '../../src/core/disclosure';
import type { Response as SurveyResponse } from '../../src/core/response';
import { groupOf } from '../../src/core/results';
import { addResponse, emptyTally, type Tally } from '../../src/core/tally';
import { PgStore } from '../../src/server/store/postgres';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Store, WaveWithCode } from '../../src/server/store/types';
import { submitItems } from '../../src/server/submit';
import { ENGINES, openTestStore } from '../support/engines';
import { pollSurvey } from './fixtures/surveys';
import { pollResponse, tallyWaveOf, withStore } from './helpers';

// Issue 15 #2 at the store: tallies of unregistered slugs are pooled at write time, so the
// tally rows (and so every results rebuild) stay bounded however many slugs are invented.

const wave = (slug: string, code: string): WaveWithCode => ({ slug, code, label: { ko: slug, en: slug }, startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false });
const inWave = (slug: string, n: number, channel: SurveyResponse['channel'] = 'web') => Array.from({ length: n }, () => pollResponse({ wave: slug, channel }));
const send = (store: Store, items: unknown[]) => submitItems(store, items, Date.now());
const keyOf = (wave: string, channel: string, group: string) => `${wave}|${channel}|${group}`;

/** The responses added up again, each under the wave the store files it under. */
async function recount(store: Store): Promise<Map<string, Tally>> {
  const waveOf = await tallyWaveOf(store, 'poll');
  const out = new Map<string, Tally>();
  for await (const { response: r } of store.responses('poll', { version: 1 })) {
    const key = keyOf(waveOf(r.wave), r.channel, groupOf(pollSurvey, r.answers));
    out.set(key, addResponse(out.get(key) ?? emptyTally(), pollSurvey, r.answers));
  }
  return out;
}

const tallies = async (store: Store) => new Map((await store.tallyRows('poll', 1)).map((row) => [keyOf(row.wave, row.channel, row.group), row.tally]));
const pooled = async (store: Store) => (await store.unregisteredWaves('poll')).filter((w) => w.pooled).map((w) => w.slug).sort();


describe.each(ENGINES)('pooled tallies of unregistered waves on %s', (engine) => {
  it('keeps the tally rows bounded however many slugs are invented, and counts every response', () =>
    withStore(engine, async (store) => {
      await send(store, inWave('open', 12));
      const slugs = Array.from({ length: 400 }, (_, i) => pollResponse({ wave: `x-${i}`, channel: i % 2 ? 'web' : 'conference' }));
      for (let i = 0; i < slugs.length; i += 100) await send(store, slugs.slice(i, i + 100));
      const rows = await store.tallyRows('poll', 1);
      expect(new Set(rows.map((r) => r.wave))).toEqual(new Set(['open', OTHER_WAVES]));
      expect(rows.reduce((n, r) => n + r.tally.count, 0)).toBe(412);
      expect(await tallies(store)).toEqual(await recount(store));
      expect(await store.pooledWaveCount('poll')).toBe(400);
      expect((await store.unregisteredWaves('poll')).every((w) => w.pooled && w.responses === 1)).toBe(true);
    }));

  it('gives a slug rows of its own once it holds 5, across batches, moving its earlier responses', () =>
    withStore(engine, async (store) => {
      await send(store, [...inWave('pm', 3), ...inWave('other-x', 2)]);
      await send(store, inWave('pm', 1, 'conference'));
      expect(await pooled(store)).toEqual(['other-x', 'pm']);
      await send(store, inWave('pm', 1));
      expect(await pooled(store)).toEqual(['other-x']);
      const rows = await store.tallyRows('poll', 1);
      expect(rows.filter((r) => r.wave === 'pm').reduce((n, r) => n + r.tally.count, 0)).toBe(5);
      expect(rows.filter((r) => r.wave === OTHER_WAVES).reduce((n, r) => n + r.tally.count, 0)).toBe(2);
      expect(await tallies(store)).toEqual(await recount(store));
    }));

  it(`gives rows of their own to the first ${MAX_UNREGISTERED_WAVES} slugs to reach 5 only`, () =>
    withStore(engine, async (store) => {
      for (let i = 0; i <= MAX_UNREGISTERED_WAVES; i++) await send(store, inWave(`w-${i}`, 5));
      expect(await pooled(store)).toEqual([`w-${MAX_UNREGISTERED_WAVES}`]);
      expect(new Set((await store.tallyRows('poll', 1)).map((r) => r.wave)).size).toBe(MAX_UNREGISTERED_WAVES + 1);
      expect(await tallies(store)).toEqual(await recount(store));
    }));

  it('takes deleted responses and deleted waves out of the pool and out of own rows', () =>
    withStore(engine, async (store) => {
      const small = inWave('tiny', 3);
      const own = inWave('big', 6);
      await send(store, [...small, ...own, ...inWave('gone', 2), ...inWave('open', 5)]);
      expect(await store.deleteResponse('poll', small[0]!.id)).toBe(true);
      expect(await store.deleteResponse('poll', own[0]!.id)).toBe(true);
      expect(await tallies(store)).toEqual(await recount(store));
      expect((await store.unregisteredWaves('poll')).find((w) => w.slug === 'tiny')).toEqual({ slug: 'tiny', responses: 2, pooled: true });
      expect(await store.deleteWaves('poll', ['gone', 'big'])).toBe(7);
      expect(await tallies(store)).toEqual(await recount(store));
      expect(await pooled(store)).toEqual(['tiny']);
      expect(await store.deleteWaves('poll', ['tiny'])).toBe(2);
      expect([...(await tallies(store)).keys()].every((key) => key.startsWith('open|'))).toBe(true);
      expect(await store.pooledWaveCount('poll')).toBe(0);
    }));

  it('moves a pooled slug out when it is registered or told to keep its own rows, whatever the cap', () =>
    withStore(engine, async (store) => {
      for (let i = 0; i < MAX_UNREGISTERED_WAVES; i++) await send(store, inWave(`w-${i}`, 5));
      await send(store, [...inWave('late', 3), ...inWave('copied', 2)]);
      await store.putWave('poll', wave('late', 'LLLLLL'));
      await store.keepOwnRows('poll', 'copied');
      await store.keepOwnRows('poll', 'fresh');
      await send(store, [...inWave('late', 1), ...inWave('fresh', 1)]);
      const rows = await store.tallyRows('poll', 1);
      const count = (slug: string) => rows.filter((r) => r.wave === slug).reduce((n, r) => n + r.tally.count, 0);
      expect([count('late'), count('copied'), count('fresh'), count(OTHER_WAVES)]).toEqual([4, 2, 1, 0]);
      expect(await pooled(store)).toEqual([]);
      expect(await tallies(store)).toEqual(await recount(store));
    }));
});

/** Rewrites a store's tallies to the layout before pooling: one row per slug, no count table, the last schema step undone. */
function perSlugRows(responses: SurveyResponse[]) {
  const rows = new Map<string, { wave: string; channel: string; group: string; tally: Tally }>();
  for (const r of responses) {
    const group = groupOf(pollSurvey, r.answers);
    const key = keyOf(r.wave, r.channel, group);
    const row = rows.get(key) ?? { wave: r.wave, channel: r.channel, group, tally: emptyTally() };
    rows.set(key, { ...row, tally: addResponse(row.tally, pollSurvey, r.answers) });
  }
  return [...rows.values()];
}

/** 25 slugs of 5 to 8 responses and 30 of one: the largest 20 keep their rows, the rest are pooled. */
function olderData(): SurveyResponse[] {
  return [
    ...Array.from({ length: 25 }, (_, i) => inWave(`w-${i}`, 5 + (i % 4))).flat(),
    ...Array.from({ length: 30 }, (_, i) => inWave(`one-${i}`, 1)).flat(),
    ...inWave('open', 7),
  ];
}

async function expectMigrated(store: Store, responses: SurveyResponse[]) {
  const own = new Set((await store.tallyRows('poll', 1)).map((r) => r.wave));
  expect(own.size).toBe(MAX_UNREGISTERED_WAVES + 2);
  // Sizes cycle 5, 6, 7, 8: the five pooled are the smallest, ties taken by name (w-0 and w-12 keep theirs).
  expect((await pooled(store)).filter((s) => s.startsWith('w-'))).toEqual(['w-16', 'w-20', 'w-24', 'w-4', 'w-8']);
  expect(await store.pooledWaveCount('poll')).toBe(35);
  expect(await tallies(store)).toEqual(await recount(store));
  expect((await store.tallyRows('poll', 1)).reduce((n, r) => n + r.tally.count, 0)).toBe(responses.length);
}

describe('the upgrade to pooled tallies', () => {
  it('on sqlite: pools the rows of every slug but the largest 20', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'stance-pool-')), 'stance.db');
    const responses = olderData();
    const store = new SqliteStore(path);
    await store.putSurvey(pollSurvey);
    await send(store, responses);
    store.db.exec('DELETE FROM tallies; DROP TABLE unregistered_waves; DELETE FROM schema_version WHERE version = (SELECT max(version) FROM schema_version)');
    const insert = store.db.prepare("INSERT INTO tallies (survey, version, wave, channel, grp, count, json) VALUES ('poll', 1, ?, ?, ?, ?, ?)");
    for (const r of perSlugRows(responses)) insert.run(r.wave, r.channel, r.group, r.tally.count, JSON.stringify(r.tally));
    await store.close();
    const upgraded = new SqliteStore(path);
    await expectMigrated(upgraded, responses);
    await upgraded.close();
    new Database(path).close();
  });

  it('on postgres: pools the rows of every slug but the largest 20, from every shard', async () => {
    const { store, close, url } = await openTestStore('postgres');
    const responses = olderData();
    await store.putSurvey(pollSurvey);
    await send(store, responses);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('DELETE FROM tallies; DROP TABLE unregistered_waves; DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)');
      // Each row split over two shards, as two processes would have written it.
      for (const r of perSlugRows(responses)) {
        for (const [shard, tally] of [[0, r.tally], [1, emptyTally()]] as const) {
          await client.query('INSERT INTO tallies (survey, version, wave, channel, grp, shard, count, gen, json) VALUES ($1, 1, $2, $3, $4, $5, $6, 1, $7)', [
            'poll', r.wave, r.channel, r.group, shard, tally.count, JSON.stringify(tally),
          ]);
        }
      }
    } finally {
      await client.end();
    }
    const upgraded = await PgStore.open({ url: url!, log: () => undefined });
    try {
      await expectMigrated(upgraded, responses);
    } finally {
      await upgraded.close();
      await close();
    }
  });

  it('on postgres: two processes writing the same new slugs at once count every response once and keep the cap', async () => {
    const { store: a, close, url } = await openTestStore('postgres');
    await a.putSurvey(pollSurvey);
    const b = await PgStore.open({ url: url!, log: () => undefined });
    try {
      const batches = Array.from({ length: 8 }, (_, k) => Array.from({ length: 30 }, (_, i) => pollResponse({ wave: `s-${(i + k) % 25}` })));
      await Promise.all(batches.map((batch, k) => send(k % 2 ? b : a, batch)));
      const counts = await a.unregisteredWaves('poll');
      expect(counts.reduce((n, w) => n + w.responses, 0)).toBe(240);
      expect(counts.filter((w) => !w.pooled)).toHaveLength(MAX_UNREGISTERED_WAVES);
      for (const store of [a, b]) {
        // The other process's commits reach this one's mirror by notification, within a moment.
        await expect.poll(async () => (await store.tallyRows('poll', 1)).reduce((n, r) => n + r.tally.count, 0)).toBe(240);
        expect(await tallies(store)).toEqual(await recount(store));
      }
    } finally {
      await b.close();
      await close();
    }
  });
});
