import { canonicalJson } from '../../core/canonical';
import type { Clock } from '../../core/ids';
import type { Audience, Disclosure } from '../../core/disclosure';
import { disclosureFor } from '../../core/disclosure';
import type { ResultsFilters, ResultsSnapshot } from '../../core/results';
import { MergedRows, snapshotFromSums } from '../../core/results';
import type { Survey } from '../../core/survey';
import { weightedSnapshotFromSums } from '../../core/weighted-results';
import { sha256 } from '../hash';
import type { Store } from '../store/types';

type Cached = { revision: number; snapshot: ResultsSnapshot; etag: string };

/** Most snapshots kept; past it the cache starts over (a cache miss costs one merge of tally rows). */
const MAX_CACHED = 1000;

/**
 * Results snapshots from tally rows, cached per survey version, audience, filters and weighting
 * until the survey's revision (kept by the read model) moves on. Each view keeps its
 * running sums, shared by its weighted and unweighted snapshots (both are made from the
 * same per-group sums), so the rebuild after a commit merges only the rows that commit
 * changed. The ETag hashes the figures, not the time they were made, so it changes exactly
 * when the figures do, and a weighted one never equals an unweighted one.
 */
export class ResultsCache {
  private readonly cache = new Map<string, Cached>();
  private readonly sums = new Map<string, MergedRows>();
  /** The disclosure rule per survey version and audience at a revision: one pass over the rows, shared by every view. */
  private readonly rules = new Map<string, { revision: number; disclosure: Disclosure }>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly revisionOf: (surveyId: string) => number,
  ) {}

  /**
   * The snapshot and its ETag for one survey version under some filters; post-stratified
   * when `weighted` and the survey has a weighting, else (no weighting set) the unweighted
   * figures, without `weighting`, so a client can tell.
   */
  async snapshot(survey: Survey, filters: ResultsFilters, audience: Audience, weighted = false): Promise<{ snapshot: ResultsSnapshot; etag: string }> {
    const view = canonicalJson([survey.id, survey.version, audience, filters]);
    const key = weighted ? `weighted:${view}` : view;
    const revision = this.revisionOf(survey.id);
    const hit = this.cache.get(key);
    if (hit && hit.revision === revision) return hit;
    const [rows, waves, weighting] = await Promise.all([
      this.store.tallyRows(survey.id, survey.version),
      this.store.listWaves(survey.id),
      weighted ? this.store.getWeighting(survey.id) : undefined,
    ]);
    if (this.cache.size >= MAX_CACHED) {
      this.cache.clear();
      this.sums.clear();
    }
    const disclosure = this.ruleOf(survey, audience, revision, () => disclosureFor(rows, audience, waves.map((w) => w.slug)));
    const sums = (this.sums.get(view) ?? new MergedRows(filters)).update(rows, disclosure);
    this.sums.set(view, sums);
    const input = { survey, sums, filters, waves, generatedAt: new Date(this.clock()).toISOString() };
    const snapshot = weighting ? weightedSnapshotFromSums({ ...input, shares: weighting.shares }) : snapshotFromSums(input);
    const { generatedAt: _, ...figures } = snapshot;
    // Plain JSON, not canonical: equal figures built in one process serialise alike, and at
    // worst an ETag changes with no change of figures (a spare download), never the reverse.
    // Sorting every key cost a third of a rebuild, and a busy hall rebuilds on every read.
    const etag = `"${sha256(`${weighted ? 'weighted ' : ''}${JSON.stringify(figures)}`).slice(0, 32)}"`;
    const entry = hit && hit.etag === etag ? { ...hit, revision } : { revision, snapshot, etag };
    this.cache.set(key, entry);
    return entry;
  }

  private ruleOf(survey: Survey, audience: Audience, revision: number, make: () => Disclosure): Disclosure {
    const key = canonicalJson([survey.id, survey.version, audience]);
    const hit = this.rules.get(key);
    if (hit && hit.revision === revision) return hit.disclosure;
    const disclosure = make();
    if (this.rules.size >= MAX_CACHED) this.rules.clear();
    this.rules.set(key, { revision, disclosure });
    return disclosure;
  }
}
