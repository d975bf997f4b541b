import type { Pool } from 'pg';
import type { TallyRow } from '../../../core/results';
import type { Tally } from '../../../core/tally';
import { addTally, emptyTally } from '../../../core/tally';

/** Where a tally row belongs: survey version × wave × channel × group. */
export type Segment = { survey: string; version: number; wave: string; channel: string; group: string };
/** One stored shard of a segment's tally, with the generation that counts its updates. */
export type ShardRow = Segment & { shard: number; gen: number; tally: Tally };

type Mirror = {
  /** Rows changed by transactions at or after this xid are read again on the next refresh. */
  xmin: string;
  dirty: boolean;
  refreshing?: Promise<void>;
  /** Per segment, its shard rows by shard number. */
  segments: Map<string, Map<number, ShardRow>>;
  /** Per version, one merged row per segment: the sum of its shards. */
  merged: Map<number, Map<string, TallyRow>>;
};

const segmentKey = (s: Omit<Segment, 'survey'>) => `${s.version}\u0000${s.wave}\u0000${s.channel}\u0000${s.group}`;

type RowOfDb = { xmin: string; version: number | null; wave: string; channel: string; grp: string; shard: number; gen: string; json: string };

/**
 * Every process's copy of the tally table, shard rows and their merged sums. A process
 * writes its own shard (no hot row shared between processes) and reads the others' shards
 * incrementally: each row carries the id of the transaction that last wrote it, and a
 * refresh reads only rows written at or after the oldest transaction that was still
 * running at the previous refresh (the snapshot's xmin), so no commit is ever missed and a
 * row read twice is simply skipped by its generation.
 */
export class TallyMirror {
  private readonly surveys = new Map<string, Mirror>();

  constructor(
    private readonly pool: Pool,
    private readonly log: (message: string) => void,
  ) {}

  /** The merged rows of one survey version, refreshed first if another process changed it. */
  async rows(survey: string, version: number): Promise<TallyRow[]> {
    const mirror = await this.fresh(survey);
    return [...(mirror.merged.get(version)?.values() ?? [])];
  }

  /** A token that moves with every committed change to the survey version's tallies. */
  async stateToken(survey: string, version: number): Promise<string> {
    const mirror = await this.fresh(survey);
    let rows = 0;
    let gens = 0;
    for (const shards of mirror.segments.values()) {
      for (const row of shards.values()) {
        if (row.version !== version) continue;
        rows += 1;
        gens += row.gen;
      }
    }
    return `${rows}.${gens}`;
  }

  /** This process's copy of one shard row, as the base for its next write. */
  own(segment: Segment, shard: number): ShardRow | undefined {
    return this.surveys.get(segment.survey)?.segments.get(segmentKey(segment))?.get(shard);
  }

  /** Takes rows this process has just committed. */
  apply(rows: ShardRow[]): void {
    const touched = new Map<string, Set<string>>();
    for (const row of rows) {
      if (!this.take(this.mirrorOf(row.survey), row)) continue;
      let segments = touched.get(row.survey);
      if (!segments) touched.set(row.survey, (segments = new Set()));
      segments.add(segmentKey(row));
    }
    for (const [survey, segments] of touched) this.remerge(this.mirrorOf(survey), segments);
  }

  /** Another process changed the survey: read its rows again before the next use. */
  markDirty(survey: string): void {
    this.mirrorOf(survey).dirty = true;
  }

  /** After a lost connection every survey may have changed unseen. */
  markAllDirty(): void {
    for (const mirror of this.surveys.values()) mirror.dirty = true;
  }

  /** Reads every survey's rows (at start). */
  async loadAll(): Promise<void> {
    const { rows } = await this.pool.query<{ survey: string }>('SELECT DISTINCT survey FROM tallies');
    for (const { survey } of rows) await this.refresh(survey, this.mirrorOf(survey));
  }

  private mirrorOf(survey: string): Mirror {
    let mirror = this.surveys.get(survey);
    if (!mirror) this.surveys.set(survey, (mirror = { xmin: '0', dirty: true, segments: new Map(), merged: new Map() }));
    return mirror;
  }

  /** Keeps `row` unless the mirror already has this generation of it (or a later one). */
  private take(mirror: Mirror, row: ShardRow): boolean {
    const key = segmentKey(row);
    let shards = mirror.segments.get(key);
    if (!shards) mirror.segments.set(key, (shards = new Map()));
    if ((shards.get(row.shard)?.gen ?? -1) >= row.gen) return false;
    shards.set(row.shard, row);
    return true;
  }

  // While the database cannot be reached, the rows last read are served (stale but
  // consistent), and the survey stays dirty so the next use tries again.
  private async fresh(survey: string): Promise<Mirror> {
    const mirror = this.mirrorOf(survey);
    if (mirror.dirty) {
      mirror.refreshing ??= this.refresh(survey, mirror)
        .catch((error: unknown) => {
          mirror.dirty = true;
          this.log(`tallies of ${survey}: serving the last rows read, the database did not answer: ${String(error)}`);
        })
        .finally(() => (mirror.refreshing = undefined));
      await mirror.refreshing;
    }
    return mirror;
  }

  private async refresh(survey: string, mirror: Mirror): Promise<void> {
    mirror.dirty = false;
    const { rows } = await this.pool.query<RowOfDb>(
      `WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin)
       SELECT s.xmin, t.version, t.wave, t.channel, t.grp, t.shard, t.gen::text AS gen, t.json
       FROM s LEFT JOIN tallies t ON t.survey = $1 AND t.xid >= $2::xid8`,
      [survey, mirror.xmin],
    );
    const touched = new Set<string>();
    for (const r of rows) {
      if (r.version === null) continue;
      const row: ShardRow = { survey, version: r.version, wave: r.wave, channel: r.channel, group: r.grp, shard: r.shard, gen: Number(r.gen), tally: JSON.parse(r.json) as Tally };
      if (this.take(mirror, row)) touched.add(segmentKey(row));
    }
    this.remerge(mirror, touched);
    if (rows[0]) mirror.xmin = rows[0].xmin;
  }

  // A changed segment gets a new merged object (never changed in place), and one that sums
  // to nothing leaves the list, as a deleted SQLite row does.
  private remerge(mirror: Mirror, segments: Set<string>): void {
    for (const key of segments) {
      const shards = [...(mirror.segments.get(key)?.values() ?? [])];
      const first = shards[0];
      if (!first) continue;
      const tally = shards.reduce((sum, row) => addTally(sum, row.tally), emptyTally());
      let rows = mirror.merged.get(first.version);
      if (!rows) mirror.merged.set(first.version, (rows = new Map()));
      if (tally.count === 0) rows.delete(key);
      else rows.set(key, { wave: first.wave, channel: first.channel, group: first.group, tally });
    }
  }
}
