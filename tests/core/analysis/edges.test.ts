import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/core/analysis';
import { AnalysisSchema, analyseOpinions } from '../../../src/core/analysis';
import type { Answers } from '../../../src/core/response';
import { adjustedRandIndex, likertSurvey, plantedResponses } from './helpers';

const survey = likertSurvey(Array(8).fill(5));
const analyse = (responses: { answers: Answers }[], extra: { minCount?: number } = {}) =>
  analyseOpinions({ survey, responses, seed: 1, ...extra });
const full = (value: number, sector = 'defense'): Answers => ({
  sector,
  ...Object.fromEntries(Array.from({ length: 8 }, (_, j) => [`p${j}`, value])),
});

/** Counts a reader could recover by subtracting shown cells from a shown total (rows and columns). */
function recoverable(a: Analysis): number[] {
  const lines = [
    ...a.crossTable.flatMap((r) => (r.total.withheld ? [] : [{ total: r.total.count, cells: r.cells }])),
    ...a.groups.flatMap((g) => (g.withheld ? [] : [{ total: g.size, cells: a.crossTable.map((r) => r.cells[g.id]!) }])),
  ];
  return lines
    .filter((l) => l.cells.filter((c) => c.withheld).length === 1)
    .map((l) => l.total - l.cells.reduce((s, c) => s + (c.withheld ? 0 : c.count), 0));
}

describe('edge cases', () => {
  it('a single respondent: one group, everything withheld', () => {
    const a = analyse([{ answers: full(4) }]);
    expect(a).toMatchObject({ respondents: 1, participants: 1, k: 1, silhouette: null, candidates: [], points: [] });
    expect(a.groups).toEqual([{ id: 0, withheld: true }]);
    expect(a.positions.every((p) => p.overall.withheld)).toBe(true);
    expect(a.consensus).toEqual([]);
    expect(AnalysisSchema.parse(a)).toEqual(a);
  });

  it('a single respondent with the threshold lowered is shown as one group', () => {
    const a = analyse([{ answers: full(4) }], { minCount: 1 });
    expect(a.groups).toEqual([{ id: 0, withheld: false, size: 1, centroid: [0, 0], profile: Array(8).fill(0.5), characteristic: [] }]);
  });

  it('everyone answering the same: one group, full consensus, no division', () => {
    const a = analyse(Array.from({ length: 40 }, (_, i) => ({ answers: full(4, i % 2 ? 'defense' : 'culture') })));
    expect(a.k).toBe(1);
    expect(a.model.components).toEqual([Array(8).fill(0), Array(8).fill(0)]);
    expect(a.groups[0]).toMatchObject({ size: 40, characteristic: [] });
    expect(a.consensus.map((c) => c.type)).toEqual(Array(8).fill('agree'));
    expect(a.divisive).toEqual([]);
    expect(new Set(a.points.map((p) => `${p[0]},${p[1]}`))).toEqual(new Set(['0,0']));
  });

  it('a position nobody answered changes nothing and is withheld', () => {
    const wide = likertSurvey(Array(9).fill(5));
    const { responses, truth } = plantedResponses(100);
    const a = analyseOpinions({ survey: wide, responses, seed: 3 });
    expect(a.participants).toBe(300);
    expect(a.model.means[8]).toBe(0);
    expect(a.model.components.map((c) => c[8])).toEqual([0, 0]);
    expect(a.positions[8]!.overall).toEqual({ withheld: true });
    expect(a.groups.flatMap((g) => (g.withheld ? [] : g.characteristic)).some((c) => c.question === 'p8')).toBe(false);
    expect(adjustedRandIndex(a.points.map((p) => p[2]), truth)).toBeGreaterThanOrEqual(0.9);
  });

  it('respondents who answered under half the positions stay off the map but count in the figures', () => {
    const { responses } = plantedResponses(100);
    const partial = Array.from({ length: 10 }, () => ({ answers: { sector: 'public', p0: 5, p1: 1, p2: 5 } as Answers }));
    const a = analyse([...responses, ...partial]);
    expect(a).toMatchObject({ respondents: 310, participants: 300 });
    expect(a.points).toHaveLength(300);
    const p0 = a.positions[0]!.overall;
    expect(!p0.withheld && p0.n).toBe(310);
    // Exactly half is enough.
    const half = { answers: { sector: 'public', p0: 5, p1: 1, p2: 5, p3: 5 } as Answers };
    expect(analyse([...responses, half]).participants).toBe(301);
  });

  it('mixes 7-point and 5-point positions on one scale', () => {
    const points: (5 | 7)[] = [7, 5, 7, 5, 7, 5, 7, 5];
    const { responses, truth } = plantedResponses(300, 11, points);
    const a = analyseOpinions({ survey: likertSurvey(points), responses, seed: 5 });
    expect(a.k).toBe(3);
    expect(adjustedRandIndex(a.points.map((p) => p[2]), truth)).toBeGreaterThanOrEqual(0.9);
    // Agreeing on a 7-point item weighs as much as disagreeing on a 5-point one.
    expect(a.model.means[0]).toBeCloseTo(-a.model.means[1]!, 1);
    expect(a.consensus.map((c) => c.question).sort()).toEqual(['p0', 'p1']);
  });

  it('no responses, or no Likert positions, give an empty map', () => {
    const empty = analyse([]);
    expect(empty).toMatchObject({ respondents: 0, participants: 0, k: 1, points: [], consensus: [], divisive: [] });
    const none = analyseOpinions({ survey: likertSurvey([]), responses: [{ answers: { sector: 'defense' } }], seed: 1 });
    expect(none).toMatchObject({ respondents: 1, participants: 0, positions: [] });
    expect(AnalysisSchema.parse(none)).toEqual(none);
  });

  it('withholds small cross-table cells without letting totals give them away', () => {
    const { responses } = plantedResponses(40, 13);
    const a = analyse(responses);
    const cells = a.crossTable.flatMap((r) => r.cells);
    expect(cells.some((c) => c.withheld)).toBe(true);
    for (const c of cells) if (!c.withheld) expect(c.count === 0 || c.count >= 5).toBe(true);
    // Only zeros can be worked out, and a zero singles no one out.
    for (const count of recoverable(a)) expect(count).toBe(0);
  });
});
