import { describe, expect, it } from 'vitest';
import { analyseOpinions, mapAxes } from '../../../src/core/analysis';
import { likertSurvey, plantedResponses } from './helpers';

const positions = ['a', 'b', 'c', 'd'].map((question) => ({ question, points: 5 as const }));

describe('mapAxes', () => {
  it('names the positions heavier than an equal share at each end, heaviest first', () => {
    const [x, y] = mapAxes({ positions, components: [[0.6, -0.7, 0.2, 0.33], [0, 0, -1, 0]] });
    expect(x).toEqual({ positive: [{ question: 'a', weight: 0.6 }], negative: [{ question: 'b', weight: -0.7 }] });
    expect(y).toEqual({ positive: [], negative: [{ question: 'c', weight: -1 }] });
  });

  it('keeps at most `max` per end and names none on an axis without variance', () => {
    const even = 1 / Math.sqrt(3);
    const [x, y] = mapAxes({ positions: positions.slice(0, 3), components: [[even + 0.01, even - 0.001, even - 0.02], [0, 0, 0]] }, 2);
    expect(x.positive.map((w) => w.question)).toEqual(['a']);
    expect(mapAxes({ positions: positions.slice(0, 3), components: [[0.9, 0.9, 0.9], [0, 0, 0]] }, 2)[0].positive).toHaveLength(2);
    expect(y).toEqual({ positive: [], negative: [] });
  });

  it('on planted groups names only positions the groups disagree on, never the consensus ones', () => {
    const analysis = analyseOpinions({ survey: likertSurvey(Array(8).fill(5)), responses: plantedResponses(100).responses, seed: 3 });
    const named = mapAxes(analysis.model).flatMap((a) => [...a.positive, ...a.negative].map((w) => w.question));
    expect(named.length).toBeGreaterThanOrEqual(2);
    for (const q of named) expect(['p2', 'p3', 'p4', 'p5', 'p6', 'p7']).toContain(q);
  });
});
