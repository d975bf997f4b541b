import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './helpers';

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9])).toBe(1);
  });

  it('matches a hand-computed value', () => {
    // Contingency [[2,1],[0,3]]: index 1 + 0 + 3 = 4, rows 3 + 3 = 6, columns 1 + 6 = 7,
    // expected 6·7/15 = 2.8, max 6.5: (4 − 2.8) / (6.5 − 2.8) = 0.3243…
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1])).toBeCloseTo(1.2 / 3.7, 10);
  });

  it('is about 0 for unrelated partitions', () => {
    expect(Math.abs(adjustedRandIndex([0, 1, 0, 1, 0, 1, 0, 1], [0, 0, 1, 1, 0, 0, 1, 1]))).toBeLessThan(0.2);
  });
});
