import fc from 'fast-check';
import type { Answers } from '../../src/core/response';
import { DONT_KNOW } from '../../src/core/response';
import type { TallyRow } from '../../src/core/results';
import type { Survey } from '../../src/core/survey';
import { tQuantile95 } from '../../src/core/summary';
import { addResponse, emptyTally } from '../../src/core/tally';
import { pollAnswers } from '../server/fixtures/answers';
import { pollSurvey } from '../server/fixtures/surveys';

/** The poll with "don't know" offered on its likert question, segmented by `role`. */
export const survey: Survey = {
  ...pollSurvey,
  sections: pollSurvey.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.kind === 'likert' ? { ...q, dontKnow: true } : q)) })),
};
export const GROUPS = ['industry', 'government', 'academia'] as const;

/** One raw response as the weighting test sees it: where it belongs and what it answered. */
export type Respondent = { group: string; wave: string; channel: string; answers: Answers };

/** Valid answers to `survey` for a respondent of `group`, "dk" on the likert now and then. */
export const answersOf = (group: string): fc.Arbitrary<Answers> =>
  fc.tuple(pollAnswers, fc.integer({ min: 0, max: 5 })).map(([a, dk]) => ({ ...a, role: group, ...(dk === 0 ? { agree: DONT_KNOW } : {}) }));

/** Respondents of one group, at least `min` of them, spread over two waves and two channels. */
export const respondentsOf = (group: string, min: number, max: number): fc.Arbitrary<Respondent[]> =>
  fc.array(fc.tuple(answersOf(group), fc.constantFrom('w1', 'w2'), fc.constantFrom('web', 'field')), { minLength: min, maxLength: max }).map((list) =>
    list.map(([answers, wave, channel]) => ({ group, wave, channel, answers })),
  );

/** Shares for the three groups: whole numbers normalised, some possibly 0, never all. */
export const sharesArb = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }))
  .filter((xs) => xs.some((x) => x > 0))
  .map((xs) => Object.fromEntries(GROUPS.map((g, i) => [g, xs[i]! / xs.reduce((s, x) => s + x, 0)])));

/** Tally rows (wave × channel × group) from raw respondents, as the store keeps them. */
export function rowsOf(respondents: Respondent[]): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const r of respondents) {
    const key = `${r.wave}|${r.channel}|${r.group}`;
    const row = rows.get(key) ?? { wave: r.wave, channel: r.channel, group: r.group, tally: emptyTally() };
    addResponse(row.tally, survey, r.answers);
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** A respondent with its post-stratification weight, computed directly: share over the group's count. */
export type Weighted = Respondent & { w: number };

/** Each respondent's weight P_g / n_g, the shares renormalised over the groups present with a share. */
export function weigh(respondents: Respondent[], shares: Record<string, number>): Weighted[] {
  const counts = new Map<string, number>();
  for (const r of respondents) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  const total = [...counts.keys()].reduce((s, g) => s + (shares[g] ?? 0), 0);
  return respondents.map((r) => ({ ...r, w: (shares[r.group] ?? 0) / total / counts.get(r.group)! })).filter((r) => r.w > 0);
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Σ w·f / Σ w over the respondents for whom `f` gives a value. */
export function weightedAverage(rows: Weighted[], f: (a: Answers) => number | undefined): number | null {
  const given = rows.flatMap((r) => {
    const y = f(r.answers);
    return y === undefined ? [] : [{ w: r.w, y }];
  });
  const w = sum(given.map((g) => g.w));
  return w === 0 ? null : sum(given.map((g) => g.w * g.y)) / w;
}

/** Kish's effective n, (Σ w)² / Σ w², over the given respondents. */
export function kish(rows: Weighted[]): number {
  return sum(rows.map((r) => r.w)) ** 2 / sum(rows.map((r) => r.w ** 2));
}

/**
 * A reference 95% interval computed from raw rows, independently of the tally formulas:
 * the Taylor-linearised variance of the weighted mean with the groups as strata (residuals
 * z_i = w_i (y_i − ȳ) / Σ w, then Σ_h m_h/(m_h − 1) Σ_i (z_i − z̄_h)²) and Satterthwaite's
 * degrees of freedom over the strata's parts.
 */
export function referenceInterval(rows: { group: string; w: number; y: number }[]): [number, number] | null {
  const W = sum(rows.map((r) => r.w));
  const mean = sum(rows.map((r) => r.w * r.y)) / W;
  const strata = new Map<string, number[]>();
  for (const r of rows) strata.set(r.group, [...(strata.get(r.group) ?? []), (r.w * (r.y - mean)) / W]);
  const parts = [...strata.values()].map((z) => {
    const zbar = sum(z) / z.length;
    return { g: (z.length / (z.length - 1)) * sum(z.map((x) => (x - zbar) ** 2)), df: z.length - 1 };
  });
  const v = sum(parts.map((p) => p.g));
  if (v === 0) return [mean, mean];
  const df = v ** 2 / sum(parts.map((p) => p.g ** 2 / p.df));
  const half = tQuantile95(Math.max(1, Math.floor(df + 1e-9))) * Math.sqrt(v);
  return [mean - half, mean + half];
}
