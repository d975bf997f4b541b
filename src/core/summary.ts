import { z } from 'zod/mini';
// Four decimals, so figures (and the ETag made from them) carry no float noise, and no −0.
import { round } from './analysis/round';
import type { Question } from './survey';
import type { AllocationTally, ChoiceTally, NumericTally, QuestionTally, RankingTally } from './tally';

const Count = z.int().check(z.gte(0));
const Counts = z.record(z.string(), Count);
/** A 95% confidence interval for a mean, or null when fewer than two answered. */
const Interval = z.nullable(z.tuple([z.number(), z.number()]));

/** Mean and 95% CI of numeric answers (the CI uses Student's t, so small n widen it honestly). */
export const MeanSchema = z.object({ mean: z.nullable(z.number()), ci: Interval });

/** Kish's effective n of those who answered: only in weighted snapshots, beside the raw `n`. */
const weighted = { effectiveN: z.optional(z.number()) };

/**
 * `n` answered, "don't know" included: `dk` of them said "don't know" (`dkShare` of `n`),
 * and `counts`, `mean` and `ci` cover the other `n - dk`.
 */
const scale = { n: Count, counts: Counts, mean: z.nullable(z.number()), ci: Interval, dk: Count, dkShare: z.number(), ...weighted };

/**
 * What the results show for one question; `n` is how many answered it. In a weighted
 * snapshot, means, intervals, shares and Borda scores are weighted while every count
 * (`n`, `counts`, `dk`, `points`, `positions`) stays a raw count of responses.
 */
export const QuestionSummarySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('likert'), ...scale }),
  z.object({ kind: z.literal('spectrum'), ...scale }),
  z.object({ kind: z.literal('choice'), n: Count, counts: Counts, shares: z.record(z.string(), z.number()), ...weighted }),
  z.object({ kind: z.literal('allocation'), n: Count, areas: z.record(z.string(), MeanSchema), ...weighted }),
  z.object({
    kind: z.literal('ranking'),
    n: Count,
    // borda: mean points per respondent (first of k picks scores k, last 1, unranked 0)
    options: z.record(z.string(), z.object({ borda: z.number(), points: Count, firstShare: z.number(), positions: z.array(Count) })),
    ...weighted,
  }),
  z.object({ kind: z.literal('text'), n: Count }),
]);
export type QuestionSummary = z.infer<typeof QuestionSummarySchema>;

/** Two-sided 97.5% quantiles of Student's t for 1–30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The t quantile for a 95% interval; beyond the table a Cornish–Fisher expansion is exact to 3 decimals. */
export function tQuantile95(df: number): number {
  const fromTable = T975[df - 1];
  if (fromTable !== undefined) return fromTable;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/** Mean and 95% CI from a count, a sum and a sum of squares. */
export function meanWithInterval(n: number, sum: number, sumSq: number): z.infer<typeof MeanSchema> {
  if (n === 0) return { mean: null, ci: null };
  const mean = sum / n;
  if (n < 2) return { mean: round(mean), ci: null };
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  const half = tQuantile95(n - 1) * Math.sqrt(variance / n);
  return { mean: round(mean), ci: [round(mean - half), round(mean + half)] };
}

/** The figures for one question from its tally (absent tally = nobody answered). */
export function summariseQuestion(question: Question, tally: QuestionTally | undefined): QuestionSummary {
  switch (question.kind) {
    case 'likert':
    case 'spectrum': {
      const t = tally as NumericTally | undefined;
      const n = t?.n ?? 0;
      const dk = t?.dk ?? 0;
      const scaleFigures = { counts: { ...t?.counts }, ...meanWithInterval(n - dk, t?.sum ?? 0, t?.sumSq ?? 0) };
      return { kind: question.kind, n, ...scaleFigures, dk, dkShare: n ? round(dk / n) : 0 };
    }
    case 'choice': {
      const t = tally as ChoiceTally | undefined;
      const n = t?.n ?? 0;
      const shares = Object.fromEntries(question.options.map((o) => [o.id, n ? round((t?.counts[o.id] ?? 0) / n) : 0]));
      return { kind: 'choice', n, counts: { ...t?.counts }, shares };
    }
    case 'allocation': {
      const t = tally as AllocationTally | undefined;
      const n = t?.n ?? 0;
      const areas = Object.fromEntries(
        question.options.map((o) => [o.id, meanWithInterval(n, t?.areas[o.id]?.sum ?? 0, t?.areas[o.id]?.sumSq ?? 0)]),
      );
      return { kind: 'allocation', n, areas };
    }
    case 'ranking':
      return summariseRanking(question.options.map((o) => o.id), question.pick, tally as RankingTally | undefined);
    case 'text':
      return { kind: 'text', n: tally?.n ?? 0 };
  }
}

function summariseRanking(optionIds: string[], pick: number, tally: RankingTally | undefined): QuestionSummary {
  const n = tally?.n ?? 0;
  const options = Object.fromEntries(
    optionIds.map((id) => {
      const positions = Array.from({ length: pick }, (_, i) => tally?.positions[id]?.[i] ?? 0);
      const points = positions.reduce((total, count, i) => total + count * (pick - i), 0);
      const firstShare = n ? round((positions[0] ?? 0) / n) : 0;
      return [id, { borda: n ? round(points / n) : 0, points, firstShare, positions }];
    }),
  );
  return { kind: 'ranking', n, options };
}
