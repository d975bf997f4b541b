import type { LocalizedText, Option, Question, QuestionKind, Section, Survey } from '../survey';

/** Every question kind in the order the editor offers them. */
export const QUESTION_KINDS: readonly QuestionKind[] = ['likert', 'spectrum', 'choice', 'allocation', 'ranking', 'text'];

/** A text not written yet in either language: the editor flags it until both are. */
export const emptyText = (): LocalizedText => ({ ko: '', en: '' });

/** The first of `prefix1`, `prefix2`, … that `taken` does not hold. */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Every id a survey uses for questions, sections and options, so a new one can avoid them. */
export function idsOf(survey: Pick<Survey, 'sections'>): { sections: Set<string>; questions: Set<string> } {
  return {
    sections: new Set(survey.sections.map((s) => s.id)),
    questions: new Set(survey.sections.flatMap((s) => s.questions.map((q) => q.id))),
  };
}

/** Options `o1` … `oN` without labels yet. */
export function blankOptions(count: number): Option[] {
  return Array.from({ length: count }, (_, i) => ({ id: `o${i + 1}`, label: emptyText() }));
}

/** A new question of `kind` with the usual settings of that kind and its texts still to write. */
export function blankQuestion(kind: QuestionKind, id: string): Question {
  const base = { id, prompt: emptyText(), required: true };
  const labels = { low: emptyText(), high: emptyText() };
  switch (kind) {
    case 'likert':
      return { ...base, kind, points: 5, labels };
    case 'spectrum':
      return { ...base, kind, min: 0, max: 10, labels };
    case 'choice':
      return { ...base, kind, multiple: false, options: blankOptions(2) };
    case 'allocation':
      return { ...base, kind, options: blankOptions(2), total: 100, unit: emptyText() };
    case 'ranking':
      return { ...base, kind, options: blankOptions(3), pick: 2 };
    case 'text':
      return { ...base, kind, required: false, maxLength: 1000 };
  }
}

/** A new, empty section (a section needs a question before it can be published). */
export function blankSection(id: string): Section {
  return { id, title: emptyText(), questions: [] };
}

/** A blank survey under `id`: one empty section, every text still to write, results private. */
export function blankSurvey(id: string): Survey {
  return { id, version: 1, title: emptyText(), description: emptyText(), notice: emptyText(), resultsPublic: false, sections: [blankSection('s1')] };
}
