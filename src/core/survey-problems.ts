import { SurveySchema, type Survey } from './survey';
import {
  RULE_PROBLEM_MESSAGES,
  surveyProblemMessage,
  type ProblemParams,
  type SurveyProblem,
  type SurveyProblemCode,
} from './survey-problem-messages';
import type { Locale } from './vocabulary';

export { surveyProblemMessage, SURVEY_PROBLEM_MESSAGES } from './survey-problem-messages';
export type { ProblemParams, SurveyProblem, SurveyProblemCode } from './survey-problem-messages';

/** The fields of a zod issue this module reads; zod adds more by code. */
type ZodIssueLike = {
  code: string;
  path: readonly PropertyKey[];
  expected?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  values?: readonly unknown[];
  options?: readonly unknown[];
  discriminator?: string;
  errors?: readonly (readonly ZodIssueLike[])[];
  params?: Record<string, unknown>;
};

const NOT_OF_TYPE: Record<string, SurveyProblemCode> = {
  string: 'not_text',
  number: 'not_number',
  int: 'not_integer',
  boolean: 'not_boolean',
  array: 'not_list',
  object: 'not_object',
};

/**
 * A value as a message may quote it: short, so a 2 MiB label is never echoed back, and never
 * serialised whole, since a hostile definition can nest deeper than the stack.
 */
export function shortValue(value: unknown): string {
  const text = Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const listOf = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');

/** Every literal a union accepts, when it is a union of literals (likert's 5 | 7). */
function unionValues(issue: ZodIssueLike): unknown[] | undefined {
  const branches = issue.errors ?? [];
  const flat = branches.flatMap((b) => (b.length === 1 && b[0]!.code === 'invalid_value' && b[0]!.path.length === 0 ? (b[0]!.values ?? []) : [undefined]));
  return branches.length && !flat.includes(undefined) ? flat : undefined;
}

function problemOf(issue: ZodIssueLike, value: unknown): { code: SurveyProblemCode; params: ProblemParams } {
  const shown = shortValue(value);
  const rule = issue.params?.problem;
  if (issue.code === 'custom' && typeof rule === 'string' && rule in RULE_PROBLEM_MESSAGES) {
    const { problem: _, ...params } = issue.params as ProblemParams;
    return { code: rule as SurveyProblemCode, params };
  }
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return { code: 'missing', params: {} };
  const bound = (key: 'minimum' | 'maximum') => Number(issue[key]);
  switch (issue.code) {
    case 'invalid_type':
      return { code: NOT_OF_TYPE[issue.expected ?? ''] ?? 'invalid', params: {} };
    case 'too_small':
      if (issue.origin === 'string') return { code: 'empty_text', params: { min: bound('minimum') } };
      return { code: issue.origin === 'array' ? 'too_few_items' : 'too_small', params: { min: bound('minimum') } };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'text_too_long', params: { max: bound('maximum') } };
      return { code: issue.origin === 'array' ? 'too_many_items' : 'too_big', params: { max: bound('maximum') } };
    case 'invalid_format':
      return { code: 'not_slug', params: { value: shown } };
    case 'invalid_value':
      return { code: 'not_one_of', params: { value: shown, allowed: listOf(issue.values ?? []) } };
    case 'invalid_union': {
      if (issue.discriminator) return { code: 'unknown_kind', params: { value: shown, allowed: listOf(issue.options ?? []) } };
      const values = unionValues(issue);
      return values ? { code: 'not_one_of', params: { value: shown, allowed: listOf(values) } } : { code: 'invalid', params: {} };
    }
    default:
      return { code: 'invalid', params: {} };
  }
}

/** Zod's issues on `input` as survey problems: a stable code, the path, the values to name. */
export function surveyProblems(issues: readonly ZodIssueLike[], input: unknown): SurveyProblem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    return { ...problemOf(issue, valueAt(input, path)), path };
  });
}

/** The outcome of checking a definition: the parsed survey, or every problem found. */
export type SurveyCheck = { ok: true; survey: Survey } | { ok: false; problems: SurveyProblem[] };

/** Checks a definition with the schema and the survey rules; problems come back as data, never as zod's words. */
export function checkSurvey(input: unknown): SurveyCheck {
  const parsed = SurveySchema.safeParse(input);
  return parsed.success ? { ok: true, survey: parsed.data } : { ok: false, problems: surveyProblems(parsed.error.issues, input) };
}

/** A problem's JSON path as text, like `sections[0].questions[2].id` (empty for the whole survey). */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

/** A problem as the API reports it: the text path, the code and params, and the message in `locale`. */
export function describeProblem(problem: SurveyProblem, locale: Locale = 'en') {
  return { path: formatPath(problem.path), code: problem.code, params: problem.params, message: surveyProblemMessage(problem.code, problem.params, locale) };
}
