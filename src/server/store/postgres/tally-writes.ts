import type { PoolClient } from 'pg';
import type { Tally } from '../../../core/tally';
import { addTally, emptyTally } from '../../../core/tally';
import type { Segment, ShardRow, TallyMirror } from './tallies';

/** One segment's change in a transaction: what its responses add (or, negative, take out). */
export type Delta = Segment & { tally: Tally };

const keyOf = (s: Segment) => [s.survey, s.version, s.wave, s.channel, s.group].join('\u0000');

/** Collects the deltas of one transaction, one per segment. */
export class Deltas {
  private readonly bySegment = new Map<string, Delta>();

  /** The delta of a segment, to change in place. */
  of(segment: Segment): Tally {
    const key = keyOf(segment);
    let delta = this.bySegment.get(key);
    if (!delta) this.bySegment.set(key, (delta = { ...segment, tally: emptyTally() }));
    return delta.tally;
  }

  /** The deltas in key order, so concurrent transactions lock rows in the same order. */
  sorted(): Delta[] {
    return [...this.bySegment.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
  }
}

const sum = (base: Tally, delta: Tally) => addTally(addTally(emptyTally(), base), delta);

function columns(rows: { segment: Segment; tally: Tally; gen?: number }[]) {
  return [
    rows.map((r) => r.segment.survey),
    rows.map((r) => r.segment.version),
    rows.map((r) => r.segment.wave),
    rows.map((r) => r.segment.channel),
    rows.map((r) => r.segment.group),
    rows.map((r) => r.tally.count),
    rows.map((r) => JSON.stringify(r.tally)),
    rows.map((r) => r.gen ?? 0),
  ];
}

const UNNEST = `unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::bigint[])
  AS v(survey, version, wave, channel, grp, count, json, gen)`;
const MATCH = 't.survey = v.survey AND t.version = v.version AND t.wave = v.wave AND t.channel = v.channel AND t.grp = v.grp AND t.shard = $9';
type Returned = { survey: string; version: number; wave: string; channel: string; grp: string; gen: string };

/**
 * Adds a transaction's deltas to this process's shard of each segment, inside the caller's
 * transaction, and returns the rows as committed (for the mirror, after COMMIT). The write
 * is optimistic: it starts from the mirror's copy and only matches the stored row of the
 * same generation. Rows that another writer changed meanwhile (only possible when two
 * processes share a shard) are locked, read and summed again, so a tally is never lost.
 */
export async function writeDeltas(client: PoolClient, mirror: TallyMirror, shard: number, deltas: Delta[]): Promise<ShardRow[]> {
  const done = new Map<string, ShardRow>();
  const keep = (rows: Returned[], next: Map<string, Tally>) => {
    for (const r of rows) {
      const segment = { survey: r.survey, version: r.version, wave: r.wave, channel: r.channel, group: r.grp };
      done.set(keyOf(segment), { ...segment, shard, gen: Number(r.gen), tally: next.get(keyOf(segment))! });
    }
  };
  const next = new Map<string, Tally>();
  const updates: { segment: Segment; tally: Tally; gen: number }[] = [];
  const inserts: { segment: Segment; tally: Tally }[] = [];
  for (const delta of deltas) {
    const base = mirror.own(delta, shard);
    const tally = base ? sum(base.tally, delta.tally) : sum(emptyTally(), delta.tally);
    next.set(keyOf(delta), tally);
    if (base) updates.push({ segment: delta, tally, gen: base.gen });
    else inserts.push({ segment: delta, tally });
  }
  if (updates.length) {
    const { rows } = await client.query<Returned>(
      `UPDATE tallies t SET count = v.count, json = v.json, gen = t.gen + 1, xid = pg_current_xact_id()
       FROM ${UNNEST} WHERE ${MATCH} AND t.gen = v.gen
       RETURNING t.survey, t.version, t.wave, t.channel, t.grp, t.gen::text AS gen`,
      [...columns(updates), shard],
    );
    keep(rows, next);
  }
  if (inserts.length) {
    const { rows } = await client.query<Returned>(
      `INSERT INTO tallies (survey, version, wave, channel, grp, shard, count, gen, json)
       SELECT v.survey, v.version, v.wave, v.channel, v.grp, $9, v.count, 1, v.json FROM ${UNNEST}
       ON CONFLICT DO NOTHING RETURNING survey, version, wave, channel, grp, gen::text AS gen`,
      [...columns(inserts), shard],
    );
    keep(rows, next);
  }
  const missed = deltas.filter((d) => !done.has(keyOf(d)));
  if (missed.length) keep(...(await resum(client, shard, missed, next)));
  return [...done.values()];
}

/** Locks and rereads the rows an optimistic write missed, and writes base + delta over them. */
async function resum(client: PoolClient, shard: number, missed: Delta[], next: Map<string, Tally>): Promise<[Returned[], Map<string, Tally>]> {
  const keys = columns(missed.map((d) => ({ segment: d, tally: d.tally })));
  const { rows } = await client.query<{ survey: string; version: number; wave: string; channel: string; grp: string; json: string }>(
    `SELECT t.survey, t.version, t.wave, t.channel, t.grp, t.json FROM tallies t, ${UNNEST} WHERE ${MATCH}
     ORDER BY t.survey, t.version, t.wave, t.channel, t.grp FOR UPDATE OF t`,
    [...keys, shard],
  );
  const stored = new Map(rows.map((r) => [keyOf({ survey: r.survey, version: r.version, wave: r.wave, channel: r.channel, group: r.grp }), JSON.parse(r.json) as Tally]));
  const rewritten = missed.map((d) => ({ segment: d as Segment, tally: sum(stored.get(keyOf(d)) ?? emptyTally(), d.tally) }));
  for (const r of rewritten) next.set(keyOf(r.segment), r.tally);
  const { rows: written } = await client.query<Returned>(
    `INSERT INTO tallies (survey, version, wave, channel, grp, shard, count, gen, json)
     SELECT v.survey, v.version, v.wave, v.channel, v.grp, $9, v.count, 1, v.json FROM ${UNNEST}
     ON CONFLICT (survey, version, wave, channel, grp, shard) DO UPDATE
       SET count = excluded.count, json = excluded.json, gen = tallies.gen + 1, xid = pg_current_xact_id()
     RETURNING survey, version, wave, channel, grp, gen::text AS gen`,
    [...columns(rewritten), shard],
  );
  return [written, next];
}
