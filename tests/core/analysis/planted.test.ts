import { describe, expect, it } from 'vitest';
import type { Analysis, OpinionGroup } from '../../../src/core/analysis';
import { AnalysisSchema, analyseOpinions, closestGroup } from '../../../src/core/analysis';
import type { Planted } from './helpers';
import { adjustedRandIndex, CENTRES, likertSurvey, majorityMap, OWN, plantedResponses } from './helpers';

const survey = likertSurvey(Array(8).fill(5));
const { responses, truth } = plantedResponses(300);
const result = analyseOpinions({ survey, responses, seed: 42 });
const NAMES = Object.keys(CENTRES) as Planted[];

const shown = (a: Analysis) => a.groups.filter((g): g is OpinionGroup & { withheld: false } => !g.withheld);

describe('opinion groups on planted data (3 × 300, a quarter of answers random)', () => {
  it('finds three groups matching the planted ones (adjusted Rand index ≥ 0.9)', () => {
    expect(result.k).toBe(3);
    expect(result.participants).toBe(900);
    expect(adjustedRandIndex(result.points.map((p) => p[2]), truth)).toBeGreaterThanOrEqual(0.9);
    expect(shown(result).map((g) => g.size).reduce((a, b) => a + b)).toBe(900);
  });

  it('characterises each group by its planted positions, agree-type first', () => {
    const planted = majorityMap(result.points.map((p) => p[2]), truth);
    expect(new Set(planted.values()).size).toBe(3);
    for (const group of shown(result)) {
      const name = NAMES[planted.get(group.id)!]!;
      const types = group.characteristic.map((c) => c.type);
      expect(types).toEqual([...types].sort()); // 'agree' sorts before 'disagree'
      const agree = group.characteristic.filter((c) => c.type === 'agree').map((c) => c.question);
      const disagree = group.characteristic.filter((c) => c.type === 'disagree').map((c) => c.question);
      expect(agree.sort()).toEqual(OWN[name]);
      const othersOwn = NAMES.filter((n) => n !== name).flatMap((n) => OWN[n]);
      expect(disagree.length).toBeGreaterThan(0);
      for (const q of disagree) expect(othersOwn).toContain(q);
      expect(group.characteristic.length).toBeLessThanOrEqual(5);
      for (const c of group.characteristic) expect(c.z).toBeGreaterThan(1.96);
    }
  });

  it('gives group profiles near the planted centres', () => {
    const planted = majorityMap(result.points.map((p) => p[2]), truth);
    for (const group of shown(result)) {
      const centre = CENTRES[NAMES[planted.get(group.id)!]!];
      // A quarter of answers are random, so profiles sit between the centre and 0.
      group.profile.forEach((v, j) => expect(Math.sign(v)).toBe(Math.sign(centre[j]! - 3)));
    }
  });

  it('lists the planted consensus positions, and only those, as consensus', () => {
    expect(result.consensusBy).toBe('declared');
    expect(result.consensus.map((c) => [c.question, c.type])).toEqual(
      expect.arrayContaining([['p0', 'agree'], ['p1', 'disagree']]),
    );
    expect(result.consensus).toHaveLength(2);
  });

  it('finds the consensus across opinion groups when no stakeholder question exists', () => {
    const plain = analyseOpinions({ survey: likertSurvey(Array(8).fill(5), false), responses, seed: 42 });
    expect(plain.consensusBy).toBe('opinion');
    expect(plain.consensus.map((c) => c.question).sort()).toEqual(['p0', 'p1']);
    expect(plain.divisive.map((d) => d.question).sort()).toEqual(['p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(plain.crossTable).toEqual([]);
  });

  it('flags as divisive the positions the sectors split on, with checkable spreads', () => {
    const p2 = result.divisive.find((d) => d.question === 'p2')!;
    expect(p2.above).toContain('defense');
    expect(p2.below).toEqual(expect.arrayContaining(['culture', 'industry']));
    const summary = result.positions.find((s) => s.question === 'p2')!;
    const means = summary.groups.flatMap((g) => (g.withheld ? [] : [g.mean]));
    expect(p2.spread).toBeCloseTo(Math.max(...means) - Math.min(...means), 3);
    expect(result.divisive.map((d) => d.question)).not.toContain('p0');
  });

  it('cross-tabulates declared sectors against the groups found', () => {
    const planted = majorityMap(result.points.map((p) => p[2]), truth);
    const defense = result.crossTable.find((r) => r.declared === 'defense')!;
    const counts = defense.cells.map((c) => (c.withheld ? 0 : c.count));
    // 70% of planted group A declare defense.
    expect(NAMES[planted.get(counts.indexOf(Math.max(...counts)))!]).toBe('A');
    // Everyone declared a sector, so there is no row for the undeclared.
    expect(result.crossTable.map((r) => r.declared)).toEqual(['defense', 'culture', 'industry', 'public']);
  });
});

describe('determinism and stability', () => {
  it('gives an identical map for the same data and seed', () => {
    expect(analyseOpinions({ survey, responses, seed: 42 })).toEqual(result);
    expect(analyseOpinions({ survey, responses: responses.values(), seed: 42 })).toEqual(result);
  });

  it('keeps a previous k unless another beats it by the margin', () => {
    const again = analyseOpinions({ survey, responses, seed: 42, previousK: 3 });
    expect(again.k).toBe(3);
    const best = Math.max(...result.candidates.map((c) => c.silhouette));
    for (const c of result.candidates) {
      const kept = analyseOpinions({ survey, responses, seed: 42, previousK: c.k }).k;
      expect(kept).toBe(best >= c.silhouette + 0.05 ? result.k : c.k);
    }
  });

  it('serialises to JSON that the schema accepts unchanged', () => {
    const json = JSON.parse(JSON.stringify(result));
    expect(json).toEqual(result);
    expect(AnalysisSchema.parse(json)).toEqual(result);
  });
});

describe('closestGroup', () => {
  it('places each respondent in the group the map put them in', () => {
    let same = 0;
    responses.forEach((r, i) => {
      if (closestGroup(r.answers, result)?.group === result.points[i]![2]) same++;
    });
    // Only rounding of the stored model can move a point on a boundary.
    expect(same / responses.length).toBeGreaterThan(0.99);
  });

  it('places a typical member of a planted group with that group', () => {
    const planted = majorityMap(result.points.map((p) => p[2]), truth);
    NAMES.forEach((name, g) => {
      const answers = Object.fromEntries(CENTRES[name].map((v, j) => [`p${j}`, v]));
      expect(planted.get(closestGroup(answers, result)!.group)).toBe(g);
    });
  });

  it('declines when under half the positions are answered', () => {
    expect(closestGroup({ p0: 5, p1: 1, p2: 5 }, result)).toBeNull();
    expect(closestGroup({ p0: 5, p1: 1, p2: 5, p3: 5 }, result)).not.toBeNull();
  });
});
