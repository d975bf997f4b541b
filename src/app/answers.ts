import type { AnswerValue, Answers } from '../core/response';

/** `answers` with one answer set, or removed when `value` is undefined (cleared), as a new object. */
export function withAnswer(answers: Answers, questionId: string, value: AnswerValue | undefined): Answers {
  const next = { ...answers };
  if (value === undefined) delete next[questionId];
  else next[questionId] = value;
  return next;
}
