import { MIN_COUNT, analyseOpinions, createMatrixBuilder } from '../../core/analysis';
import type { OpinionMap } from '../../core/opinion-map';
import { thinPoints } from '../../core/opinion-map';
import type { ResultsFilters } from '../../core/results';
import type { Survey } from '../../core/survey';
import type { Store } from '../store/types';

/** How a map is drawn: the seed, and the k of the map the reader showed last. */
export type MapOptions = { seed: number; previousK?: number };

/** Answers read between yields to the event loop, so submissions keep flowing during a long read. */
const YIELD_EVERY = 5000;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads the stored answers of one survey version in one pass and draws its opinion map. */
export async function computeMap(store: Store, survey: Survey, filters: ResultsFilters, options: MapOptions): Promise<OpinionMap> {
  const builder = createMatrixBuilder(survey);
  let read = 0;
  for await (const answers of store.iterateAnswers(survey.id, survey.version, filters)) {
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
