import type { LocalizedText, Option, Question, Section, Survey } from '../survey';
import { QUESTION_KINDS, blankQuestion, emptyText } from './blank';

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): LocalizedText => (isObject(v) ? { ko: typeof v.ko === 'string' ? v.ko : '', en: typeof v.en === 'string' ? v.en : '' } : emptyText());
const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

function optionOf(v: unknown, i: number): Option {
  return isObject(v) ? { id: str(v.id, `o${i + 1}`), label: text(v.label) } : { id: `o${i + 1}`, label: emptyText() };
}

/** A question as the editor holds it: the kind's defaults under whatever the draft had, texts as text. */
function questionOf(v: Loose, i: number): Question | undefined {
  const kind = QUESTION_KINDS.find((k) => k === v.kind);
  if (!kind) return undefined;
  const blank = blankQuestion(kind, str(v.id, `q${i + 1}`)) as Loose;
  const out: Loose = { ...blank, ...v, prompt: text(v.prompt) };
  if (v.help !== undefined) out.help = text(v.help);
  if ('labels' in blank) out.labels = { low: text(isObject(v.labels) ? v.labels.low : undefined), high: text(isObject(v.labels) ? v.labels.high : undefined) };
  if ('unit' in blank) out.unit = text(v.unit);
  if ('options' in blank) out.options = Array.isArray(v.options) ? v.options.map(optionOf) : blank.options;
  return out as Question;
}

function sectionOf(v: unknown, i: number): Section {
  const s = isObject(v) ? v : {};
  const questions = Array.isArray(s.questions) ? s.questions.filter(isObject).map(questionOf) : [];
  return { id: str(s.id, `s${i + 1}`), title: text(s.title), questions: questions.filter((q): q is Question => q !== undefined) };
}

/**
 * A stored draft (any JSON: a script may have saved it) as a survey the editor can show and
 * change: texts become texts, every question keeps its settings and gets its kind's defaults
 * for those it lacks, and what the editor cannot show (questions of no known kind) is left
 * out. Undefined when the draft has no sections at all, so it is not a survey to edit.
 */
export function editableSurvey(definition: unknown, id: string): Survey | undefined {
  if (!isObject(definition) || !Array.isArray(definition.sections)) return undefined;
  return {
    ...(definition as Partial<Survey>),
    id,
    version: typeof definition.version === 'number' ? definition.version : 1,
    title: text(definition.title),
    description: text(definition.description),
    notice: text(definition.notice),
    resultsPublic: definition.resultsPublic === true,
    sections: definition.sections.map(sectionOf),
  };
}
