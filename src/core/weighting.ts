import { z } from 'zod/mini';
import { round } from './analysis/round';
import type { Question } from './survey';
import { summariseQuestion, tQuantile95, type QuestionSummary } from './summary';
import type { AllocationTally, ChoiceTally, NumericTally, QuestionTally, RankingTally, Tally } from './tally';

/*
 * Post-stratification by the survey's `segmentBy` groups, computed from tallies.
 *
 * A cell is one group, or (weighted-results.ts) the groups a segment withholds pooled into
 * one. Cell c has n_c responses and population share P_c (the shares given, renormalised
 * over the cells present), so each of its responses weighs w_c = P_c / n_c: the classic
 * post-stratification weight (Cochran, Sampling Techniques, 3rd ed. 1977, ch. 5A on
 * stratification after selection; Kalton and Flores-Cervantes, "Weighting methods",
 * J. Official Statistics 19(2), 2003).
 *
 * For a number per answer (likert, spectrum, an allocation area), with m_c answers in the
 * cell, S_c their sum and Q_c their sum of squares:
 * - mean  ȳ = Σ w_c S_c / Σ w_c m_c, the weighted mean over those who answered; with no
 *   item nonresponse it is the stratified mean Σ P_c ȳ_c;
 * - variance  v = Σ a_c² s_c² / m_c, with a_c = w_c m_c / Σ w m and s_c² the cell's sample
 *   variance (Q_c − S_c²/m_c)/(m_c − 1): the variance of the stratified mean (Cochran
 *   ch. 5) with the cells as strata and no finite-population correction, which is also the
 *   Taylor-linearisation variance of the weighted mean with the cells as strata;
 * - interval  ȳ ± t(0.975, df)·√v, with Satterthwaite's degrees of freedom
 *   df = v² / Σ (a_c² s_c² / m_c)² / (m_c − 1) (Satterthwaite, Biometrics Bulletin 2(6),
 *   1946, as Cochran ch. 5 uses it for stratified means), rounded down.
 * The design effect is inside v: with equal cell variances σ², v = σ² / n_eff. A small cell
 * with a large share dominates v and pulls df down towards its own m_c − 1, so its interval
 * widens honestly. With one cell every figure equals the unweighted one. A cell of a single
 * answer has no variance of its own and uses the variance of all answers pooled.
 *
 * Shares (choice options, "don't know", first choices) are Σ w_c k_c / Σ w_c n_c, and Borda
 * scores Σ w_c points_c / Σ w_c n_c. Kish's effective n is (Σ w)² / Σ w² over the responses
 * (Kish, Survey Sampling, 1965; Kish, "Weighting for unequal Pi", J. Official Statistics
 * 8(2), 1992): for a whole segment 1 / Σ (P_c² / n_c).
 */

/** Population shares by group: `{group: share}`, non-negative, summing to 1. */
export type Shares = Record<string, number>;

/** What a weighted snapshot says about its weighting; `effectiveN` is null when the whole is withheld. */
export const WeightingSummarySchema = z.object({
  shares: z.record(z.string(), z.number()),
  effectiveN: z.nullable(z.number()),
  /** Groups in the data whose responses the weighted figures leave out: no share, or pooled with one that has none. */
  excluded: z.array(z.string()),
});
export type WeightingSummary = z.infer<typeof WeightingSummarySchema>;

/** A weighting cell ready to use: its tally and the weight of each of its responses. */
export type WeightedCell = { tally: Tally; weight: number };

/** One cell's part in a weighted mean: the weight, the answers counted, their sum and sum of squares. */
type Part = { w: number; m: number; sum: number; sumSq: number };

/** Sample variance from a count, sum and sum of squares (clamped at 0 against float error). */
function variance(m: number, sum: number, sumSq: number): number {
  return Math.max(0, (sumSq - (sum * sum) / m) / (m - 1));
}

/** Kish's effective n of responses spread over cells: `n[i]` responses each of weight `w[i]`. */
export function kishEffectiveN(parts: { w: number; n: number }[]): number {
  let sw = 0;
  let sw2 = 0;
  for (const { w, n } of parts) {
    sw += w * n;
    sw2 += w * w * n;
  }
  return sw2 === 0 ? 0 : (sw * sw) / sw2;
}

/** The weighted mean of one quantity and its 95% interval (formulas above). */
export function weightedMean(parts: Part[]): { mean: number | null; ci: [number, number] | null } {
  const live = parts.filter((p) => p.m > 0 && p.w > 0);
  let total = 0;
  let weightedSum = 0;
  let m = 0;
  let sum = 0;
  let sumSq = 0;
  for (const p of live) {
    total += p.w * p.m;
    weightedSum += p.w * p.sum;
    m += p.m;
    sum += p.sum;
    sumSq += p.sumSq;
  }
  if (total === 0) return { mean: null, ci: null };
  const mean = weightedSum / total;
  if (m < 2) return { mean: round(mean), ci: null };
  const pooled = variance(m, sum, sumSq);
  let v = 0;
  let dfDenominator = 0;
  for (const p of live) {
    const single = p.m < 2;
    const a = (p.w * p.m) / total;
    const g = (a * a * (single ? pooled : variance(p.m, p.sum, p.sumSq))) / p.m;
    v += g;
    dfDenominator += (g * g) / (single ? m - 1 : p.m - 1);
  }
  // The epsilon keeps a df that is whole in exact arithmetic (one cell: m − 1) from rounding down a step.
  const df = dfDenominator === 0 ? 1 : Math.max(1, Math.floor((v * v) / dfDenominator + 1e-9));
  const half = tQuantile95(df) * Math.sqrt(v);
  return { mean: round(mean), ci: [round(mean - half), round(mean + half)] };
}

type Entry<T extends QuestionTally> = { w: number; t: T | undefined };

/** Σ w k / Σ w n: the weighted share of answerers for whom `pick` counts `k`. */
function share<T extends QuestionTally>(entries: Entry<T>[], pick: (t: T) => number): number {
  let top = 0;
  let bottom = 0;
  for (const { w, t } of entries) {
    if (!t) continue;
    top += w * pick(t);
    bottom += w * t.n;
  }
  return bottom === 0 ? 0 : round(top / bottom);
}

type Summary<K extends QuestionSummary['kind']> = Extract<QuestionSummary, { kind: K }>;

function weightedScale(raw: Summary<'likert' | 'spectrum'>, entries: Entry<NumericTally>[]): Summary<'likert' | 'spectrum'> {
  const parts = entries.map(({ w, t }) => ({ w, m: (t?.n ?? 0) - (t?.dk ?? 0), sum: t?.sum ?? 0, sumSq: t?.sumSq ?? 0 }));
  return { ...raw, ...weightedMean(parts), dkShare: share(entries, (t) => t.dk ?? 0) };
}

function weightedChoice(raw: Summary<'choice'>, entries: Entry<ChoiceTally>[]): Summary<'choice'> {
  return { ...raw, shares: Object.fromEntries(Object.keys(raw.shares).map((id) => [id, share(entries, (t) => t.counts[id] ?? 0)])) };
}

function weightedAllocation(raw: Summary<'allocation'>, entries: Entry<AllocationTally>[]): Summary<'allocation'> {
  const areaMean = (id: string) => weightedMean(entries.map(({ w, t }) => ({ w, m: t?.n ?? 0, sum: t?.areas[id]?.sum ?? 0, sumSq: t?.areas[id]?.sumSq ?? 0 })));
  return { ...raw, areas: Object.fromEntries(Object.keys(raw.areas).map((id) => [id, areaMean(id)])) };
}

function weightedRanking(raw: Summary<'ranking'>, entries: Entry<RankingTally>[], pick: number): Summary<'ranking'> {
  const points = (id: string) => (t: RankingTally) => (t.positions[id] ?? []).reduce((s, c, i) => s + c * (pick - i), 0);
  const options = Object.fromEntries(
    Object.entries(raw.options).map(([id, o]) => [id, { ...o, borda: share(entries, points(id)), firstShare: share(entries, (t) => t.positions[id]?.[0] ?? 0) }]),
  );
  return { ...raw, options };
}

/**
 * The figures for one question from weighted cells. `merged` is the cells' tallies summed,
 * for the raw counts the summary keeps (`unweighted`, its summary, if the caller has it
 * already); every mean, interval, share and Borda score is weighted, and `effectiveN` is
 * Kish's over those who answered.
 */
export function weightedQuestion(question: Question, cells: WeightedCell[], merged: QuestionTally | undefined, unweighted?: QuestionSummary): QuestionSummary {
  const raw = unweighted ?? summariseQuestion(question, merged);
  const entries = cells.map((c) => ({ w: c.weight, t: c.tally.questions[question.id] }));
  const effectiveN = round(kishEffectiveN(entries.map(({ w, t }) => ({ w, n: t?.n ?? 0 }))));
  switch (raw.kind) {
    case 'likert':
    case 'spectrum':
      return { ...weightedScale(raw, entries as Entry<NumericTally>[]), effectiveN };
    case 'choice':
      return { ...weightedChoice(raw, entries as Entry<ChoiceTally>[]), effectiveN };
    case 'allocation':
      return { ...weightedAllocation(raw, entries as Entry<AllocationTally>[]), effectiveN };
    case 'ranking':
      return { ...weightedRanking(raw, entries as Entry<RankingTally>[], question.kind === 'ranking' ? question.pick : 0), effectiveN };
    case 'text':
      return raw;
  }
}
