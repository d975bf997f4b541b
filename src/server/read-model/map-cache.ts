import { canonicalJson } from '../../core/canonical';
import type { ResultsFilters } from '../../core/results';
import type { Survey } from '../../core/survey';
import { sha256 } from '../hash';
import type { SharedMap, Store } from '../store/types';
import type { MapOptions } from './map-compute';
import { computeMap } from './map-compute';

/** The seed of the map unless the caller asks for another; fixed, so every reader sees the same map. */
export const DEFAULT_SEED = 1;

/** A served map: its JSON body, ready to send, and an ETag that hashes it. */
export type MapEntry = { body: string; etag: string };

type Local = SharedMap & { revision: number };

/** Most maps kept in this process; past it the cache starts over. */
const MAX_CACHED = 100;

/**
 * Opinion maps of one survey version under the results filters, in two layers: this
 * process's copy, good while the survey's revision (kept by the read model) stays, and the
 * store's shared maps, keyed by the data state, so that of several processes one computes
 * a map and the others read it. Concurrent readers in one process share one computation.
 */
export class MapCache {
  private readonly cache = new Map<string, Local>();
  private readonly running = new Map<string, Promise<Local>>();

  constructor(
    private readonly store: Store,
    private readonly revisionOf: (surveyId: string) => number,
  ) {}

  /** The map and its ETag for one survey version, filters and options. */
  async map(survey: Survey, filters: ResultsFilters, options: MapOptions): Promise<MapEntry> {
    const key = canonicalJson([filters, options.seed, options.previousK ?? null]);
    const localKey = `${survey.id}\u0000${survey.version}\u0000${key}`;
    const revision = this.revisionOf(survey.id);
    const hit = this.cache.get(localKey);
    if (hit && hit.revision === revision) return hit;
    const runKey = `${revision}\u0000${localKey}`;
    let run = this.running.get(runKey);
    if (!run) {
      run = this.fetch(survey, filters, options, key, hit).then((map) => {
        const entry = { ...map, revision };
        if (this.cache.size >= MAX_CACHED) this.cache.clear();
        this.cache.set(localKey, entry);
        return entry;
      });
      this.running.set(runKey, run);
      // Failed or not, the next reader starts afresh.
      void run.finally(() => this.running.delete(runKey)).catch(() => undefined);
    }
    return run;
  }

  // The state is read before the answers, so a map is never labelled newer than its data.
  private async fetch(survey: Survey, filters: ResultsFilters, options: MapOptions, key: string, hit: Local | undefined): Promise<SharedMap> {
    const state = await this.store.stateToken(survey.id, survey.version);
    if (hit?.state === state) return hit;
    const shared = this.store.sharedMaps;
    const stored = await shared.read(survey.id, survey.version, key);
    if (stored?.state === state) return stored;
    return shared.exclusive(survey.id, survey.version, key, async () => {
      const done = await shared.read(survey.id, survey.version, key);
      if (done?.state === state) return done;
      const body = JSON.stringify(await computeMap(this.store, survey, filters, options));
      const map = { state, body, etag: `"${sha256(body).slice(0, 32)}"` };
      await shared.write(survey.id, survey.version, key, map);
      return map;
    });
  }
}
