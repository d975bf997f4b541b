import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/analysis';
import { densityOf, thinPoints } from '../../src/core/opinion-map';

type Point = [number, number, number | null];

function cloud(n: number, seed = 3): Point[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i): Point => [random() * 2 - 1, random() * 2 - 1, i % 7 === 0 ? null : i % 3]);
}

describe('thinPoints', () => {
  it('serves every point up to the limit', () => {
    const points = cloud(50);
    expect(thinPoints(points, 1, 50)).toEqual({ points, pointSet: { mode: 'all', total: 50, shown: 50 }, density: null });
  });

  it('samples beyond it, the same for the same seed, in the original order', () => {
    const points = cloud(500);
    const a = thinPoints(points, 1, 100);
    expect(a.pointSet).toEqual({ mode: 'sample', total: 500, shown: 100 });
    expect(a.points).toHaveLength(100);
    expect(thinPoints(points, 1, 100)).toEqual(a);
    expect(thinPoints(points, 2, 100).points).not.toEqual(a.points);
    const at = a.points.map((p) => points.indexOf(p));
    expect(new Set(at).size).toBe(100);
    expect(at).toEqual([...at].sort((x, y) => x - y));
    expect(a.density!.counts.reduce((s, c) => s + c)).toBe(500);
  });
});

describe('densityOf', () => {
  it('bins every point, the edges included, and names each cell by its most common group', () => {
    const points: Point[] = [[0, 0, 1], [0, 0, 1], [0, 0, 2], [1, 1, 0], [1, 1, null], [0.5, 0.5, null]];
    const d = densityOf(points, 2);
    expect(d.extent).toEqual([0, 1, 0, 1]);
    expect(d.counts).toEqual([3, 0, 0, 3]);
    expect(d.groups).toEqual([1, null, null, 0]);
  });

  it('puts everything in one cell when all points coincide', () => {
    const d = densityOf([[0.2, 0.2, 0], [0.2, 0.2, 0]], 3);
    expect(d.counts[0]).toBe(2);
    expect(d.counts.reduce((s, c) => s + c)).toBe(2);
  });
});
