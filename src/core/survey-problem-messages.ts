// The words for survey problems, as data: the server answers in English, the organiser UI in
// either language, from the same code and parameters. Kept apart from `survey-problems.ts`
// so that `survey.ts` can take its rule messages from here without an import cycle.
import type { Locale } from './vocabulary';

type Text = { ko: string; en: string };

/** Problems of a definition's shape, from the schema. */
export const SCHEMA_PROBLEM_MESSAGES = {
  missing: { ko: '필수 항목이 없습니다.', en: 'this is required' },
  not_text: { ko: '글자로 써야 합니다.', en: 'must be text' },
  not_number: { ko: '숫자여야 합니다.', en: 'must be a number' },
  not_integer: { ko: '정수여야 합니다.', en: 'must be a whole number' },
  not_boolean: { ko: '예 또는 아니요(true/false)여야 합니다.', en: 'must be yes or no (true or false)' },
  not_list: { ko: '목록이어야 합니다.', en: 'must be a list' },
  not_object: { ko: '항목들을 담은 객체여야 합니다.', en: 'must be an object with fields' },
  empty_text: { ko: '내용이 비어 있습니다.', en: 'the text is empty' },
  text_too_long: { ko: '{max}자를 넘습니다.', en: 'the text is longer than {max} characters' },
  too_small: { ko: '{min} 이상이어야 합니다.', en: 'must be at least {min}' },
  too_big: { ko: '{max} 이하여야 합니다.', en: 'must be at most {max}' },
  too_few_items: { ko: '{min}개 이상 있어야 합니다.', en: 'needs at least {min}' },
  too_many_items: { ko: '{max}개까지만 쓸 수 있습니다.', en: 'allows at most {max}' },
  not_slug: {
    ko: '"{value}"은(는) ID로 쓸 수 없습니다. 영문 소문자·숫자·"-"·"_"로 64자 이내, 첫 글자는 영문 소문자나 숫자여야 합니다.',
    en: '"{value}" is not a valid id: use lower-case letters, digits, "-" and "_", up to 64 characters, starting with a letter or digit',
  },
  not_one_of: { ko: '{value}은(는) 쓸 수 없습니다. 다음 중 하나여야 합니다: {allowed}', en: '{value} is not allowed here; use one of {allowed}' },
  unknown_kind: { ko: '"{value}"은(는) 질문 유형이 아닙니다. 다음 중 하나여야 합니다: {allowed}', en: '"{value}" is not a question type; use one of {allowed}' },
  invalid: { ko: '여기에 쓸 수 없는 값입니다.', en: 'this value is not valid here' },
} as const satisfies Record<string, Text>;

/** Problems across fields, from `surveyRuleIssues`. */
export const RULE_PROBLEM_MESSAGES = {
  duplicate_section_id: { ko: '섹션 ID "{id}"가 두 번 쓰였습니다.', en: 'duplicate section id "{id}"' },
  duplicate_question_id: { ko: '질문 ID "{id}"가 두 번 쓰였습니다.', en: 'duplicate question id "{id}"' },
  duplicate_option_id: { ko: '질문 "{question}"에 선택지 ID "{id}"가 두 번 있습니다.', en: 'question "{question}" has the option id "{id}" twice' },
  min_not_below_max: { ko: '질문 "{question}": 최솟값이 최댓값보다 작아야 합니다.', en: 'question "{question}": min must be below max' },
  pick_exceeds_options: {
    ko: '질문 "{question}": 순위 개수({pick})가 선택지 수({options})보다 많습니다.',
    en: 'question "{question}": pick ({pick}) exceeds the {options} options',
  },
  max_picks_needs_multiple: { ko: '질문 "{question}": 최대 선택 수는 복수 선택 질문에만 쓸 수 있습니다.', en: 'question "{question}": a maximum number of picks needs a multiple choice' },
  max_picks_exceeds_options: {
    ko: '질문 "{question}": 최대 선택 수({maxPicks})가 선택지 수({options})보다 많습니다.',
    en: 'question "{question}": the maximum number of picks ({maxPicks}) exceeds the {options} options',
  },
  total_not_multiple_of_step: {
    ko: '질문 "{question}": 합계({total})가 단위({step})의 배수여야 합니다.',
    en: 'question "{question}": the total ({total}) must be a multiple of the step ({step})',
  },
  show_if_not_earlier: {
    ko: '질문 "{question}": 조건에는 앞에 나온 질문을 써야 하는데 "{target}"은(는) 그렇지 않습니다.',
    en: 'question "{question}": its condition must name an earlier question, and "{target}" is not one',
  },
  segment_by_not_single_choice: {
    ko: '응답자 집단 질문(segmentBy) "{id}"은(는) 단일 선택 질문이어야 합니다.',
    en: 'the stakeholder group question (segmentBy) "{id}" must be a single-choice question',
  },
} as const satisfies Record<string, Text>;

/** A problem's code: what is wrong, stable across languages and releases. */
export type SurveyProblemCode = keyof typeof SCHEMA_PROBLEM_MESSAGES | keyof typeof RULE_PROBLEM_MESSAGES;
/** A cross-field rule's code. */
export type RuleProblemCode = keyof typeof RULE_PROBLEM_MESSAGES;
/** Values a message names: ids, limits, the offending value (shortened). */
export type ProblemParams = Record<string, string | number>;

/** One thing wrong with a definition: a code, where (a JSON path), and the values its message names. */
export type SurveyProblem = { code: SurveyProblemCode; path: (string | number)[]; params: ProblemParams };

/** Every survey problem message by code, in both languages. */
export const SURVEY_PROBLEM_MESSAGES: Record<SurveyProblemCode, Text> = { ...SCHEMA_PROBLEM_MESSAGES, ...RULE_PROBLEM_MESSAGES };

/** A message template with its `{name}` placeholders filled; unknown placeholders stay visible. */
export function fillMessage(template: string, params: ProblemParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** One survey problem in words, in `locale`. */
export function surveyProblemMessage(code: SurveyProblemCode, params: ProblemParams, locale: Locale): string {
  return fillMessage(SURVEY_PROBLEM_MESSAGES[code][locale], params);
}
