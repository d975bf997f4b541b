import type { Answers } from '../response';
import type { Survey } from '../survey';
import { characteristics } from './characteristic';
import type { Choice } from './clusters';
import { chooseClustering } from './clusters';
import { consensusFromCounts } from './consensus';
import { crossTable } from './crosstable';
import type { ResponseMatrix } from './matrix';
import { participantRows, positionCounts, readResponses } from './matrix';
import type { Centred } from './pca';
import { centre, principalComponents, project } from './pca';
import { deriveSeed, mulberry32 } from './random';
import { round } from './round';
import type { Analysis, OpinionGroup } from './schema';

/** The small-n threshold of DESIGN §4: figures for fewer respondents are withheld. */
export const MIN_COUNT = 5;

/** What to analyse (a survey's responses, or a matrix already read) and how. */
export type AnalyseInput = {
  /** Same data, seed and previousK give the same map. */
  seed: number;
  /** The k of the last map shown, kept unless another k is clearly better. */
  previousK?: number;
  /** Small-n threshold; defaults to MIN_COUNT. */
  minCount?: number;
  /** Least spread of group means, in scale points, for a divisive position; default 1. */
  minSpread?: number;
} & ({ survey: Pick<Survey, 'sections' | 'segmentBy'>; responses: Iterable<{ answers: Answers }> } | { matrix: ResponseMatrix });

const PCA_STREAM = 200;

/** Mean answer per item on the −1…+1 scale for each group (skipped items at the item mean). */
function profiles(data: Centred, labels: Int32Array, k: number, sizes: Int32Array): number[][] {
  const { n, p, values, means } = data;
  const sums = new Float64Array(k * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) sums[labels[i]! * p + j]! += values[i * p + j]!;
  return Array.from({ length: k }, (_, g) =>
    Array.from({ length: p }, (_, j) => round(sizes[g]! > 0 ? sums[g * p + j]! / sizes[g]! + means[j]! : means[j]!)),
  );
}

/** The groups as served: figures for those under the threshold withheld. */
function opinionGroups(matrix: ResponseMatrix, rows: Int32Array, data: Centred, choice: Choice, minCount: number): OpinionGroup[] {
  const { k, labels, sizes, centroids } = choice.clustering;
  const profile = profiles(data, labels, k, sizes);
  const traits = characteristics(matrix, rows, labels, k);
  return Array.from({ length: k }, (_, id): OpinionGroup =>
    sizes[id]! < minCount
      ? { id, withheld: true }
      : {
          id,
          withheld: false,
          size: sizes[id]!,
          centroid: [round(centroids[2 * id]!), round(centroids[2 * id + 1]!)],
          profile: profile[id]!,
          characteristic: traits[id]!,
        },
  );
}

/**
 * Consensus figures per group: by declared stakeholder group when the survey has one,
 * else by opinion group. Overall figures count every respondent who answered, not only
 * those on the map.
 */
function consensusReport(matrix: ResponseMatrix, rows: Int32Array, choice: Choice, input: AnalyseInput) {
  const byDeclared = matrix.labels.length > 0;
  const of = byDeclared ? matrix.declared : new Int32Array(matrix.rows).fill(-1);
  if (!byDeclared) rows.forEach((r, i) => (of[r] = choice.clustering.labels[i]!));
  const labels = byDeclared ? matrix.labels : Array.from({ length: choice.clustering.k }, (_, g) => String(g));
  const counts = positionCounts(matrix, { labels, of });
  const report = consensusFromCounts(counts, { minCount: input.minCount ?? MIN_COUNT, minSpread: input.minSpread });
  return { consensusBy: byDeclared ? ('declared' as const) : ('opinion' as const), ...report };
}

/**
 * The opinion map of a survey's responses (issue 7): consensus and division per
 * position, opinion groups found by PCA and k-means with what characterises each, and
 * declared × found. Pure and deterministic; JSON-serialisable as `AnalysisSchema`.
 */
export function analyseOpinions(input: AnalyseInput): Analysis {
  const matrix = 'matrix' in input ? input.matrix : readResponses(input.survey, input.responses);
  const minCount = input.minCount ?? MIN_COUNT;
  const rows = participantRows(matrix);
  const data = centre(matrix, rows);
  const components = principalComponents(data, mulberry32(deriveSeed(input.seed, PCA_STREAM)));
  const xy = project(data, components);
  const choice = chooseClustering(xy, input.seed, input.previousK);
  const { k, labels, sizes } = choice.clustering;
  // Below the threshold even the dots would single people out.
  const points = rows.length < minCount ? [] : Array.from(labels, (g, i): [number, number, number | null] =>
    [round(xy[2 * i]!, 3), round(xy[2 * i + 1]!, 3), sizes[g]! < minCount ? null : g]);
  return {
    respondents: matrix.rows,
    participants: rows.length,
    k,
    silhouette: choice.silhouette === null ? null : round(choice.silhouette),
    candidates: choice.candidates.map((c) => ({ k: c.k, silhouette: round(c.silhouette) })),
    model: {
      positions: matrix.positions,
      means: Array.from(data.means, (m) => round(m, 6)),
      components: [Array.from(components[0], (c) => round(c, 6)), Array.from(components[1], (c) => round(c, 6))],
    },
    points,
    groups: opinionGroups(matrix, rows, data, choice, minCount),
    ...consensusReport(matrix, rows, choice, input),
    crossTable: crossTable(matrix, rows, labels, k, minCount),
  };
}
