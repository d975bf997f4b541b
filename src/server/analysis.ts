import { MIN_COUNT, analyseOpinions, createMatrixBuilder } from '../core/analysis';
import { canonicalJson } from '../core/canonical';
import type { OpinionMap } from '../core/opinion-map';
import { thinPoints } from '../core/opinion-map';
import type { ResultsFilters } from '../core/results';
import type { Survey } from '../core/survey';
import { sha256 } from './hash';
import type { Store } from './store/types';

/** The seed of the map unless the caller asks for another; fixed, so every reader sees the same map. */
export const DEFAULT_SEED = 1;

/** How a map is drawn: the seed, and the k of the map the reader showed last. */
export type MapOptions = { seed: number; previousK?: number };

/** A served map: its JSON body, ready to send, and an ETag that hashes it. */
export type MapEntry = { body: string; etag: string };

type Cached = MapEntry & { revision: number };

/** Most maps kept (each up to a few hundred KB); past it the cache starts over. */
const MAX_CACHED = 100;
/** Answers read between yields to the event loop, so submissions keep flowing during a long read. */
const YIELD_EVERY = 5000;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Opinion maps of one survey version under the results filters, computed from the stored
 * answers in one pass and cached until the next commit that touches the survey (the same
 * change signal the results snapshots follow). Concurrent readers of a map being computed
 * share the one computation.
 */
export class AnalysisService {
  private readonly revisions = new Map<string, number>();
  private readonly cache = new Map<string, Cached>();
  private readonly running = new Map<string, Promise<Cached>>();

  constructor(private readonly store: Store) {
    store.onChange((surveyId) => this.revisions.set(surveyId, (this.revisions.get(surveyId) ?? 0) + 1));
  }

  /** The map and its ETag for one survey version, filters and options. */
  async map(survey: Survey, filters: ResultsFilters, options: MapOptions): Promise<MapEntry> {
    const key = canonicalJson([survey.id, survey.version, filters, options.seed, options.previousK ?? null]);
    const revision = this.revisions.get(survey.id) ?? 0;
    const hit = this.cache.get(key);
    if (hit && hit.revision === revision) return hit;
    const runKey = `${revision}\u0000${key}`;
    let run = this.running.get(runKey);
    if (!run) {
      run = this.compute(survey, filters, options).then((map) => {
        const body = JSON.stringify(map);
        const entry = { revision, body, etag: `"${sha256(body).slice(0, 32)}"` };
        if (this.cache.size >= MAX_CACHED) this.cache.clear();
        this.cache.set(key, entry);
        return entry;
      });
      this.running.set(runKey, run);
      // Failed or not, the next reader starts afresh.
      void run.finally(() => this.running.delete(runKey)).catch(() => undefined);
    }
    return run;
  }

  private async compute(survey: Survey, filters: ResultsFilters, options: MapOptions): Promise<OpinionMap> {
    const builder = createMatrixBuilder(survey);
    let read = 0;
    for await (const answers of this.store.iterateAnswers(survey.id, survey.version, filters)) {
      builder.add(answers);
      if (++read % YIELD_EVERY === 0) await breathe();
    }
    const matrix = builder.finish();
    const base = { surveyId: survey.id, version: survey.version, filters, seed: options.seed, minCount: MIN_COUNT };
    // The small-segment rule of results: fewer than five responses show nothing at all.
    if (matrix.rows < MIN_COUNT) return { ...base, withheld: true, count: null };
    const analysis = analyseOpinions({ matrix, seed: options.seed, previousK: options.previousK });
    return { ...base, withheld: false, count: matrix.rows, ...analysis, ...thinPoints(analysis.points, options.seed) };
  }
}
