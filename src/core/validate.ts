import type { Answers, AnswerValue, Response } from './response';
import type { Question, Survey } from './survey';
import { DONT_KNOW } from './vocabulary';
import { answerOf, isVisible } from './visibility';

/** Why one answer (or its absence) is not acceptable. */
export type AnswerIssueCode =
  | 'required'
  | 'wrong_type'
  | 'not_integer'
  | 'out_of_range'
  | 'unknown_option'
  | 'too_many'
  | 'repeated'
  | 'wrong_count'
  | 'negative'
  | 'sum_mismatch'
  | 'not_multiple_of_step'
  | 'too_long'
  | 'empty'
  | 'hidden'
  | 'unknown_question'
  | 'survey_mismatch';

/**
 * One problem with one question's answer; `question` is the question id. The app words it
 * in the respondent's language; `describeIssues` adds English messages for the API.
 */
export type AnswerIssue = { question: string; code: AnswerIssueCode };

type Check = AnswerIssueCode | null;

/** Problems with the value given to one question (the value is present). */
export function checkAnswer(question: Question, value: AnswerValue): Check {
  switch (question.kind) {
    case 'likert':
      return checkScale(question, value, 1, question.points);
    case 'spectrum':
      return checkScale(question, value, question.min, question.max);
    case 'choice':
      return checkChoice(question, value);
    case 'allocation':
      return checkAllocation(question, value);
    case 'ranking':
      return checkRanking(question, value);
    case 'text':
      if (typeof value !== 'string') return 'wrong_type';
      if (value.trim() === '' || value.trim() !== value) return 'empty';
      return [...value].length > question.maxLength ? 'too_long' : null;
  }
}

/**
 * A point on the scale, or DONT_KNOW where the question offers it. Elsewhere "dk" is a
 * string on a numeric question, the wrong type, so a draft carried onto a version that no
 * longer offers it drops that answer (the app's draft migration treats wrong_type so).
 */
function checkScale(question: { dontKnow?: boolean }, value: AnswerValue, min: number, max: number): Check {
  if (value === DONT_KNOW && question.dontKnow === true) return null;
  return checkInteger(value, min, max);
}

function checkInteger(value: AnswerValue, min: number, max: number): Check {
  if (typeof value !== 'number') return 'wrong_type';
  if (!Number.isInteger(value)) return 'not_integer';
  return value < min || value > max ? 'out_of_range' : null;
}

/**
 * Whether a question offers an option id. A scan, not a Set: a question has a few options,
 * and the server checks every answer of every response it receives.
 */
function offers(question: { options: { id: string }[] }, id: unknown): boolean {
  for (const option of question.options) if (option.id === id) return true;
  return false;
}

/** Whether every pick is one of the question's options. */
function offersAll(question: { options: { id: string }[] }, picks: unknown[]): boolean {
  for (const pick of picks) if (!offers(question, pick)) return false;
  return true;
}

function checkChoice(question: Extract<Question, { kind: 'choice' }>, value: AnswerValue): Check {
  if (!question.multiple) {
    if (typeof value !== 'string') return 'wrong_type';
    return offers(question, value) ? null : 'unknown_option';
  }
  if (!Array.isArray(value)) return 'wrong_type';
  if (value.length === 0) return 'required';
  if (!offersAll(question, value)) return 'unknown_option';
  if (new Set(value).size !== value.length) return 'repeated';
  return value.length > (question.maxPicks ?? question.options.length) ? 'too_many' : null;
}

function checkAllocation(question: Extract<Question, { kind: 'allocation' }>, value: AnswerValue): Check {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'wrong_type';
  let sum = 0;
  for (const [key, amount] of Object.entries(value)) {
    if (!offers(question, key)) return 'unknown_option';
    if (!Number.isInteger(amount)) return 'not_integer';
    if (amount < 0) return 'negative';
    if (question.step !== undefined && amount % question.step !== 0) return 'not_multiple_of_step';
    sum += amount;
  }
  return sum === question.total ? null : 'sum_mismatch';
}

function checkRanking(question: Extract<Question, { kind: 'ranking' }>, value: AnswerValue): Check {
  if (!Array.isArray(value)) return 'wrong_type';
  if (!offersAll(question, value)) return 'unknown_option';
  if (new Set(value).size !== value.length) return 'repeated';
  return value.length === question.pick ? null : 'wrong_count';
}

/** An issue for one question. */
export function answerIssue(question: string, code: AnswerIssueCode): AnswerIssue {
  return { question, code };
}

/** Issues for the answers of some questions (a section or the whole survey). */
export function validateAnswers(questions: Question[], answers: Answers): AnswerIssue[] {
  return addAnswerIssues([], questions, answers);
}

function addAnswerIssues(issues: AnswerIssue[], questions: Question[], answers: Answers): AnswerIssue[] {
  for (const question of questions) {
    const value = answerOf(answers, question.id);
    const shown = isVisible(question, answers);
    if (!shown) {
      if (value !== undefined) issues.push(answerIssue(question.id, 'hidden'));
      continue;
    }
    if (value === undefined) {
      if (question.required) issues.push(answerIssue(question.id, 'required'));
      continue;
    }
    const code = checkAnswer(question, value);
    if (code) issues.push(answerIssue(question.id, code));
  }
  return issues;
}

/**
 * Every problem with a response's answers against the exact survey version it names: answers
 * to questions it does not ask, then each question's in survey order. The app runs it before
 * submitting; the server runs the same function before storing. Sections are walked in
 * place rather than through a list of all questions, since the server runs this per response.
 */
export function validateResponse(survey: Survey, response: Pick<Response, 'surveyId' | 'surveyVersion' | 'answers'>): AnswerIssue[] {
  if (response.surveyId !== survey.id || response.surveyVersion !== survey.version) {
    return [answerIssue('', 'survey_mismatch')];
  }
  const issues: AnswerIssue[] = [];
  for (const id of Object.keys(response.answers)) if (!asks(survey, id)) issues.push(answerIssue(id, 'unknown_question'));
  for (const section of survey.sections) addAnswerIssues(issues, section.questions, response.answers);
  return issues;
}

function asks(survey: Survey, id: string): boolean {
  for (const section of survey.sections) for (const question of section.questions) if (question.id === id) return true;
  return false;
}
