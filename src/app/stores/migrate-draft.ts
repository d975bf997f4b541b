import type { Client, Draft } from '../../client';
import { sameWording } from '../../core/changes';
import { allQuestions } from '../../core/questions';
import type { Question, Survey } from '../../core/survey';
import { builtInSurveys } from '../../core/surveys';
import { checkAnswer } from '../../core/validate';

// Only the older-draft screen needs this, and with it the answer checks: kept out of the first load.

/** Issues that mean an answer no longer fits its question; an unfinished sum or ranking still does. */
const INCOMPATIBLE = new Set(['wrong_type', 'unknown_option', 'out_of_range', 'not_integer', 'too_long', 'too_many', 'not_multiple_of_step']);

/** The definition a draft was started on: built into the app, else kept on the device; undefined when neither has it. */
export async function draftDefinition(client: Client, draft: Draft): Promise<Survey | undefined> {
  const builtIn = builtInSurveys.find((s) => s.id === draft.surveyId && s.version === draft.surveyVersion);
  return builtIn ?? (await client.getSurvey(draft.surveyId, draft.surveyVersion).catch(() => undefined));
}

/**
 * A draft moved onto a newer version: answers whose question still exists and still fits
 * them. With the version it was started on (`previous`), an answer given to other wording
 * is dropped too (`sameWording`): it answered a different question, such as version 1's
 * leading defense position, and must be asked again. Without it only the fit is checked.
 */
export function migrateDraft(draft: Draft, survey: Survey, previous?: Survey): Draft {
  const before = previous && new Map(allQuestions(previous).map((q) => [q.id, q]));
  const asked = (q: Question) => !before || (before.has(q.id) && sameWording(before.get(q.id)!, q));
  const answers: Draft['answers'] = {};
  for (const q of allQuestions(survey)) {
    const value = Object.hasOwn(draft.answers, q.id) ? draft.answers[q.id] : undefined;
    if (value !== undefined && asked(q) && !INCOMPATIBLE.has(checkAnswer(q, value) ?? '')) answers[q.id] = value;
  }
  return { ...draft, surveyVersion: survey.version, answers, step: 1, updatedAt: new Date().toISOString() };
}
