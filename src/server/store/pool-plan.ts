import { MAX_UNREGISTERED_WAVES, MIN_SEGMENT } from '../../core/disclosure';
import type { Tally } from '../../core/tally';
import { addTally, emptyTally } from '../../core/tally';
import { POOL, type TallyKey } from './wave-pool';

type Row = TallyKey & { tally: Tally };

/** What the migration to pooled waves writes: a count per unregistered slug, the rows to drop, the pool's rows. */
export type PoolPlan<R extends Row> = {
  counts: { survey: string; slug: string; responses: number; own: boolean }[];
  /** The rows of pooled slugs, as given (a PostgreSQL row has its shard). */
  pooledRows: R[];
  poolRows: Row[];
};

/**
 * The migration of a store whose unregistered waves all had tally rows of their own
 * (store/wave-pool.ts), for both engines: in each survey the largest slugs of MIN_SEGMENT or
 * more, up to the cap, keep theirs; every other unregistered slug's rows are summed into
 * the pool's, one per version × channel × group.
 */
export function poolPlan<R extends Row>(counts: { survey: string; slug: string; responses: number }[], rows: R[]): PoolPlan<R> {
  const bySurvey = new Map<string, typeof counts>();
  for (const c of counts) {
    const slugs = bySurvey.get(c.survey);
    if (slugs) slugs.push(c);
    else bySurvey.set(c.survey, [c]);
  }
  const planned: PoolPlan<R>['counts'] = [];
  for (const slugs of bySurvey.values()) {
    const largest = slugs.filter((c) => c.responses >= MIN_SEGMENT).sort((a, b) => b.responses - a.responses || (a.slug < b.slug ? -1 : 1));
    const own = new Set(largest.slice(0, MAX_UNREGISTERED_WAVES).map((c) => c.slug));
    for (const c of slugs) planned.push({ ...c, own: own.has(c.slug) });
  }
  const pooled = new Set(planned.filter((c) => !c.own).map((c) => `${c.survey}\u0000${c.slug}`));
  const pooledRows = rows.filter((r) => pooled.has(`${r.survey}\u0000${r.wave}`));
  const pool = new Map<string, Row>();
  for (const r of pooledRows) {
    const key = [r.survey, r.version, r.channel, r.group].join('\u0000');
    let sum = pool.get(key);
    if (!sum) pool.set(key, (sum = { survey: r.survey, version: r.version, wave: POOL, channel: r.channel, group: r.group, tally: emptyTally() }));
    addTally(sum.tally, r.tally);
  }
  return { counts: planned, pooledRows, poolRows: [...pool.values()] };
}
