import type { Clustering } from './kmeans';
import { kmeans } from './kmeans';
import { deriveSeed, mulberry32 } from './random';
import { SAMPLE_SIZE, sampleIndices, silhouette } from './silhouette';

/** The k's tried: two to five opinion groups, enough to read and few enough to name. */
export const K_RANGE = [2, 3, 4, 5] as const;

/**
 * How much better another k's silhouette must be to replace the previous k. Silhouettes
 * wobble by a few hundredths as responses arrive; 0.05 lets the map keep its groups
 * through that noise while still following a real change in the data.
 */
export const KEEP_MARGIN = 0.05;

/** The chosen clustering, its silhouette (null for a single group) and every k tried. */
export type Choice = { clustering: Clustering; silhouette: number | null; candidates: { k: number; silhouette: number }[] };

// Seed streams, so each use of the seed draws its own numbers whatever else ran.
const SAMPLE_STREAM = 100;

/** Everyone in one group: what remains when the points cannot be split. */
function single(xy: Float64Array): Clustering {
  const n = xy.length / 2;
  let x = 0, y = 0;
  for (let i = 0; i < n; i++) (x += xy[2 * i]!), (y += xy[2 * i + 1]!);
  const centroids = Float64Array.of(n > 0 ? x / n : 0, n > 0 ? y / n : 0);
  return { k: 1, labels: new Int32Array(n), centroids, sizes: Int32Array.of(n), inertia: 0 };
}

/**
 * Clusters the map for each k in K_RANGE and keeps the best silhouette; `previousK`
 * stays unless another k beats its silhouette by KEEP_MARGIN or more. A k that the points
 * cannot support (fewer distinct points than k, or k ≥ n) is skipped.
 */
export function chooseClustering(xy: Float64Array, seed: number, previousK?: number): Choice {
  const n = xy.length / 2;
  const sample = sampleIndices(n, SAMPLE_SIZE, mulberry32(deriveSeed(seed, SAMPLE_STREAM)));
  const tried: { clustering: Clustering; silhouette: number }[] = [];
  for (const k of K_RANGE) {
    if (k >= n) break;
    const clustering = kmeans(xy, k, mulberry32(deriveSeed(seed, k)));
    if (clustering) tried.push({ clustering, silhouette: silhouette(xy, clustering.labels, k, sample) });
  }
  const candidates = tried.map((t) => ({ k: t.clustering.k, silhouette: t.silhouette }));
  if (tried.length === 0) return { clustering: single(xy), silhouette: null, candidates };
  let best = tried[0]!;
  for (const t of tried) if (t.silhouette > best.silhouette) best = t;
  const previous = tried.find((t) => t.clustering.k === previousK);
  if (previous && best.silhouette < previous.silhouette + KEEP_MARGIN) best = previous;
  return { clustering: best.clustering, silhouette: best.silhouette, candidates };
}
