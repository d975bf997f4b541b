/**
 * k-means on the two-dimensional map. Points are interleaved (x0, y0, x1, y1, …) in a
 * Float64Array; every choice that could go either way is broken towards the lower index,
 * so a seeded run is fully reproducible.
 */

/** A partition of the points into k groups, groups numbered largest first. */
export type Clustering = { k: number; labels: Int32Array; centroids: Float64Array; sizes: Int32Array; inertia: number };

const MAX_ITERATIONS = 100;

function dist2(xy: Float64Array, i: number, c: Float64Array, g: number): number {
  const dx = xy[2 * i]! - c[2 * g]!;
  const dy = xy[2 * i + 1]! - c[2 * g + 1]!;
  return dx * dx + dy * dy;
}

/** Draws a point with probability proportional to its weight; −1 when all weights are 0. */
function drawWeighted(weights: Float64Array, random: () => number): number {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) return -1;
  let r = random() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i]! <= 0) continue;
    last = i;
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return last; // rounding left r a hair above 0: take the last point that could be drawn
}

/** k-means++ seeding; null when there are fewer than k distinct points. */
function seed(xy: Float64Array, k: number, random: () => number): Float64Array | null {
  const n = xy.length / 2;
  const centroids = new Float64Array(2 * k);
  const d2 = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let g = 0; g < k; g++) {
    if (g > 0) pick = drawWeighted(d2, random);
    if (pick < 0) return null;
    centroids[2 * g] = xy[2 * pick]!;
    centroids[2 * g + 1] = xy[2 * pick + 1]!;
    for (let i = 0; i < n; i++) d2[i] = Math.min(d2[i]!, dist2(xy, i, centroids, g));
  }
  return centroids;
}

/** Assigns each point to its nearest centroid; returns whether any label changed. */
function assign(xy: Float64Array, centroids: Float64Array, labels: Int32Array): boolean {
  const k = centroids.length / 2;
  let changed = false;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    let bestD = dist2(xy, i, centroids, 0);
    for (let g = 1; g < k; g++) {
      const d = dist2(xy, i, centroids, g);
      if (d < bestD) (best = g), (bestD = d);
    }
    if (labels[i] !== best) (labels[i] = best), (changed = true);
  }
  return changed;
}

/**
 * Moves each centroid to its points' mean. An emptied group takes over the point
 * farthest from its centroid, the usual repair, so k groups always remain.
 */
function update(xy: Float64Array, centroids: Float64Array, labels: Int32Array): void {
  const k = centroids.length / 2;
  const sums = new Float64Array(2 * k);
  const sizes = new Int32Array(k);
  for (let i = 0; i < labels.length; i++) {
    const g = labels[i]!;
    sums[2 * g]! += xy[2 * i]!;
    sums[2 * g + 1]! += xy[2 * i + 1]!;
    sizes[g]!++;
  }
  for (let g = 0; g < k; g++) {
    if (sizes[g]! > 0) {
      centroids[2 * g] = sums[2 * g]! / sizes[g]!;
      centroids[2 * g + 1] = sums[2 * g + 1]! / sizes[g]!;
      continue;
    }
    let far = 0, farD = -1;
    for (let i = 0; i < labels.length; i++) {
      const h = labels[i]!;
      const d = sizes[h]! > 1 ? dist2(xy, i, centroids, h) : -1;
      if (d > farD) (far = i), (farD = d);
    }
    sizes[labels[far]!]!--;
    labels[far] = g;
    sizes[g] = 1;
    centroids[2 * g] = xy[2 * far]!;
    centroids[2 * g + 1] = xy[2 * far + 1]!;
  }
}

function lloyd(xy: Float64Array, centroids: Float64Array): Clustering {
  const k = centroids.length / 2;
  const labels = new Int32Array(xy.length / 2).fill(-1);
  for (let iter = 0; iter < MAX_ITERATIONS && assign(xy, centroids, labels); iter++) update(xy, centroids, labels);
  const sizes = new Int32Array(k);
  let inertia = 0;
  for (let i = 0; i < labels.length; i++) {
    sizes[labels[i]!]!++;
    inertia += dist2(xy, i, centroids, labels[i]!);
  }
  return { k, labels, centroids, sizes, inertia };
}

/** Renumbers groups largest first (then by x, then y), so ids do not depend on seeding order. */
function canonical(c: Clustering): Clustering {
  const order = Array.from({ length: c.k }, (_, g) => g).sort(
    (a, b) => c.sizes[b]! - c.sizes[a]! || c.centroids[2 * a]! - c.centroids[2 * b]! || c.centroids[2 * a + 1]! - c.centroids[2 * b + 1]! || a - b,
  );
  const rank = new Int32Array(c.k);
  order.forEach((g, r) => (rank[g] = r));
  return {
    k: c.k,
    labels: c.labels.map((g) => rank[g]!),
    centroids: Float64Array.from(order.flatMap((g) => [c.centroids[2 * g]!, c.centroids[2 * g + 1]!])),
    sizes: Int32Array.from(order.map((g) => c.sizes[g]!)),
    inertia: c.inertia,
  };
}

/**
 * The lowest-inertia clustering of several k-means++ restarts, or null when the points
 * have fewer than k distinct positions.
 */
export function kmeans(xy: Float64Array, k: number, random: () => number, restarts = 4): Clustering | null {
  let best: Clustering | null = null;
  for (let r = 0; r < restarts; r++) {
    const centroids = seed(xy, k, random);
    if (!centroids) return null;
    const c = lloyd(xy, centroids);
    if (!best || c.inertia < best.inertia) best = c;
  }
  return best && canonical(best);
}
