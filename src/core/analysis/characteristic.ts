import type { ResponseMatrix } from './matrix';
import { midpoint } from './positions';
import { round } from './round';
import type { Characteristic } from './schema';

/**
 * What sets each opinion group apart, after Pol.is's "representative comments": on each
 * position, compare the group's agree (and disagree) share with everyone else's by a
 * two-proportion z-test. Only answers given count; imputed values are not opinions.
 */

/** |z| a difference must reach: 1.96, the two-sided 5% level. */
export const MIN_Z = 1.96;
/** Positions listed per group, as Pol.is shows. */
export const MAX_CHARACTERISTIC = 5;

type Counts = { n: Float64Array; agree: Float64Array; disagree: Float64Array };

/** Answered, agreeing and disagreeing counts per group and position (index g * p + j). */
function countByGroup(matrix: ResponseMatrix, rows: Int32Array, labels: Int32Array, k: number): Counts {
  const p = matrix.positions.length;
  const counts = { n: new Float64Array(k * p), agree: new Float64Array(k * p), disagree: new Float64Array(k * p) };
  const mids = matrix.positions.map((pos) => midpoint(pos.points));
  rows.forEach((r, i) => {
    const g = labels[i]!;
    for (let j = 0; j < p; j++) {
      const v = matrix.raw[r * p + j]!;
      if (v === 0) continue;
      counts.n[g * p + j]!++;
      if (v > mids[j]!) counts.agree[g * p + j]!++;
      if (v < mids[j]!) counts.disagree[g * p + j]!++;
    }
  });
  return counts;
}

/** Pooled two-proportion z for x1/n1 against x2/n2; 0 when it is undefined. */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 0;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se > 0 ? (x1 / n1 - x2 / n2) / se : 0;
}

/** Sums per position over every group: the "everyone" that each group is compared with. */
function totals(hits: Float64Array, k: number, p: number): Float64Array {
  const out = new Float64Array(p);
  for (let g = 0; g < k; g++) for (let j = 0; j < p; j++) out[j]! += hits[g * p + j]!;
  return out;
}

/**
 * Per group, the positions on which it holds a view more than everyone else does: the
 * group's own majority takes that side (so "agrees" is a fair summary of it) and z ≥
 * MIN_Z. Each position counts once, on its stronger side; the top MAX_CHARACTERISTIC by
 * z are listed agree-type first.
 */
export function characteristics(matrix: ResponseMatrix, rows: Int32Array, labels: Int32Array, k: number): Characteristic[][] {
  const p = matrix.positions.length;
  const c = countByGroup(matrix, rows, labels, k);
  const all = { n: totals(c.n, k, p), agree: totals(c.agree, k, p), disagree: totals(c.disagree, k, p) };
  return Array.from({ length: k }, (_, g) => {
    const found: Characteristic[] = [];
    for (let j = 0; j < p; j++) {
      const at = g * p + j;
      const n1 = c.n[at]!, n2 = all.n[j]! - n1;
      const side = (type: Characteristic['type'], hits: Float64Array, allHits: Float64Array): Characteristic => ({
        question: matrix.positions[j]!.question,
        type,
        z: twoProportionZ(hits[at]!, n1, allHits[j]! - hits[at]!, n2),
        groupShare: n1 > 0 ? hits[at]! / n1 : 0,
        othersShare: n2 > 0 ? (allHits[j]! - hits[at]!) / n2 : 0,
      });
      const options = [side('agree', c.agree, all.agree), side('disagree', c.disagree, all.disagree)]
        .filter((o) => o.z >= MIN_Z && o.groupShare > 0.5)
        .sort((a, b) => b.z - a.z);
      if (options[0]) found.push(options[0]);
    }
    const top = found.sort((a, b) => b.z - a.z).slice(0, MAX_CHARACTERISTIC);
    const ordered = [...top.filter((x) => x.type === 'agree'), ...top.filter((x) => x.type === 'disagree')];
    return ordered.map((x) => ({ ...x, z: round(x.z), groupShare: round(x.groupShare), othersShare: round(x.othersShare) }));
  });
}
