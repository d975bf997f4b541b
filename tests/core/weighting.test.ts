import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/response';
import { DONT_KNOW } from '../../src/core/response';
import { buildSnapshot } from '../../src/core/results';
import type { QuestionSummary } from '../../src/core/summary';
import { buildWeightedSnapshot } from '../../src/core/weighted-results';
import { kishEffectiveN, weightedMean } from '../../src/core/weighting';
import {
  GROUPS, kish, referenceInterval, respondentsOf, rowsOf, sharesArb, survey, weigh, weightedAverage,
  type Respondent, type Weighted,
} from './weighting-helpers';

const weighted = (respondents: Respondent[], shares: Record<string, number>) =>
  buildWeightedSnapshot({ survey, rows: rowsOf(respondents), filters: {}, waves: [], generatedAt: 't', shares });
const unweighted = (respondents: Respondent[]) => buildSnapshot({ survey, rows: rowsOf(respondents), filters: {}, waves: [], generatedAt: 't' });

function questionsOf(snapshot: ReturnType<typeof weighted>): Record<string, QuestionSummary> {
  if (snapshot.overall.withheld) throw new Error('expected figures');
  return snapshot.overall.questions;
}

const num = (id: string) => (a: Answers) => (typeof a[id] === 'number' ? (a[id] as number) : undefined);
const answered = (id: string, f: (v: unknown) => number) => (a: Answers) => (Object.hasOwn(a, id) ? f(a[id]) : undefined);
const pointsOf = (option: string) => (order: unknown) => {
  const i = (order as string[]).indexOf(option);
  return i < 0 ? 0 : 2 - i;
};

/** Every weighted figure of the snapshot beside the direct computation over raw rows. */
function expectDirect(questions: Record<string, QuestionSummary>, rows: Weighted[]) {
  const close = (actual: number | null | undefined, expected: number | null) => {
    if (expected === null) expect(actual).toBeNull();
    else expect(actual).toBeCloseTo(expected, 3);
  };
  const agree = questions.agree;
  if (agree?.kind === 'likert') {
    close(agree.mean, weightedAverage(rows, num('agree')));
    close(agree.dkShare, weightedAverage(rows, answered('agree', (v) => (v === DONT_KNOW ? 1 : 0))) ?? 0);
    close(agree.effectiveN, kish(rows.filter((r) => Object.hasOwn(r.answers, 'agree'))));
  }
  const spec = questions.spec;
  if (spec?.kind === 'spectrum') close(spec.mean, weightedAverage(rows, num('spec')));
  const sectors = questions.sectors;
  if (sectors?.kind === 'choice' && sectors.n > 0) {
    for (const o of ['x', 'y', 'z']) close(sectors.shares[o], weightedAverage(rows, answered('sectors', (v) => ((v as string[]).includes(o) ? 1 : 0))));
  }
  const budget = questions.budget;
  if (budget?.kind === 'allocation') {
    for (const o of ['a', 'b', 'c']) close(budget.areas[o]!.mean, weightedAverage(rows, answered('budget', (v) => (v as Record<string, number>)[o] ?? 0)));
  }
  const rank = questions.rank;
  if (rank?.kind === 'ranking') {
    for (const o of ['x', 'y', 'z']) {
      close(rank.options[o]!.borda, weightedAverage(rows, answered('rank', pointsOf(o))));
      close(rank.options[o]!.firstShare, weightedAverage(rows, answered('rank', (v) => ((v as string[])[0] === o ? 1 : 0))));
    }
  }
}

const sample = fc.tuple(respondentsOf('industry', 5, 25), respondentsOf('government', 5, 15), respondentsOf('academia', 5, 10)).map((g) => g.flat());

describe('weighted figures from tallies', () => {
  it('equal a direct weighted computation over the raw rows, for every kind', () => {
    fc.assert(
      fc.property(sample, sharesArb, (respondents, shares) => {
        const snapshot = weighted(respondents, shares);
        const rows = weigh(respondents, shares);
        expect(snapshot.count).toBe(rows.length);
        expectDirect(questionsOf(snapshot), rows);
      }),
      { numRuns: 150 },
    );
  });

  it('give Kish\'s effective n, (Σw)² / Σw² over the responses, and at most n', () => {
    fc.assert(
      fc.property(sample, sharesArb, (respondents, shares) => {
        const snapshot = weighted(respondents, shares);
        const rows = weigh(respondents, shares);
        expect(snapshot.weighting!.effectiveN).toBeCloseTo(kish(rows), 3);
        expect(snapshot.weighting!.effectiveN!).toBeLessThanOrEqual(rows.length + 1e-9);
        expect(snapshot.overall).toMatchObject({ effectiveN: snapshot.weighting!.effectiveN });
      }),
      { numRuns: 100 },
    );
    // Shares equal to the sample's own proportions weigh every response alike: n_eff = n.
    expect(kishEffectiveN([{ w: 0.5 / 10, n: 10 }, { w: 0.5 / 10, n: 10 }])).toBeCloseTo(20, 9);
    expect(kishEffectiveN([{ w: 0.8 / 10, n: 10 }, { w: 0.2 / 10, n: 10 }])).toBeCloseTo(1 / (0.8 ** 2 / 10 + 0.2 ** 2 / 10), 9);
  });

  it('give intervals equal to a reference linearised over the raw rows', () => {
    fc.assert(
      fc.property(sample, sharesArb, (respondents, shares) => {
        const questions = questionsOf(weighted(respondents, shares));
        const rows = weigh(respondents, shares);
        const values = (f: (a: Answers) => number | undefined) => rows.flatMap((r) => (f(r.answers) === undefined ? [] : [{ group: r.group, w: r.w, y: f(r.answers)! }]));
        const checks: [[number, number] | null | undefined, { group: string; w: number; y: number }[]][] = [];
        const agree = questions.agree;
        if (agree?.kind === 'likert') checks.push([agree.ci, values(num('agree'))]);
        const spec = questions.spec;
        if (spec?.kind === 'spectrum') checks.push([spec.ci, values(num('spec'))]);
        const budget = questions.budget;
        if (budget?.kind === 'allocation') checks.push([budget.areas.a!.ci, values(answered('budget', (v) => (v as Record<string, number>).a ?? 0))]);
        for (const [ci, ys] of checks) {
          const perGroup = GROUPS.map((g) => ys.filter((y) => y.group === g).length);
          // A stratum of one answer has no variance of its own (tested on its own below).
          if (perGroup.some((m) => m === 1) || ys.length < 2) continue;
          const reference = referenceInterval(ys)!;
          expect(ci![0]).toBeCloseTo(reference[0], 3);
          expect(ci![1]).toBeCloseTo(reference[1], 3);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Deep equality with numbers allowed to differ by one in the fourth decimal (two float paths, each rounded). */
function expectNear(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1.0001e-4);
  else if (expected === null || typeof expected !== 'object') expect(actual).toEqual(expected);
  else {
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectNear((actual as Record<string, unknown>)[key], value);
  }
}

/** Ten respondents of a group, everything alike but the likert answer. */
const planted = (group: string, agree: number, n: number): Respondent[] =>
  Array.from({ length: n }, () => ({ group, wave: 'open', channel: 'web', answers: { role: group, agree, spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] } }));

describe('the planted sample', () => {
  it('10 at 1 in one group, 10 at 5 in another, shares 0.8 / 0.2: weighted mean 1.8 beside unweighted 3.0', () => {
    const respondents = [...planted('industry', 1, 10), ...planted('government', 5, 10)];
    const plain = unweighted(respondents);
    const snapshot = weighted(respondents, { industry: 0.8, government: 0.2 });
    expect(questionsOf(plain).agree).toMatchObject({ mean: 3, n: 20 });
    expect(questionsOf(snapshot).agree).toMatchObject({ mean: 1.8, n: 20, counts: { 1: 10, 5: 10 } });
    // Each group answered alike, so post-stratification leaves no sampling variance inside the groups.
    expect(questionsOf(snapshot).agree).toMatchObject({ ci: [1.8, 1.8] });
    expect(snapshot.weighting).toEqual({ shares: { industry: 0.8, government: 0.2 }, effectiveN: 14.7059, excluded: [] });
    expect(snapshot.count).toBe(20);
    expect(snapshot.groups).toEqual(plain.groups);
  });
});

describe('intervals', () => {
  it('widen honestly when a small group carries a large share', () => {
    const spread = (group: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ group, wave: 'open', channel: 'web', answers: { role: group, agree: 1 + (i % 5), spec: 0, budget: { a: 100, b: 0, c: 0 }, rank: ['x', 'y'] } }));
    const respondents = [...spread('industry', 60), ...spread('government', 6)];
    const width = (q: QuestionSummary) => (q.kind === 'likert' && q.ci ? q.ci[1] - q.ci[0] : NaN);
    const proportional = questionsOf(weighted(respondents, { industry: 60 / 66, government: 6 / 66 })).agree!;
    const heavy = weighted(respondents, { industry: 0.5, government: 0.5 });
    expect(width(questionsOf(heavy).agree!)).toBeGreaterThan(2 * width(proportional));
    expect(width(questionsOf(heavy).agree!)).toBeGreaterThan(width(questionsOf(unweighted(respondents)).agree!));
    expect(heavy.weighting!.effectiveN).toBeCloseTo(1 / (0.25 / 60 + 0.25 / 6), 3);
  });

  it('equal the unweighted figures, t interval included, when there is one cell', () => {
    fc.assert(
      fc.property(respondentsOf('industry', 5, 30), (respondents) => {
        const plain = questionsOf(unweighted(respondents));
        const one = questionsOf(weighted(respondents, { industry: 1 }));
        for (const id of Object.keys(plain)) {
          const { effectiveN, ...figures } = one[id] as QuestionSummary & { effectiveN?: number };
          expectNear(figures, plain[id]);
          if (plain[id]!.kind !== 'text') expect(effectiveN).toBeCloseTo(plain[id]!.n, 6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('use the pooled variance for a cell of one answer, and give none for a single answer overall', () => {
    // Cell a: one answer of 5; cell b: 1, 2, 3 (variance 1). Pooled variance of 5, 1, 2, 3 is 2.9167.
    const parts = [{ w: 0.5, m: 1, sum: 5, sumSq: 25 }, { w: 0.5 / 3, m: 3, sum: 6, sumSq: 14 }];
    const v = 0.25 * (35 / 12) + 0.25 * (1 / 3);
    const df = Math.floor(v ** 2 / ((0.25 * (35 / 12)) ** 2 / 3 + (0.25 / 3) ** 2 / 2));
    const half = { 1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776 }[df]! * Math.sqrt(v);
    expect(weightedMean(parts)).toEqual({ mean: 3.5, ci: [Math.round((3.5 - half) * 1e4) / 1e4, Math.round((3.5 + half) * 1e4) / 1e4] });
    expect(weightedMean([{ w: 1, m: 1, sum: 4, sumSq: 16 }])).toEqual({ mean: 4, ci: null });
    expect(weightedMean([{ w: 1, m: 0, sum: 0, sumSq: 0 }])).toEqual({ mean: null, ci: null });
  });
});
