import type { Question, Survey } from './survey';

/** Every question of a survey in order, across sections. */
export function allQuestions(survey: Pick<Survey, 'sections'>): Question[] {
  return survey.sections.flatMap((s) => s.questions);
}

/**
 * Each question's number, the one rule respondents, organisers and the projector share:
 * 1, 2, … in survey order across sections, conditional questions included, so a number
 * never shifts when an answer shows or hides a question, and "question 7" on the
 * projector is question 7 on every phone.
 */
export function questionNumbers(survey: Pick<Survey, 'sections'>): ReadonlyMap<string, number> {
  return new Map(allQuestions(survey).map((q, i) => [q.id, i + 1]));
}
