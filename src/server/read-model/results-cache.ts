import { canonicalJson } from '../../core/canonical';
import type { Clock } from '../../core/ids';
import type { Audience, Disclosure } from '../../core/disclosure';
import { disclosureFor } from '../../core/disclosure';
import type { ResultsFilters, ResultsSnapshot } from '../../core/results';
import { MergedRows, snapshotFromSums } from '../../core/results';
import type { Survey } from '../../core/survey';
import { sha256 } from '../hash';
import type { Store } from '../store/types';

type Cached = { revision: number; snapshot: ResultsSnapshot; etag: string; sums: MergedRows };

/** Most snapshots kept; past it the cache starts over (a cache miss costs one merge of tally rows). */
const MAX_CACHED = 1000;

/**
 * Results snapshots from tally rows, cached per survey version, audience and filters until the
 * survey's revision (kept by the read model) moves on. Each view keeps its running sums,
 * so the rebuild after a commit merges only the rows that commit changed. The ETag hashes
 * the figures, not the time they were made, so it changes exactly when the figures do.
 */
export class ResultsCache {
  private readonly cache = new Map<string, Cached>();
  /** The disclosure rule per survey version and audience at a revision: one pass over the rows, shared by every view. */
  private readonly rules = new Map<string, { revision: number; disclosure: Disclosure }>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly revisionOf: (surveyId: string) => number,
  ) {}

  /** The snapshot and its ETag for one survey version under some filters, as `audience` may see it. */
  async snapshot(survey: Survey, filters: ResultsFilters, audience: Audience): Promise<{ snapshot: ResultsSnapshot; etag: string }> {
    const key = canonicalJson([survey.id, survey.version, audience, filters]);
    const revision = this.revisionOf(survey.id);
    const hit = this.cache.get(key);
    if (hit && hit.revision === revision) return hit;
    const [rows, waves] = await Promise.all([this.store.tallyRows(survey.id, survey.version), this.store.listWaves(survey.id)]);
    const disclosure = this.ruleOf(survey, audience, revision, () => disclosureFor(rows, audience, waves.map((w) => w.slug)));
    const sums = (hit?.sums ?? new MergedRows(filters)).update(rows, disclosure);
    const snapshot = snapshotFromSums({ survey, sums, filters, waves, generatedAt: new Date(this.clock()).toISOString() });
    const { generatedAt: _, ...figures } = snapshot;
    // Plain JSON, not canonical: equal figures built in one process serialise alike, and at
    // worst an ETag changes with no change of figures (a spare download), never the reverse.
    // Sorting every key cost a third of a rebuild, and a busy hall rebuilds on every read.
    const etag = `"${sha256(JSON.stringify(figures)).slice(0, 32)}"`;
    const entry = hit && hit.etag === etag ? { ...hit, revision } : { revision, snapshot, etag, sums };
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
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
