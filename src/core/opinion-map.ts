import { z } from 'zod/mini';
import type { Analysis } from './analysis';
import { AnalysisSchema, mulberry32 } from './analysis';

/**
 * The opinion map as GET /api/v1/surveys/:id/analysis serves it: the analysis of one
 * survey version under the results filters, with its points thinned for large samples.
 * Server and app both read this shape, so it lives in core.
 */

/** Most points served; beyond it a deterministic sample is served with a density grid of them all. */
export const MAX_POINTS = 2000;
/** Cells per side of the density grid. */
export const DENSITY_BINS = 32;

const Count = z.int().check(z.gte(0));
const Figure = z.number().check(z.refine(Number.isFinite, 'must be finite'));

/** How many participants' points there are and how many are served: all of them, or a sample. */
export const PointSetSchema = z.object({ mode: z.enum(['all', 'sample']), total: Count, shown: Count });
export type PointSet = z.infer<typeof PointSetSchema>;

/**
 * Every participant binned on a `bins` × `bins` grid over `[xMin, xMax] × [yMin, yMax]`:
 * `counts` row-major from the bottom-left cell, `groups` the opinion group most of each
 * cell's points belong to (null when empty or withheld).
 */
export const DensitySchema = z.object({
  bins: Count,
  extent: z.tuple([Figure, Figure, Figure, Figure]),
  counts: z.array(Count),
  groups: z.array(z.nullable(Count)),
});
export type Density = z.infer<typeof DensitySchema>;

const envelope = {
  surveyId: z.string(),
  version: z.int(),
  filters: z.object({ wave: z.optional(z.string()), channel: z.optional(z.string()), group: z.optional(z.string()) }),
  seed: z.int(),
  minCount: Count,
};

/** A served opinion map; withheld whole (count null) when fewer than `minCount` responses match. */
export const OpinionMapSchema = z.discriminatedUnion('withheld', [
  z.extend(AnalysisSchema, { ...envelope, withheld: z.literal(false), count: Count, pointSet: PointSetSchema, density: z.nullable(DensitySchema) }),
  z.object({ ...envelope, withheld: z.literal(true), count: z.null() }),
]);
export type OpinionMap = z.infer<typeof OpinionMapSchema>;

type Point = Analysis['points'][number];

/** `max` indices of `n` drawn without replacement by a seeded partial shuffle, in ascending order. */
function sampleIndices(n: number, max: number, seed: number): number[] {
  const index = Array.from({ length: n }, (_, i) => i);
  const random = mulberry32(seed);
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(random() * (n - i));
    [index[i], index[j]] = [index[j]!, index[i]!];
  }
  return index.slice(0, max).sort((a, b) => a - b);
}

/** The density grid of all points, so the shape of a large crowd survives the sampling. */
export function densityOf(points: Point[], bins = DENSITY_BINS): Density {
  // A loop, not Math.min(...xs): spreading 100,000 arguments can overflow the stack.
  const extent: [number, number, number, number] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of points) {
    extent[0] = Math.min(extent[0], x);
    extent[1] = Math.max(extent[1], x);
    extent[2] = Math.min(extent[2], y);
    extent[3] = Math.max(extent[3], y);
  }
  const cell = (v: number, lo: number, hi: number) => (hi > lo ? Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins)) : 0);
  const counts = new Array<number>(bins * bins).fill(0);
  const byGroup = new Map<number, Map<number, number>>();
  for (const [x, y, g] of points) {
    const at = cell(y, extent[2], extent[3]) * bins + cell(x, extent[0], extent[1]);
    counts[at]!++;
    if (g === null) continue;
    const tally = byGroup.get(at) ?? new Map<number, number>();
    byGroup.set(at, tally.set(g, (tally.get(g) ?? 0) + 1));
  }
  const groups = counts.map((_, at) => {
    const tally = [...(byGroup.get(at) ?? [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return tally.length > 0 ? tally[0]![0] : null;
  });
  return { bins, extent, counts, groups };
}

/**
 * The points to serve: all of them up to `max`, else a sample drawn with `seed` (the same
 * data and seed give the same sample) and the density of them all.
 */
export function thinPoints(points: Point[], seed: number, max = MAX_POINTS): { points: Point[]; pointSet: PointSet; density: Density | null } {
  if (points.length <= max) return { points, pointSet: { mode: 'all', total: points.length, shown: points.length }, density: null };
  const sample = sampleIndices(points.length, max, seed).map((i) => points[i]!);
  return { points: sample, pointSet: { mode: 'sample', total: points.length, shown: max }, density: densityOf(points) };
}
