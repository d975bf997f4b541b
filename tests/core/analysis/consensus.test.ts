import { describe, expect, it } from 'vitest';
import type { PositionCounts } from '../../../src/core/analysis';
import { consensusFromCounts, summarisePosition, valueCounts } from '../../../src/core/analysis';

// counts[v − 1] respondents answered v on a 5-point scale (midpoint 3). c and d, withheld,
// hold 5 together, so the overall figures minus a's and b's give no one away.
const split: PositionCounts = {
  question: 'split',
  points: 5,
  overall: [5, 3, 2, 7, 8],
  groups: { a: [0, 0, 1, 4, 5], b: [5, 3, 1, 1, 0], c: [0, 0, 0, 0, 3], d: [0, 0, 0, 2, 0] },
};

describe('consensus and division from value counts', () => {
  it('computes shares, smoothed shares and means that can be checked by hand', () => {
    const s = summarisePosition(split);
    expect(s.overall).toEqual({
      withheld: false, n: 25, agree: 15, disagree: 8, agreeShare: 0.6, disagreeShare: 0.32,
      smoothedAgree: 0.5926, smoothedDisagree: 0.3333, mean: 3.4, // 16/27, 9/27, 85/25
    });
    const a = s.groups.find((g) => g.group === 'a')!;
    expect(a).toMatchObject({ n: 10, agree: 9, disagree: 0, smoothedAgree: 0.8333, mean: 4.4 });
    const b = s.groups.find((g) => g.group === 'b')!;
    expect(b).toMatchObject({ n: 10, agree: 1, disagree: 8, smoothedAgree: 0.1667, mean: 1.8 });
  });

  it('withholds a group under five and leaves it out of the derived figures', () => {
    const s = summarisePosition(split);
    expect(s.groups.find((g) => g.group === 'c')).toEqual({ group: 'c', withheld: true });
    expect(s.groups.find((g) => g.group === 'd')).toEqual({ group: 'd', withheld: true });
    // Product over a and b only: (10/12)·(2/12) and (1/12)·(9/12).
    expect(s.consensus).toEqual({ agree: 0.1389, disagree: 0.0625 });
    expect(s.spread).toBe(2.6); // 4.4 − 1.8
    expect(s.opposite).toBe(true);
  });

  it('withholds the smallest shown group too when the withheld ones hold fewer than five together (issue 13)', () => {
    // Shown beside the overall figures, a and b would give c's 3 answers away exactly.
    const lone: PositionCounts = { question: 'lone', points: 5, overall: [5, 3, 2, 5, 8], groups: { a: [0, 0, 1, 4, 6], b: [5, 3, 1, 1, 0], c: [0, 0, 0, 0, 2] } };
    const s = summarisePosition(lone);
    expect(s.groups.map((g) => [g.group, g.withheld])).toEqual([['a', false], ['b', true], ['c', true]]);
    expect(s.overall.withheld).toBe(false);
  });

  it('lists divisive and consensus positions by the rules stated', () => {
    const shared: PositionCounts = {
      question: 'shared',
      points: 7,
      overall: [0, 1, 1, 2, 4, 6, 6],
      groups: { a: [0, 1, 0, 1, 2, 3, 3], b: [0, 0, 1, 1, 2, 3, 3] },
    };
    const close: PositionCounts = { question: 'close', points: 5, overall: [0, 5, 5, 5, 0], groups: { a: [0, 2, 3, 0, 0], b: [0, 0, 3, 2, 0] } };
    const report = consensusFromCounts([split, shared, close]);
    expect(report.divisive).toEqual([{ question: 'split', spread: 2.6, above: ['a'], below: ['b'] }]);
    // 'close' has groups on both sides of 3 but only 0.8 points apart.
    expect(report.positions[2]).toMatchObject({ opposite: true, spread: 0.8 });
    // a and b each have 8 of 10 agreeing: (9/12)·(9/12).
    expect(report.consensus).toEqual([{ question: 'shared', type: 'agree', score: 0.5625 }]);
  });

  it('falls back to the overall figures when no group can be shown', () => {
    const few: PositionCounts = { question: 'q', points: 5, overall: [0, 0, 0, 3, 3], groups: { a: [0, 0, 0, 3, 0], b: [0, 0, 0, 0, 3] } };
    const report = consensusFromCounts([few]);
    expect(report.positions[0]!.consensus.agree).toBe(0.875); // (6 + 1) / (6 + 2)
    expect(report.consensus).toEqual([{ question: 'q', type: 'agree', score: 0.875 }]);
    expect(report.positions[0]!.spread).toBeNull();
  });

  it('withholds everything when too few answered at all', () => {
    const none: PositionCounts = { question: 'q', points: 5, overall: [0, 0, 0, 0, 0], groups: {} };
    const report = consensusFromCounts([none], { minCount: 5 });
    expect(report.positions[0]!.overall).toEqual({ withheld: true });
    expect(report.positions[0]!.consensus).toEqual({ agree: 0, disagree: 0 });
    expect(report.consensus).toEqual([]);
  });

  it('turns a tally value → count map into a counts array', () => {
    expect(valueCounts(5, { '1': 2, '4': 3, '9': 1 })).toEqual([2, 0, 0, 3, 0]);
    expect(valueCounts(7, {})).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
