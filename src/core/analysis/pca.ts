import type { ResponseMatrix } from './matrix';
import { scaled } from './positions';

/** Participants' answers on the −1…+1 scale, centred on the item means. */
export type Centred = {
  n: number;
  p: number;
  /** Row-major n × p; a skipped item is imputed with its mean, so it is 0 here. */
  values: Float64Array;
  /** Item means on the −1…+1 scale; 0 (the midpoint) for an item nobody answered. */
  means: Float64Array;
};

/** Centres the given rows' scaled answers on each item's mean among them. */
export function centre(matrix: ResponseMatrix, rows: Int32Array): Centred {
  const p = matrix.positions.length;
  const n = rows.length;
  const sums = new Float64Array(p);
  const answered = new Float64Array(p);
  const values = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    for (let j = 0; j < p; j++) {
      const v = matrix.raw[r * p + j]!;
      if (v === 0) continue;
      const s = scaled(v, matrix.positions[j]!.points);
      values[i * p + j] = s;
      sums[j]! += s;
      answered[j]!++;
    }
  }
  const means = sums.map((s, j) => (answered[j]! > 0 ? s / answered[j]! : 0));
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    for (let j = 0; j < p; j++) values[i * p + j] = matrix.raw[r * p + j]! === 0 ? 0 : values[i * p + j]! - means[j]!;
  }
  return { n, p, values, means };
}

/** The p × p covariance matrix of centred values. */
function covariance({ n, p, values }: Centred): Float64Array {
  const cov = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const row = i * p;
    for (let a = 0; a < p; a++) {
      const va = values[row + a]!;
      if (va === 0) continue;
      for (let b = a; b < p; b++) cov[a * p + b]! += va * values[row + b]!;
    }
  }
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      const c = n > 0 ? cov[a * p + b]! / n : 0;
      cov[a * p + b] = c;
      cov[b * p + a] = c;
    }
  }
  return cov;
}

const MAX_ITERATIONS = 1000;
const TOLERANCE = 1e-12;

function normalise(v: Float64Array): number {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < v.length; j++) v[j]! /= norm;
  return norm;
}

/**
 * The leading eigenvector of `cov` by power iteration, kept orthogonal to the earlier
 * components (deflation alone drifts when eigenvalues are close). All zeros when the
 * remaining variance is nil, e.g. when everyone answered alike.
 */
function leadingVector(cov: Float64Array, p: number, start: Float64Array, earlier: Float64Array[]): Float64Array {
  let v = start.slice();
  const w = new Float64Array(p);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += cov[a * p + b]! * v[b]!;
      w[a] = s;
    }
    for (const e of earlier) {
      let dot = 0;
      for (let j = 0; j < p; j++) dot += w[j]! * e[j]!;
      for (let j = 0; j < p; j++) w[j]! -= dot * e[j]!;
    }
    if (normalise(w) < 1e-12) return new Float64Array(p);
    let change = 0;
    for (let j = 0; j < p; j++) change += (w[j]! - v[j]!) ** 2;
    v = w.slice();
    if (change < TOLERANCE) break;
  }
  return v;
}

/** Flips a component so that agreeing with the first position it weighs is positive. */
function orient(v: Float64Array): Float64Array {
  const lead = v.find((x) => Math.abs(x) > 1e-9) ?? 0;
  return lead < 0 ? v.map((x) => -x) : v;
}

/** The two leading principal components of centred values (power iteration with deflation). */
export function principalComponents(data: Centred, random: () => number): [Float64Array, Float64Array] {
  const { p } = data;
  const cov = covariance(data);
  const components: Float64Array[] = [];
  for (let c = 0; c < 2; c++) {
    const start = Float64Array.from({ length: p }, () => random() - 0.5);
    const v = orient(leadingVector(cov, p, start, components));
    let lambda = 0;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) lambda += v[a]! * cov[a * p + b]! * v[b]!;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) cov[a * p + b]! -= lambda * v[a]! * v[b]!;
    components.push(v);
  }
  return [components[0]!, components[1]!];
}

/** Each row's coordinates on the two components, interleaved as x0, y0, x1, y1, … */
export function project({ n, p, values }: Centred, [c1, c2]: [Float64Array, Float64Array]): Float64Array {
  const xy = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    let x = 0, y = 0;
    for (let j = 0; j < p; j++) {
      const v = values[i * p + j]!;
      x += v * c1[j]!;
      y += v * c2[j]!;
    }
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
  }
  return xy;
}
