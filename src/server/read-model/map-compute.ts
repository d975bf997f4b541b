import { MIN_COUNT, createMatrixBuilder } from '../../core/analysis';
import type { ResultsFilters } from '../../core/results';
import type { Survey } from '../../core/survey';
import type { Store } from '../store/types';
import type { MapDrawer } from './analysis-runner';

/** How a map is drawn: the seed, and the k of the map the reader showed last. */
export type MapOptions = { seed: number; previousK?: number };

/** Answers read between yields to the event loop, so submissions keep flowing during a long read. */
const YIELD_EVERY = 2000;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the stored answers of one survey version in one pass, yielding to the event loop
 * as it goes, and has `drawer` draw the map from them (off this thread in production).
 * Returns the map's JSON.
 */
export async function computeMap(store: Store, drawer: MapDrawer, survey: Survey, filters: ResultsFilters, options: MapOptions): Promise<string> {
  const builder = createMatrixBuilder(survey);
  let read = 0;
  for await (const answers of store.iterateAnswers(survey.id, survey.version, filters)) {
    builder.add(answers);
    if (++read % YIELD_EVERY === 0) await breathe();
  }
  const matrix = builder.finish();
  const base = { surveyId: survey.id, version: survey.version, filters, seed: options.seed, minCount: MIN_COUNT };
  // The small-segment rule of results: fewer than five responses show nothing at all.
  if (matrix.rows < MIN_COUNT) return JSON.stringify({ ...base, withheld: true, count: null });
  return drawer.draw({ matrix, seed: options.seed, previousK: options.previousK, base });
}
