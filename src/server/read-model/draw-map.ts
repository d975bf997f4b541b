import { analyseOpinions } from '../../core/analysis';
import type { ResponseMatrix } from '../../core/analysis/matrix';
import { thinPoints } from '../../core/opinion-map';
import type { ResultsFilters } from '../../core/results';

/** Everything needed to draw one map from answers already read: what a worker receives. */
export type DrawJob = { matrix: ResponseMatrix; seed: number; previousK?: number; base: { surveyId: string; version: number; filters: ResultsFilters; seed: number; minCount: number } };

/** Draws the map (PCA, clustering, characteristic positions, thinned points) and serialises it. Pure and CPU-bound. */
export function drawMap(job: DrawJob): string {
  const analysis = analyseOpinions({ matrix: job.matrix, seed: job.seed, previousK: job.previousK });
  return JSON.stringify({ ...job.base, withheld: false, count: job.matrix.rows, ...analysis, ...thinPoints(analysis.points, job.seed) });
}
