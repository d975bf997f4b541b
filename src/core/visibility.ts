import type { Answers, AnswerValue } from './response';
import type { Question, Survey } from './survey';
import { allQuestions } from './questions';

/** The answer to a question, reading own keys only so `constructor` and friends are never answers. */
export function answerOf(answers: Answers, questionId: string): AnswerValue | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** Whether an answer equals, or for multiple answers contains, one of `values`. */
export function answerMatches(answer: AnswerValue | undefined, values: (string | number)[]): boolean {
  if (answer === undefined) return false;
  if (Array.isArray(answer)) return answer.some((a) => values.includes(a));
  if (typeof answer === 'object') return false;
  return values.includes(answer);
}

/**
 * Whether a question is shown given the answers so far. A question whose condition
 * names a hidden question is hidden too, because a hidden question has no answer.
 */
export function isVisible(question: Question, answers: Answers): boolean {
  if (!question.showIf) return true;
  return answerMatches(answerOf(answers, question.showIf.question), question.showIf.anyOf);
}

/** The questions shown for these answers, in survey order. */
export function visibleQuestions(survey: Pick<Survey, 'sections'>, answers: Answers): Question[] {
  return allQuestions(survey).filter((q) => isVisible(q, answers));
}

/** Answers with those to hidden or unknown questions removed, as the app submits them. */
export function pruneAnswers(survey: Pick<Survey, 'sections'>, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of allQuestions(survey)) {
    const value = answerOf(answers, q.id);
    if (value !== undefined && isVisible(q, out)) out[q.id] = value;
  }
  return out;
}
