import { describe, expect, it } from 'vitest';
import { createMatrixBuilder, mulberry32, readResponses } from '../../../src/core/analysis';
import { twoProportionZ } from '../../../src/core/analysis/characteristic';
import { chooseClustering, KEEP_MARGIN } from '../../../src/core/analysis/clusters';
import { crossTable } from '../../../src/core/analysis/crosstable';
import { kmeans } from '../../../src/core/analysis/kmeans';
import { scaled } from '../../../src/core/analysis/positions';
import { deriveSeed } from '../../../src/core/analysis/random';
import type { Answers } from '../../../src/core/response';
import { likertSurvey } from './helpers';

describe('seeded randomness', () => {
  it('repeats for a seed and differs across seeds and streams', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
    expect(deriveSeed(9, 2)).not.toBe(deriveSeed(9, 3));
    for (const x of Array.from({ length: 1000 }, mulberry32(1))) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('reading responses', () => {
  it('scales 5- and 7-point answers to −1…+1 around the midpoint', () => {
    expect([1, 3, 5].map((v) => scaled(v, 5))).toEqual([-1, 0, 1]);
    expect([1, 4, 7, 5].map((v) => scaled(v, 7))).toEqual([-1, 0, 1, 1 / 3]);
  });

  it('reads a one-shot iterable in one pass, skipping values that are not answers', () => {
    const survey = likertSurvey([5, 7]);
    function* rows(): Generator<{ answers: Answers }> {
      yield { answers: { sector: 'culture', p0: 2, p1: 7 } };
      yield { answers: { sector: 'nobody', p0: 6, p1: 3.5 } };
      yield { answers: { p0: '4', p1: ['4'] } };
    }
    const m = readResponses(survey, rows());
    expect(m.rows).toBe(3);
    expect(Array.from(m.raw)).toEqual([2, 7, 0, 0, 0, 0]);
    expect(Array.from(m.declared)).toEqual([1, -1, -1]);
    expect(m.labels).toEqual(['defense', 'culture', 'industry', 'public']);
  });

  it('grows past its first allocation', () => {
    const builder = createMatrixBuilder(likertSurvey([5]));
    for (let i = 0; i < 5000; i++) builder.add({ p0: (i % 5) + 1 });
    const m = builder.finish();
    expect(m.rows).toBe(5000);
    expect(m.raw[4999]).toBe(5);
  });
});

describe('statistics', () => {
  it('two-proportion z: 30/50 against 20/50 is 2', () => {
    // pooled 0.5, se √(0.25 · (1/50 + 1/50)) = 0.1, (0.6 − 0.4) / 0.1 = 2
    expect(twoProportionZ(30, 50, 20, 50)).toBeCloseTo(2, 10);
    expect(twoProportionZ(5, 5, 7, 7)).toBe(0);
    expect(twoProportionZ(1, 0, 7, 7)).toBe(0);
  });
});

describe('k-means and the choice of k', () => {
  const blobs = Float64Array.from([0, 0, 0.1, 0, 0, 0.1, 5, 5, 5.1, 5, 5, 5.1, 5.2, 5.2]);

  it('numbers groups largest first and repeats for a seed', () => {
    const c = kmeans(blobs, 2, mulberry32(3))!;
    expect(Array.from(c.sizes)).toEqual([4, 3]);
    expect(Array.from(c.labels)).toEqual([1, 1, 1, 0, 0, 0, 0]);
    expect(kmeans(blobs, 2, mulberry32(3))).toEqual(c);
  });

  it('refuses a k above the number of distinct points', () => {
    expect(kmeans(Float64Array.from([1, 1, 1, 1, 2, 2]), 3, mulberry32(1))).toBeNull();
  });

  it('keeps the previous k unless another k beats it by KEEP_MARGIN', () => {
    // Structureless points: every k is about as good, so the margin decides.
    const random = mulberry32(77);
    const xy = Float64Array.from({ length: 800 }, () => random());
    const free = chooseClustering(xy, 1);
    expect(free.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5]);
    for (const c of free.candidates) {
      const kept = chooseClustering(xy, 1, c.k).clustering.k;
      expect(kept).toBe(free.silhouette! >= c.silhouette + KEEP_MARGIN ? free.clustering.k : c.k);
    }
    expect(chooseClustering(xy, 1, 9).clustering.k).toBe(free.clustering.k);
  });
});

describe('cross-table suppression', () => {
  it('withholds a second cell where a total would give a small one away', () => {
    const builder = createMatrixBuilder(likertSurvey([5]));
    const add = (sector: string, count: number) => {
      for (let i = 0; i < count; i++) builder.add({ sector, p0: 3 });
    };
    add('defense', 13);
    add('culture', 20);
    const m = builder.finish();
    const rows = Int32Array.from({ length: 33 }, (_, i) => i);
    // defense: 10 in group 0 and 3 in group 1; culture: 10 and 10.
    const labels = Int32Array.from({ length: 33 }, (_, i) => (i >= 10 && i < 13) || i >= 23 ? 1 : 0);
    const table = crossTable(m, rows, labels, 2, 5);
    expect(table[0]).toEqual({ declared: 'defense', total: { withheld: false, count: 13 }, cells: [{ withheld: true }, { withheld: true }] });
    // Column 1 (size 13) would give the 3 away too, so culture's 10 there goes as well.
    expect(table[1]!.cells).toEqual([{ withheld: true }, { withheld: true }]);
    expect(table.map((r) => r.declared)).toEqual(['defense', 'culture', 'industry', 'public']);
    // Groups nobody declared show 0, not "fewer than 5".
    expect(table[2]).toEqual({ declared: 'industry', total: { withheld: false, count: 0 }, cells: [{ withheld: false, count: 0 }, { withheld: false, count: 0 }] });
  });

  it('shows an empty cell as 0, so a row of 10 and 0 says so instead of implying the hidden cell (issue 13)', () => {
    const builder = createMatrixBuilder(likertSurvey([5]));
    for (let i = 0; i < 10; i++) builder.add({ sector: 'defense', p0: 3 });
    for (let i = 0; i < 20; i++) builder.add({ sector: 'culture', p0: 3 });
    const m = builder.finish();
    const labels = Int32Array.from({ length: 30 }, (_, i) => (i < 20 ? 0 : 1));
    const table = crossTable(m, Int32Array.from({ length: 30 }, (_, i) => i), labels, 2, 5);
    expect(table[0]).toEqual({ declared: 'defense', total: { withheld: false, count: 10 }, cells: [{ withheld: false, count: 10 }, { withheld: false, count: 0 }] });
  });

  it('withholds one more cell where several withheld cells hold fewer than the minimum together', () => {
    const builder = createMatrixBuilder(likertSurvey([5]));
    for (let i = 0; i < 12; i++) builder.add({ sector: 'defense', p0: 3 });
    for (let i = 0; i < 30; i++) builder.add({ sector: 'culture', p0: 3 });
    const m = builder.finish();
    // defense: 10, 1, 1 across three groups; culture: 10 in each.
    const labels = Int32Array.from({ length: 42 }, (_, i) => (i < 12 ? (i < 10 ? 0 : i - 9) : (i - 12) % 3));
    const table = crossTable(m, Int32Array.from({ length: 42 }, (_, i) => i), labels, 3, 5);
    // Shown, the 10 would leave 2 for the two withheld cells, which then could only be 1 and 1.
    expect(table[0]!.total).toEqual({ withheld: false, count: 12 });
    expect(table[0]!.cells).toEqual([{ withheld: true }, { withheld: true }, { withheld: true }]);
    // Every line with a shown total keeps its withheld cells at 2 or more, holding 5 or more.
    for (const row of table) {
      const hidden = row.cells.filter((c) => c.withheld).length;
      if (!row.total.withheld && hidden > 0) expect(hidden).toBeGreaterThanOrEqual(2);
    }
  });
});
