import type { Draft } from '../../client';
import { allQuestions } from '../../core/questions';
import type { Survey } from '../../core/survey';
import { checkAnswer } from '../../core/validate';

// Only the older-draft screen needs this, and with it the answer checks: kept out of the first load.

/** Issues that mean an answer no longer fits its question; an unfinished sum or ranking still does. */
const INCOMPATIBLE = new Set(['wrong_type', 'unknown_option', 'out_of_range', 'not_integer', 'too_long', 'too_many', 'not_multiple_of_step']);

/** A draft moved onto a newer version: answers whose question still exists and still fits them. */
export function migrateDraft(draft: Draft, survey: Survey): Draft {
  const answers: Draft['answers'] = {};
  for (const q of allQuestions(survey)) {
    const value = Object.hasOwn(draft.answers, q.id) ? draft.answers[q.id] : undefined;
    if (value !== undefined && !INCOMPATIBLE.has(checkAnswer(q, value) ?? '')) answers[q.id] = value;
  }
  return { ...draft, surveyVersion: survey.version, answers, step: 1, updatedAt: new Date().toISOString() };
}
