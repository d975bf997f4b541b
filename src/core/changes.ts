import { canonicalJson } from './canonical';
import { allQuestions } from './questions';
import type { Question, Survey } from './survey';

/** How a question of a version differs from the version before it. */
export const QUESTION_CHANGES = ['unchanged', 'reworded', 'added', 'removed'] as const;
export type QuestionChange = (typeof QUESTION_CHANGES)[number];

/** `GET …/versions/:v/changes`: every question of the version, then those it dropped. */
export type SurveyChanges = { questions: { id: string; change: QuestionChange }[] };

/**
 * What a respondent reads and answers with, as one string: the kind, prompt and help text and
 * the whole answer format (scale points and end labels, min and max, options with their ids,
 * labels and order, multiple and maxPicks, total, step and unit, pick, maxLength). Left out
 * are `required` and `showIf`: they decide who answers, not what is asked, so changing them
 * keeps a trend line. Left out too is `dontKnow`: it adds an answer beside the scale, not a
 * point on it, and "don't know" stays out of means and is shown as its own share, so the
 * scale's figures stay comparable (sovereign-AI version 2 adds it to positions whose
 * wording is kept). Anything else a later version adds to a question counts as wording
 * unless it is left out here, which errs towards starting a new line rather than joining
 * incomparable answers.
 */
export function wordingOf(question: Question): string {
  const { required: _required, showIf: _showIf, ...asked } = question;
  if ('dontKnow' in asked) delete asked.dontKnow;
  return canonicalJson(asked);
}

/** Whether answers to `a` and `b` are comparable: the same id and the same wording (see `wordingOf`). */
export function sameWording(a: Question, b: Question): boolean {
  return a.id === b.id && wordingOf(a) === wordingOf(b);
}

/**
 * The changes of `next` against `previous` (the version before it, or none for a first
 * version): its questions in order as unchanged, reworded or added, then the questions of
 * `previous` it no longer has, in their old order, as removed. A question is matched by id
 * wherever it sits, so moving it to another section is no change.
 */
export function surveyChanges(previous: Pick<Survey, 'sections'> | undefined, next: Pick<Survey, 'sections'>): SurveyChanges {
  const before = new Map((previous ? allQuestions(previous) : []).map((q) => [q.id, q]));
  const now = allQuestions(next);
  const kept = new Set(now.map((q) => q.id));
  const questions: SurveyChanges['questions'] = now.map((q) => {
    const old = before.get(q.id);
    const change: QuestionChange = !old ? 'added' : sameWording(old, q) ? 'unchanged' : 'reworded';
    return { id: q.id, change };
  });
  for (const id of before.keys()) if (!kept.has(id)) questions.push({ id, change: 'removed' });
  return { questions };
}
