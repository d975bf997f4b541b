import type { Clock } from '../../core/ids';
import type { Store } from '../store/types';
import type { MapDrawer } from './analysis-runner';
import { LiveHub } from './live-hub';
import { MapCache } from './map-cache';
import { ResultsCache } from './results-cache';

/** What the read model needs beyond the store and the clock: where opinion maps are drawn, among others. */
export type ReadModelOptions = { liveIntervalMs: number; log: (message: string) => void; drawer: MapDrawer };

/**
 * Everything a process serves from what is stored, in one place: the revision of each
 * survey, the results snapshots, the opinion maps, and the live push. It subscribes to
 * the store's changes once (a local commit, or a notification from another process); on
 * each change it moves the survey's revision on first and only then tells the live hub, so
 * a push always reads new figures, whatever order anything was built in.
 */
export class ReadModel {
  readonly results: ResultsCache;
  readonly maps: MapCache;
  readonly live: LiveHub;
  private readonly revisions = new Map<string, number>();
  private readonly drawer: MapDrawer;
  private readonly unsubscribe: () => void;

  constructor(store: Store, clock: Clock, options: ReadModelOptions) {
    const revisionOf = (surveyId: string) => this.revisions.get(surveyId) ?? 0;
    this.results = new ResultsCache(store, clock, revisionOf);
    this.drawer = options.drawer;
    this.maps = new MapCache(store, options.drawer, revisionOf, clock);
    this.live = new LiveHub((survey, filters, audience, weighted) => this.results.snapshot(survey, filters, audience, weighted), clock, options.liveIntervalMs, options.log);
    this.unsubscribe = store.onChange((surveyId) => this.changed(surveyId));
  }

  /** Stops listening to the store, cancels pending pushes and ends the map worker. */
  async close(): Promise<void> {
    this.unsubscribe();
    this.live.close();
    await this.drawer.close();
  }

  private changed(surveyId: string): void {
    this.revisions.set(surveyId, (this.revisions.get(surveyId) ?? 0) + 1);
    this.live.changed(surveyId);
  }
}
