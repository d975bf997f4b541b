import type { LocalizedText, Question, Survey } from '../survey';

/** A value a condition can ask for, with the words to show for it (an option's label, or the number). */
export type ConditionValue = { value: string | number; label: LocalizedText | undefined };

/** An earlier question a condition can name, with every value its answer can take. */
export type ConditionSource = { question: Question; values: ConditionValue[] };

/** Spectrum ranges longer than this are not offered value by value: a menu of 2,000 numbers helps nobody. */
const MAX_SPECTRUM_VALUES = 21;

function valuesOf(q: Question): ConditionValue[] | undefined {
  if (q.kind === 'choice') return q.options.map((o) => ({ value: o.id, label: o.label }));
  if (q.kind === 'likert') return Array.from({ length: q.points }, (_, i) => ({ value: i + 1, label: undefined }));
  if (q.kind === 'spectrum' && q.max >= q.min && q.max - q.min < MAX_SPECTRUM_VALUES) {
    return Array.from({ length: q.max - q.min + 1 }, (_, i) => ({ value: q.min + i, label: undefined }));
  }
  return undefined;
}

/**
 * The questions before question `q` of section `s` that a condition on it may name (DESIGN §4:
 * `showIf` names an earlier question), each with the values to pick from: choice options,
 * likert points, and short spectrum ranges. Allocation, ranking and text answers are not
 * single values, so they are not offered.
 */
export function conditionSources(survey: Pick<Survey, 'sections'>, s: number, q: number): ConditionSource[] {
  const earlier = survey.sections.slice(0, s + 1).flatMap((section, i) => (i < s ? section.questions : section.questions.slice(0, q)));
  return earlier.flatMap((question) => {
    const values = valuesOf(question);
    return values ? [{ question, values }] : [];
  });
}

/** The single-choice questions, which alone can give the stakeholder group (`segmentBy`). */
export function segmentCandidates(survey: Pick<Survey, 'sections'>): Question[] {
  return survey.sections.flatMap((s) => s.questions.filter((q) => q.kind === 'choice' && !q.multiple));
}
