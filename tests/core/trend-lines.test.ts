import { describe, expect, it } from 'vitest';
import type { ResultsSnapshot } from '../../src/core/results';
import { lineOf, trendLines, trendPoints } from '../../src/core/trend-lines';
import type { Survey } from '../../src/core/survey';
import { pollSurvey, pollSurveyV2 } from '../server/fixtures/surveys';

const without = (survey: Survey, id: string, version: number): Survey => ({
  ...survey,
  version,
  sections: survey.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== id) })),
});

describe('trend lines across versions', () => {
  it('follows a question while its wording holds and starts a new line where it was reworded', () => {
    const v3 = { ...pollSurveyV2, version: 3 };
    expect(trendLines([v3, pollSurvey, pollSurveyV2], 'spec').map((l) => l.versions)).toEqual([[1, 2, 3]]);
    expect(trendLines([pollSurvey, pollSurveyV2, v3], 'agree').map((l) => l.versions)).toEqual([[1], [2, 3]]);
    expect(lineOf([pollSurvey, pollSurveyV2, v3], 'agree', 3)?.question.prompt.en).toBe('Agree (reworded)');
  });

  it('keeps a line through a version that dropped the question, and has none for a question never asked', () => {
    const v3 = { ...pollSurvey, version: 3 };
    expect(trendLines([pollSurvey, without(pollSurvey, 'spec', 2), v3], 'spec').map((l) => l.versions)).toEqual([[1, 3]]);
    expect(trendLines([pollSurvey], 'nope')).toEqual([]);
    expect(lineOf([pollSurvey], 'agree', 2)).toBeUndefined();
  });

  it('treats a changed condition or required flag as the same wording, and new options as a new line', () => {
    const v2 = structuredClone({ ...pollSurvey, version: 2 });
    Object.assign(v2.sections[0]!.questions[1]!, { required: false, showIf: { question: 'role', anyOf: ['industry'] } });
    const rank = v2.sections[1]!.questions[2]! as { options: { id: string; label: { ko: string; en: string } }[] };
    rank.options.push({ id: 'w', label: { ko: 'w', en: 'w' } });
    expect(trendLines([pollSurvey, v2], 'agree').map((l) => l.versions)).toEqual([[1, 2]]);
    expect(trendLines([pollSurvey, v2], 'rank').map((l) => l.versions)).toEqual([[1], [2]]);
  });
});

describe('trend points', () => {
  const wave = (slug: string, mean: number | null, extra: object = {}) => ({
    wave: slug, label: null, startsAt: null, withheld: false, count: 10, withheldQuestions: [] as string[],
    questions: { agree: { kind: 'likert', n: 10, counts: {}, mean, ci: mean === null ? null : [mean - 1, mean + 1] } }, ...extra,
  });
  const snapshot = (version: number, waves: object[]) => ({ version, waves }) as unknown as ResultsSnapshot;

  it("carries the don't-know count beside n, which includes it, while the mean is of the others", () => {
    const lines = trendLines([pollSurveyV2], 'agree');
    const dkWave = wave('day2', 4);
    Object.assign(dkWave.questions.agree, { n: 12, dk: 2 });
    const [point] = trendPoints(lines, new Map([[2, snapshot(2, [dkWave])]]), 'agree');
    expect([point!.n, point!.dk, point!.mean]).toEqual([12, 2, 4]);
  });

  it('lists every wave of every version on a line, tagged with the line, and breaks at withheld waves', () => {
    const lines = trendLines([pollSurvey, pollSurveyV2], 'agree');
    const snapshots = new Map([
      [1, snapshot(1, [wave('am', 3), { wave: 'pm', label: null, startsAt: null, withheld: true, count: null }])],
      [2, snapshot(2, [wave('day2', 4, { withheldQuestions: ['agree'] }), wave('day3', 4.5)])],
    ]);
    expect(trendPoints(lines, snapshots, 'agree').map((p) => [p.version, p.wave, p.line, p.n, p.mean])).toEqual([
      [1, 'am', 0, 10, 3],
      [1, 'pm', 0, null, null],
      [2, 'day2', 1, null, null],
      [2, 'day3', 1, 10, 4.5],
    ]);
    expect(trendPoints(lines, snapshots, 'agree').map((p) => p.dk)).toEqual([0, 0, 0, 0]);
    expect(trendPoints(trendLines([pollSurvey, pollSurveyV2], 'spec'), snapshots, 'spec').map((p) => p.line)).toEqual([0, 0, 0, 0]);
  });
});
