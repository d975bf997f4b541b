import type Database from 'better-sqlite3';
import type { TallyRow } from '../../../core/results';
import type { Tally } from '../../../core/tally';
import { emptyTally } from '../../../core/tally';

/** Where a tally row belongs: survey version × wave × channel × stakeholder group. */
export type TallyKey = { survey: string; version: number; wave: string; channel: string; group: string };
type Row = TallyKey & { tally: Tally };

const keyOf = (k: TallyKey) => [k.survey, k.version, k.wave, k.channel, k.group].join('\u0000');

/**
 * The tally table mirrored in memory, so results never wait on disk. The table stays the
 * truth: a write transaction works on copies (`TallyChanges`) and the mirror takes them only
 * after the commit, so a rolled-back transaction leaves it untouched.
 */
export class TallyCache {
  private readonly rows = new Map<string, Row>();
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(db: Database.Database) {
    const all = db.prepare('SELECT survey, version, wave, channel, grp, json FROM tallies').all() as {
      survey: string; version: number; wave: string; channel: string; grp: string; json: string;
    }[];
    for (const r of all) this.put({ survey: r.survey, version: r.version, wave: r.wave, channel: r.channel, group: r.grp, tally: JSON.parse(r.json) });
    this.upsert = db.prepare(
      `INSERT INTO tallies (survey, version, wave, channel, grp, count, json) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (survey, version, wave, channel, grp) DO UPDATE SET count = excluded.count, json = excluded.json`,
    );
    this.remove = db.prepare('DELETE FROM tallies WHERE survey = ? AND version = ? AND wave = ? AND channel = ? AND grp = ?');
  }

  /** The rows of one survey version, for building results. */
  rowsFor(survey: string, version: number): TallyRow[] {
    const out: TallyRow[] = [];
    for (const r of this.rows.values()) {
      if (r.survey === survey && r.version === version) out.push({ wave: r.wave, channel: r.channel, group: r.group, tally: r.tally });
    }
    return out;
  }

  /** Starts a set of changes for one transaction. */
  changes(): TallyChanges {
    return new TallyChanges(this);
  }

  /** Forgets every row of some of one survey's waves (after their responses were deleted in SQL), in one pass. */
  dropWaves(survey: string, waves: ReadonlySet<string>): void {
    for (const [key, r] of this.rows) if (r.survey === survey && waves.has(r.wave)) this.rows.delete(key);
  }

  /** @internal used by TallyChanges */
  copyOf(key: TallyKey): Tally {
    const row = this.rows.get(keyOf(key));
    return row ? structuredClone(row.tally) : emptyTally();
  }

  /** @internal writes one changed row inside the caller's transaction */
  write(row: Row): void {
    if (row.tally.count === 0) this.remove.run(row.survey, row.version, row.wave, row.channel, row.group);
    else this.upsert.run(row.survey, row.version, row.wave, row.channel, row.group, row.tally.count, JSON.stringify(row.tally));
  }

  /** @internal takes a committed row into the mirror */
  put(row: Row): void {
    if (row.tally.count === 0) this.rows.delete(keyOf(row));
    else this.rows.set(keyOf(row), row);
  }
}

/** Working copies of the tally rows one transaction touches. */
export class TallyChanges {
  private readonly touched = new Map<string, Row>();
  constructor(private readonly cache: TallyCache) {}

  /** The working copy of a row, to change in place. */
  get(key: TallyKey): Tally {
    const k = keyOf(key);
    let row = this.touched.get(k);
    if (!row) this.touched.set(k, (row = { ...key, tally: this.cache.copyOf(key) }));
    return row.tally;
  }

  /** Writes every touched row; call inside the transaction. */
  write(): void {
    for (const row of this.touched.values()) this.cache.write(row);
  }

  /** Publishes the rows to the mirror; call after the commit. Returns the surveys touched. */
  commit(): Set<string> {
    for (const row of this.touched.values()) this.cache.put(row);
    return new Set([...this.touched.values()].map((r) => r.survey));
  }
}
