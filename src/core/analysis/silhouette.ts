/**
 * Silhouette of a clustering of 2-D points. Exact silhouette costs n² distances, too slow
 * at 100,000 respondents, so past SAMPLE_SIZE points it is computed on a seeded sample,
 * as scikit-learn's `sample_size` does; the same sample serves every k, so the k's are
 * compared on equal terms.
 */

/** Points beyond which the silhouette is estimated on a sample of this many. */
export const SAMPLE_SIZE = 2000;

/** Indices of the points to score: all of them, or a seeded sample of `size`, ascending. */
export function sampleIndices(n: number, size: number, random: () => number): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (n <= size) return all;
  // A partial Fisher–Yates shuffle: the first `size` slots become a uniform sample.
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, size).sort();
}

/**
 * Mean silhouette over the sampled points, with distances taken within the sample. A
 * point alone in its group (in the sample) scores 0, the usual convention.
 */
export function silhouette(xy: Float64Array, labels: Int32Array, k: number, sample: Int32Array): number {
  const m = sample.length;
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  for (const i of sample) counts[labels[i]!]!++;
  let total = 0;
  for (let a = 0; a < m; a++) {
    const i = sample[a]!;
    sums.fill(0);
    for (let b = 0; b < m; b++) {
      const j = sample[b]!;
      const dx = xy[2 * i]! - xy[2 * j]!;
      const dy = xy[2 * i + 1]! - xy[2 * j + 1]!;
      sums[labels[j]!]! += Math.sqrt(dx * dx + dy * dy);
    }
    const own = labels[i]!;
    if (counts[own]! < 2) continue;
    const within = sums[own]! / (counts[own]! - 1);
    let nearest = Infinity;
    for (let g = 0; g < k; g++) if (g !== own && counts[g]! > 0) nearest = Math.min(nearest, sums[g]! / counts[g]!);
    const spread = Math.max(within, nearest);
    if (Number.isFinite(nearest) && spread > 0) total += (nearest - within) / spread;
  }
  return m > 0 ? total / m : 0;
}
