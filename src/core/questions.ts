import type { Question, Survey } from './survey';

/** Every question of a survey in order, across sections. */
export function allQuestions(survey: Pick<Survey, 'sections'>): Question[] {
  return survey.sections.flatMap((s) => s.questions);
}
