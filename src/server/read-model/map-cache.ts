import { canonicalJson } from '../../core/canonical';
import type { ResultsFilters } from '../../core/results';
import type { Survey } from '../../core/survey';
import { sha256 } from '../hash';
import type { SharedMap, Store } from '../store/types';
import type { MapDrawer } from './analysis-runner';
import type { MapOptions } from './map-compute';
import { computeMap } from './map-compute';

/** The seed of the map unless the caller asks for another; fixed, so every reader sees the same map. */
export const DEFAULT_SEED = 1;

/** A served map: its JSON body, ready to send, and an ETag that hashes it. */
export type MapEntry = { body: string; etag: string };

type Local = SharedMap & { revision: number; at: number };

/** Most maps kept in this process; past it the oldest goes first. */
const MAX_CACHED = 100;
/** A precomputed map is drawn again at most this often, however fast responses arrive. */
const REFRESH_EVERY_MS = 5000;

/**
 * Opinion maps of one survey version under the results filters, in two layers: this
 * process's copy, good while the survey's revision (kept by the read model) stays, and the
 * store's shared maps, keyed by the data state, so that of several processes one computes
 * a map and the others read it. Concurrent readers in one process share one computation;
 * the drawing itself happens off the event loop (`MapDrawer`).
 */
export class MapCache {
  private readonly cache = new Map<string, Local>();
  private readonly running = new Map<string, Promise<Local>>();

  constructor(
    private readonly store: Store,
    private readonly drawer: MapDrawer,
    private readonly revisionOf: (surveyId: string) => number,
    private readonly clock: () => number,
  ) {}

  /** The map as of the survey's current revision, computed now if it is not cached. */
  async map(survey: Survey, filters: ResultsFilters, options: MapOptions): Promise<MapEntry> {
    const { localKey, key } = keysOf(survey, filters, options);
    const hit = this.cache.get(localKey);
    if (hit && hit.revision === this.revisionOf(survey.id)) return hit;
    return this.refresh(survey, filters, options, localKey, key);
  }

  /**
   * A precomputed map, for readers who may not ask for a fresh one (the public): the last
   * one drawn, even if responses arrived since, redrawn in the background at most every
   * few seconds. Only the first reader of a map ever waits for it to be drawn.
   */
  async precomputed(survey: Survey, filters: ResultsFilters): Promise<MapEntry> {
    const options = { seed: DEFAULT_SEED };
    const { localKey, key } = keysOf(survey, filters, options);
    const hit = this.cache.get(localKey);
    if (!hit) return this.refresh(survey, filters, options, localKey, key);
    if (hit.revision !== this.revisionOf(survey.id) && this.clock() - hit.at >= REFRESH_EVERY_MS) {
      void this.refresh(survey, filters, options, localKey, key).catch(() => undefined);
    }
    return hit;
  }

  /** Whether a map is cached for the survey's current revision (reading it computes nothing). */
  isFresh(survey: Survey, filters: ResultsFilters, options: MapOptions): boolean {
    const hit = this.cache.get(keysOf(survey, filters, options).localKey);
    return !!hit && hit.revision === this.revisionOf(survey.id);
  }

  private refresh(survey: Survey, filters: ResultsFilters, options: MapOptions, localKey: string, key: string): Promise<Local> {
    const revision = this.revisionOf(survey.id);
    const runKey = `${revision}\u0000${localKey}`;
    let run = this.running.get(runKey);
    if (!run) {
      run = this.fetch(survey, filters, options, key, this.cache.get(localKey)).then((map) => {
        const entry = { ...map, revision, at: this.clock() };
        this.cache.delete(localKey);
        this.cache.set(localKey, entry);
        if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
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
      const body = await computeMap(this.store, this.drawer, survey, filters, options);
      const map = { state, body, etag: `"${sha256(body).slice(0, 32)}"` };
      await shared.write(survey.id, survey.version, key, map);
      return map;
    });
  }
}

function keysOf(survey: Survey, filters: ResultsFilters, options: MapOptions): { key: string; localKey: string } {
  const key = canonicalJson([filters, options.seed, options.previousK ?? null]);
  return { key, localKey: `${survey.id}\u0000${survey.version}\u0000${key}` };
}
