import { z } from 'zod/mini';
import { allQuestions } from './questions';
import { surveyProblemMessage, type RuleProblemCode, type SurveyProblem } from './survey-problem-messages';
import { LOCALES, SLUG_PATTERN, type Locale } from './vocabulary';

/** A text in both languages of the survey; both are required. */
export const LocalizedTextSchema = z.object({
  ko: z.string().check(z.minLength(1), z.maxLength(4000)),
  en: z.string().check(z.minLength(1), z.maxLength(4000)),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Ids of surveys, sections, questions and options: short, URL- and CSV-safe. */
export const SlugSchema = z.string().check(z.regex(SLUG_PATTERN));

export { LOCALES, allQuestions, type Locale };

/** One option of a choice, allocation or ranking question. */
export const OptionSchema = z.object({ id: SlugSchema, label: LocalizedTextSchema });
export type Option = z.infer<typeof OptionSchema>;

/** Answer values that a `showIf` condition can name: an option id or a number. */
export const ConditionValueSchema = z.union([z.string(), z.number()]);

/** Show a question only when an earlier question's answer is (or contains) one of the values. */
export const ShowIfSchema = z.object({
  question: SlugSchema,
  anyOf: z.array(ConditionValueSchema).check(z.minLength(1)),
});
export type ShowIf = z.infer<typeof ShowIfSchema>;

const EndLabelsSchema = z.object({ low: LocalizedTextSchema, high: LocalizedTextSchema });
/** Most options a question may offer: more than a phone screen can sensibly show. */
export const MAX_OPTIONS = 30;
const OptionsSchema = z.array(OptionSchema).check(z.minLength(2), z.maxLength(MAX_OPTIONS));

const base = {
  id: SlugSchema,
  prompt: LocalizedTextSchema,
  help: z.optional(LocalizedTextSchema),
  required: z.boolean(),
  showIf: z.optional(ShowIfSchema),
};

/** Likert and spectrum questions may offer "don't know", answered as DONT_KNOW instead of a point. */
const dontKnow = { dontKnow: z.optional(z.boolean()) };

export const LikertQuestionSchema = z.object({
  ...base,
  kind: z.literal('likert'),
  points: z.union([z.literal(5), z.literal(7)]),
  labels: EndLabelsSchema,
  ...dontKnow,
});

export const SpectrumQuestionSchema = z.object({
  ...base,
  kind: z.literal('spectrum'),
  min: z.int().check(z.gte(-1000), z.lte(1000)),
  max: z.int().check(z.gte(-1000), z.lte(1000)),
  labels: EndLabelsSchema,
  ...dontKnow,
});

export const ChoiceQuestionSchema = z.object({
  ...base,
  kind: z.literal('choice'),
  multiple: z.boolean(),
  options: OptionsSchema,
  maxPicks: z.optional(z.int().check(z.gte(1))),
});

export const AllocationQuestionSchema = z.object({
  ...base,
  kind: z.literal('allocation'),
  options: OptionsSchema,
  total: z.int().check(z.gte(1), z.lte(1_000_000)),
  step: z.optional(z.int().check(z.gte(1))),
  unit: LocalizedTextSchema,
});

export const RankingQuestionSchema = z.object({
  ...base,
  kind: z.literal('ranking'),
  options: OptionsSchema,
  pick: z.int().check(z.gte(1)),
});

export const TextQuestionSchema = z.object({
  ...base,
  kind: z.literal('text'),
  maxLength: z.int().check(z.gte(1), z.lte(10_000)),
});

export const QuestionSchema = z.discriminatedUnion('kind', [
  LikertQuestionSchema,
  SpectrumQuestionSchema,
  ChoiceQuestionSchema,
  AllocationQuestionSchema,
  RankingQuestionSchema,
  TextQuestionSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionKind = Question['kind'];
export type LikertQuestion = z.infer<typeof LikertQuestionSchema>;
export type SpectrumQuestion = z.infer<typeof SpectrumQuestionSchema>;
export type ChoiceQuestion = z.infer<typeof ChoiceQuestionSchema>;
export type AllocationQuestion = z.infer<typeof AllocationQuestionSchema>;
export type RankingQuestion = z.infer<typeof RankingQuestionSchema>;
export type TextQuestion = z.infer<typeof TextQuestionSchema>;

export const SectionSchema = z.object({
  id: SlugSchema,
  title: LocalizedTextSchema,
  questions: z.array(QuestionSchema).check(z.minLength(1), z.maxLength(100)),
});
export type Section = z.infer<typeof SectionSchema>;

/** A fact shown beside the survey, with where it comes from. */
export const ContextCardSchema = z.object({
  id: SlugSchema,
  title: LocalizedTextSchema,
  body: LocalizedTextSchema,
  source: LocalizedTextSchema,
});
export type ContextCard = z.infer<typeof ContextCardSchema>;

const SurveyShapeSchema = z.object({
  id: SlugSchema,
  version: z.int().check(z.gte(1), z.lte(1_000_000)),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  notice: LocalizedTextSchema,
  resultsPublic: z.boolean(),
  segmentBy: z.optional(SlugSchema),
  context: z.optional(z.array(ContextCardSchema).check(z.maxLength(20))),
  sections: z.array(SectionSchema).check(z.minLength(1), z.maxLength(50)),
});

/** A survey definition (DESIGN §4), with the cross-field rules checked by `surveyRuleIssues`. */
export const SurveySchema = SurveyShapeSchema.check(
  z.superRefine((survey, ctx) => {
    // The code rides in `params`, so `surveyProblems` can give the problem back in either language.
    for (const { code, path, params } of surveyRuleIssues(survey)) {
      ctx.addIssue({ code: 'custom', message: surveyProblemMessage(code, params, 'en'), path, params: { ...params, problem: code } });
    }
  }),
);
export type Survey = z.infer<typeof SurveyShapeSchema>;

type RuleIssue = SurveyProblem & { code: RuleProblemCode };

/** Rules a definition must follow that its shape alone cannot say. */
export function surveyRuleIssues(survey: Survey): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Map<string, Question>();
  const sectionIds = new Set<string>();
  survey.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) issues.push({ code: 'duplicate_section_id', path: ['sections', s, 'id'], params: { id: section.id } });
    sectionIds.add(section.id);
    section.questions.forEach((q, i) => {
      const path = ['sections', s, 'questions', i];
      if (seen.has(q.id)) issues.push({ code: 'duplicate_question_id', path: [...path, 'id'], params: { id: q.id } });
      for (const issue of questionIssues(q, seen)) issues.push({ ...issue, path: [...path, ...issue.path] });
      // The first question under an id stays the one that id means, so a repeat is reported once.
      if (!seen.has(q.id)) seen.set(q.id, q);
    });
  });
  if (survey.segmentBy !== undefined) {
    const segment = seen.get(survey.segmentBy);
    if (!segment || segment.kind !== 'choice' || segment.multiple) {
      issues.push({ code: 'segment_by_not_single_choice', path: ['segmentBy'], params: { id: survey.segmentBy } });
    }
  }
  return issues;
}

/** A question's own rule issues, with paths inside the question, so they point at the field to fix. */
function questionIssues(q: Question, earlier: Map<string, Question>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const question = q.id;
  if ('options' in q) {
    const ids = new Set<string>();
    q.options.forEach((o, k) => {
      if (ids.has(o.id)) issues.push({ code: 'duplicate_option_id', path: ['options', k, 'id'], params: { question, id: o.id } });
      ids.add(o.id);
    });
  }
  if (q.kind === 'spectrum' && q.min >= q.max) issues.push({ code: 'min_not_below_max', path: ['max'], params: { question } });
  if (q.kind === 'ranking' && q.pick > q.options.length) {
    issues.push({ code: 'pick_exceeds_options', path: ['pick'], params: { question, pick: q.pick, options: q.options.length } });
  }
  if (q.kind === 'choice' && q.maxPicks !== undefined) {
    if (!q.multiple) issues.push({ code: 'max_picks_needs_multiple', path: ['maxPicks'], params: { question } });
    else if (q.maxPicks > q.options.length) {
      issues.push({ code: 'max_picks_exceeds_options', path: ['maxPicks'], params: { question, maxPicks: q.maxPicks, options: q.options.length } });
    }
  }
  if (q.kind === 'allocation' && q.step !== undefined && q.total % q.step !== 0) {
    issues.push({ code: 'total_not_multiple_of_step', path: ['total'], params: { question, total: q.total, step: q.step } });
  }
  if (q.showIf && !earlier.has(q.showIf.question)) {
    issues.push({ code: 'show_if_not_earlier', path: ['showIf', 'question'], params: { question, target: q.showIf.question } });
  }
  return issues;
}
