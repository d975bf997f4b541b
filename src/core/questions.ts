import type { Question, Survey } from './survey';

/** Every question of a survey in order, across sections. */
export function allQuestions(survey: Pick<Survey, 'sections'>): Question[] {
  return survey.sections.flatMap((s) => s.questions);
}

/**
 * The stakeholder groups of a survey: the option ids of its `segmentBy` question, in order;
 * undefined when the survey names no such single-choice question.
 */
export function segmentGroups(survey: Pick<Survey, 'sections' | 'segmentBy'>): string[] | undefined {
  if (survey.segmentBy === undefined) return undefined;
  const question = allQuestions(survey).find((q) => q.id === survey.segmentBy);
  return question?.kind === 'choice' && !question.multiple ? question.options.map((o) => o.id) : undefined;
}
