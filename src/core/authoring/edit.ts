import type { Question, Section, Survey } from '../survey';
import { idsOf, uniqueId } from './blank';

/** `list` with the item at `from` moved by `by` places, or unchanged when that leaves the list. */
export function moved<T>(list: readonly T[], from: number, by: number): T[] {
  const to = from + by;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/** `list` without the item at `index`. */
export function removed<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** `list` with `item` put at `index` (the place an undone delete gives back). */
export function inserted<T>(list: readonly T[], index: number, item: T): T[] {
  const out = [...list];
  out.splice(Math.max(0, Math.min(index, out.length)), 0, item);
  return out;
}

/** A deep copy of plain JSON data, so a duplicate never shares objects with its original. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A copy of a question under an id the survey does not use yet (`<id>-copy`, then numbered). */
export function duplicateQuestion(survey: Pick<Survey, 'sections'>, question: Question): Question {
  const taken = idsOf(survey).questions;
  const id = taken.has(`${question.id}-copy`) ? uniqueId(`${question.id}-copy`, taken) : `${question.id}-copy`;
  return { ...copy(question), id };
}

/**
 * A copy of a section whose section and question ids are all new. Conditions inside it that
 * name a question of the same section follow the copies, so the copy behaves like the original.
 */
export function duplicateSection(survey: Pick<Survey, 'sections'>, section: Section): Section {
  const ids = idsOf(survey);
  const renamed = new Map<string, string>();
  const questions = section.questions.map((q) => {
    const id = uniqueId(`${q.id}-copy`, ids.questions);
    ids.questions.add(id);
    renamed.set(q.id, id);
    return { ...copy(q), id };
  });
  for (const q of questions) if (q.showIf && renamed.has(q.showIf.question)) q.showIf = { ...q.showIf, question: renamed.get(q.showIf.question)! };
  return { ...copy(section), id: uniqueId(`${section.id}-copy`, ids.sections), questions };
}

/** Every question that names `id` in its condition: what a delete or a rename would leave dangling. */
export function dependentsOf(survey: Pick<Survey, 'sections'>, id: string): Question[] {
  return survey.sections.flatMap((s) => s.questions.filter((q) => q.showIf?.question === id));
}
