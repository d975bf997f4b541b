import { sameWording } from './changes';
import { allQuestions } from './questions';
import type { Question, Survey } from './survey';

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
