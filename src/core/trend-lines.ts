import { sameWording } from './changes';
import { allQuestions } from './questions';
import type { ResultsSnapshot } from './results';
import type { LocalizedText, Question, Survey } from './survey';

/** One trend line of a question: the versions whose answers to it are comparable, oldest first, and its wording. */
export type TrendLine = { versions: number[]; question: Question };

/**
 * The trend lines of question `id` across the versions of a survey (DESIGN §4: trends compare
 * questions whose id and wording are unchanged). A version continues the line of the nearest
 * earlier version that has the question when `sameWording` holds, and starts a new line when
 * the question was reworded, so answers to different wordings are never joined. A version
 * that drops the question does not break its line: a later version asking it the same way
 * continues it.
 */
export function trendLines(versions: readonly Survey[], id: string): TrendLine[] {
  const lines: TrendLine[] = [];
  for (const survey of [...versions].sort((a, b) => a.version - b.version)) {
    const question = allQuestions(survey).find((q) => q.id === id);
    if (!question) continue;
    const last = lines[lines.length - 1];
    if (last && sameWording(last.question, question)) last.versions.push(survey.version);
    else lines.push({ versions: [survey.version], question });
  }
  return lines;
}

/** The line of question `id` that version `version` belongs to, or undefined when that version does not ask it. */
export function lineOf(versions: readonly Survey[], id: string, version: number): TrendLine | undefined {
  return trendLines(versions, id).find((line) => line.versions.includes(version));
}

/** One point of a trend: a wave of one version, the line (wording) it belongs to, and its mean when shown. */
export type TrendLinePoint = {
  version: number;
  wave: string;
  label: LocalizedText | null;
  /** Index into the question's lines: points of different lines are never joined. */
  line: number;
  /** Answers, "don't know" included; null when withheld. */
  n: number | null;
  /** How many of `n` said "don't know": the mean and interval cover the others. */
  dk: number;
  mean: number | null;
  ci: [number, number] | null;
};

/**
 * The points of question `id` across versions: every wave of every version that asks it,
 * in version order and, within a version, in the waves' start order, each tagged with its
 * line. Withheld waves and questions give no figure, so the chart breaks there too.
 */
export function trendPoints(lines: readonly TrendLine[], snapshots: ReadonlyMap<number, ResultsSnapshot>, id: string): TrendLinePoint[] {
  const points: TrendLinePoint[] = [];
  lines.forEach((line, index) => {
    for (const version of line.versions) {
      for (const w of snapshots.get(version)?.waves ?? []) {
        const base = { version, wave: w.wave, label: w.label, line: index };
        const summary = w.withheld || w.withheldQuestions.includes(id) ? undefined : w.questions[id];
        if (!summary) points.push({ ...base, n: w.withheld || w.withheldQuestions.includes(id) ? null : 0, dk: 0, mean: null, ci: null });
        else if (summary.kind === 'likert' || summary.kind === 'spectrum')
          points.push({ ...base, n: summary.n, dk: summary.dk ?? 0, mean: summary.mean, ci: summary.ci as [number, number] | null });
        else points.push({ ...base, n: 0, dk: 0, mean: null, ci: null });
      }
    }
  });
  return points;
}
