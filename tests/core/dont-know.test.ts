import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/response';
import { DONT_KNOW } from '../../src/core/response';
import { buildSnapshot, ResultsSnapshotSchema } from '../../src/core/results';
import { meanWithInterval, summariseQuestion } from '../../src/core/summary';
import { SurveySchema, type Survey } from '../../src/core/survey';
import { addResponse, addTally, emptyTally, mergeTallies, removeResponse, type NumericTally, type Tally } from '../../src/core/tally';
import { validateResponse } from '../../src/core/validate';
import { pollAnswers } from '../server/fixtures/answers';
import { pollSurvey } from '../server/fixtures/surveys';

/** The poll with "don't know" offered on its likert and its spectrum question. */
const dkSurvey: Survey = {
  ...pollSurvey,
  sections: pollSurvey.sections.map((s) => ({
    ...s,
    questions: s.questions.map((q) => (q.kind === 'likert' || q.kind === 'spectrum' ? { ...q, dontKnow: true } : q)),
  })),
};

/** Valid answers to `dkSurvey`: the poll's, with "dk" now and then on either scale. */
const dkAnswers: fc.Arbitrary<Answers> = fc
  .tuple(pollAnswers, fc.boolean(), fc.boolean())
  .map(([answers, agreeDk, specDk]) => ({ ...answers, ...(agreeDk ? { agree: DONT_KNOW } : {}), ...(specDk ? { spec: DONT_KNOW } : {}) }));

const tallyOf = (answers: Answers[]): Tally => answers.reduce((t, a) => addResponse(t, dkSurvey, a), emptyTally());
const questionOf = (id: string) => dkSurvey.sections.flatMap((s) => s.questions).find((q) => q.id === id)!;
const check = (survey: Survey, answers: Answers) =>
  validateResponse(survey, { surveyId: survey.id, surveyVersion: survey.version, answers }).map((i) => `${i.question}:${i.code}`);

describe('"don\'t know" in validation', () => {
  it('is a valid answer where the question offers it, and the wrong type where it does not', () => {
    expect(SurveySchema.safeParse(dkSurvey).success).toBe(true);
    fc.assert(fc.property(dkAnswers, (answers) => {
      expect(check(dkSurvey, answers)).toEqual([]);
    }));
    const base = { role: 'industry', agree: 3, spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] };
    expect(check(pollSurvey, { ...base, agree: DONT_KNOW })).toEqual(['agree:wrong_type']);
    expect(check(pollSurvey, { ...base, spec: DONT_KNOW })).toEqual(['spec:wrong_type']);
    // Only the exact string: other spellings are no answer the scale knows.
    for (const other of ['DK', 'dk ', 'dont-know', '']) expect(check(dkSurvey, { ...base, agree: other })).toEqual(['agree:wrong_type']);
  });

  it('still needs an answer where the question is required: "dk" answers it, skipping does not', () => {
    const base = { role: 'industry', spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] };
    expect(check(dkSurvey, base)).toEqual(['agree:required']);
    expect(check(dkSurvey, { ...base, agree: DONT_KNOW })).toEqual([]);
  });
});

describe('"don\'t know" in tallies', () => {
  it('remove undoes add exactly, and halves merge to the whole, with "dk" among the answers', () => {
    fc.assert(
      fc.property(fc.array(dkAnswers, { maxLength: 15 }), fc.array(dkAnswers, { maxLength: 15 }), dkAnswers, (a, b, extra) => {
        const t = tallyOf(a);
        const before = structuredClone(t);
        removeResponse(addResponse(t, dkSurvey, extra), dkSurvey, extra);
        expect(t).toEqual(before);
        expect(mergeTallies(tallyOf(a), tallyOf(b))).toEqual(tallyOf([...a, ...b]));
      }),
    );
  });

  it('counts "dk" in n and dk but not in the sums or per-value counts', () => {
    fc.assert(
      fc.property(fc.array(dkAnswers, { minLength: 1, maxLength: 30 }), (answers) => {
        const agree = tallyOf(answers).questions.agree as NumericTally;
        const points = answers.map((a) => a.agree).filter((v): v is number => typeof v === 'number');
        const dk = answers.length - points.length;
        expect(agree.n).toBe(answers.length);
        expect(agree.dk ?? 0).toBe(dk);
        expect(Object.hasOwn(agree, 'dk')).toBe(dk > 0);
        expect(agree.sum).toBe(points.reduce((s, x) => s + x, 0));
        expect(Object.values(agree.counts).reduce((s, x) => s + x, 0)).toBe(points.length);
      }),
    );
  });

  it('keeps an entry of "dk" answers alone, and drops it when they are taken out', () => {
    const t = tallyOf([{ role: 'industry', agree: DONT_KNOW, spec: 1, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] }]);
    expect(t.questions.agree).toEqual({ kind: 'numeric', n: 1, sum: 0, sumSq: 0, counts: {}, dk: 1 });
    removeResponse(t, dkSurvey, { role: 'industry', agree: DONT_KNOW, spec: 1, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] });
    expect(t).toEqual(emptyTally());
  });

  it('reads and merges tallies stored before "dk" existed (no dk field) as dk 0', () => {
    fc.assert(
      fc.property(fc.array(pollAnswers, { minLength: 1, maxLength: 10 }), fc.array(dkAnswers, { maxLength: 10 }), (old, fresh) => {
        // A stored row from before: JSON with no dk key anywhere, exactly as it sits in the table.
        const stored = JSON.parse(JSON.stringify(tallyOf(old))) as Tally;
        expect(JSON.stringify(stored)).not.toContain('"dk"');
        expect(mergeTallies(stored, tallyOf(fresh))).toEqual(tallyOf([...old, ...fresh]));
        expect(addTally(mergeTallies(stored, tallyOf(fresh)), tallyOf(fresh), -1)).toEqual(stored);
        const summary = summariseQuestion(questionOf('agree'), stored.questions.agree);
        expect(summary).toMatchObject({ kind: 'likert', n: old.length, dk: 0, dkShare: 0 });
      }),
    );
  });
});

describe('"don\'t know" in summaries', () => {
  it('shows "dk" as a count and a share, and leaves it out of the mean and the interval', () => {
    const answers = [1, 2, 3, 4, 5, DONT_KNOW, DONT_KNOW, DONT_KNOW].map((agree) => ({ role: 'industry', agree, spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] }));
    const summary = summariseQuestion(questionOf('agree'), tallyOf(answers).questions.agree);
    expect(summary).toEqual({
      kind: 'likert',
      n: 8,
      counts: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 },
      ...meanWithInterval(5, 15, 55),
      dk: 3,
      dkShare: 0.375,
    });
    expect(summary).toMatchObject({ mean: 3 });
  });

  it('gives no mean when everyone said "dk", and dkShare 1', () => {
    const answers = Array.from({ length: 6 }, () => ({ role: 'industry', agree: DONT_KNOW, spec: DONT_KNOW, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] }));
    const tally = tallyOf(answers);
    expect(summariseQuestion(questionOf('spec'), tally.questions.spec)).toEqual({ kind: 'spectrum', n: 6, counts: {}, mean: null, ci: null, dk: 6, dkShare: 1 });
  });

  it('carries dk through the results snapshot and its schema', () => {
    const answers = Array.from({ length: 10 }, (_, i) => ({ role: 'industry', agree: i < 4 ? DONT_KNOW : 1 + (i % 5), spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] }));
    const snapshot = buildSnapshot({ survey: dkSurvey, rows: [{ wave: 'open', channel: 'web', group: 'industry', tally: tallyOf(answers) }], filters: {}, waves: [], generatedAt: 't' });
    expect(ResultsSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    if (snapshot.overall.withheld) throw new Error('expected figures');
    expect(snapshot.overall.questions.agree).toMatchObject({ n: 10, dk: 4, dkShare: 0.4 });
    expect(snapshot.overall.questions.spec).toMatchObject({ n: 10, dk: 0, dkShare: 0, mean: 0 });
  });
});
