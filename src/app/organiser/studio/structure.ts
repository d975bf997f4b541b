import { createSignal } from 'solid-js';
import { blankOptions, blankQuestion, blankSection, idsOf, uniqueId } from '../../../core/authoring/blank';
import { duplicateQuestion, duplicateSection, inserted, moved, removed } from '../../../core/authoring/edit';
import type { Option, Question, QuestionKind, Section, Survey } from '../../../core/survey';
import { st, stf } from './strings';

/** The one change that can be taken back: the last delete. */
type Undo = { name: string; restore: (draft: Survey) => void };

type Edit = (change: (draft: Survey) => void) => void;

const questionName = (q: Pick<Question, 'id'>) => `${st('question')} ${q.id}`;
const sectionName = (s: Pick<Section, 'id'>) => `${st('section')} ${s.id}`;
const optionName = (o: Pick<Option, 'id'>) => `${st('option')} ${o.id}`;
const optionsOf = (q: Question | undefined): Option[] | undefined => (q && 'options' in q ? q.options : undefined);

/**
 * Adding, moving, duplicating and deleting sections, questions and options. Each says what it
 * did in `announcement` (a polite live region reads it out), and a delete can be undone: the
 * item goes back where it was, found by the ids of what held it, so edits made since stay.
 */
export function createStructure(survey: Survey, edit: Edit, setActive: (id: string | undefined) => void) {
  const [announcement, setAnnouncement] = createSignal('');
  const [undo, setUndo] = createSignal<Undo>();
  const say = (text: string) => setAnnouncement(text);
  const deleted = (name: string, restore: Undo['restore']) => {
    setUndo({ name, restore });
    say(stf('deleted', { what: name }));
  };
  const moveSay = (name: string, to: number, of: number) => say(stf('movedTo', { what: name, n: to + 1, of }));

  return {
    announcement,
    /** The last delete, while it can be undone: what it removed, by name. */
    undo: () => undo()?.name,
    undoLast(): void {
      const last = undo();
      if (!last) return;
      edit(last.restore);
      setUndo(undefined);
      say(stf('restored', { what: last.name }));
    },
    addSection(): void {
      const id = uniqueId('s', idsOf(survey).sections);
      edit((d) => void d.sections.push(blankSection(id)));
      say(`${sectionName({ id })} +`);
    },
    moveSection(s: number, by: number): void {
      if (!survey.sections[s + by]) return;
      edit((d) => void (d.sections = moved(d.sections, s, by)));
      moveSay(sectionName(survey.sections[s + by]!), s + by, survey.sections.length);
    },
    duplicateSection(s: number): void {
      const copy = duplicateSection(survey, survey.sections[s]!);
      edit((d) => void (d.sections = inserted(d.sections, s + 1, copy)));
      say(stf('duplicated', { what: sectionName(survey.sections[s]!) }));
    },
    removeSection(s: number): void {
      const section = structuredClone(survey.sections[s]!);
      edit((d) => void (d.sections = removed(d.sections, s)));
      deleted(sectionName(section), (d) => void (d.sections = inserted(d.sections, s, section)));
    },
    addQuestion(s: number, kind: QuestionKind): void {
      const id = uniqueId('q', idsOf(survey).questions);
      edit((d) => void d.sections[s]!.questions.push(blankQuestion(kind, id)));
      setActive(id);
      say(`${questionName({ id })} +`);
    },
    moveQuestion(s: number, q: number, by: number): void {
      const list = survey.sections[s]!.questions;
      if (!list[q + by]) return;
      edit((d) => void (d.sections[s]!.questions = moved(d.sections[s]!.questions, q, by)));
      moveSay(questionName(list[q + by]!), q + by, list.length);
    },
    duplicateQuestion(s: number, q: number): void {
      const copy = duplicateQuestion(survey, survey.sections[s]!.questions[q]!);
      edit((d) => void (d.sections[s]!.questions = inserted(d.sections[s]!.questions, q + 1, copy)));
      setActive(copy.id);
      say(stf('duplicated', { what: questionName(survey.sections[s]!.questions[q]!) }));
    },
    removeQuestion(s: number, q: number): void {
      const sectionId = survey.sections[s]!.id;
      const question = structuredClone(survey.sections[s]!.questions[q]!);
      edit((d) => void (d.sections[s]!.questions = removed(d.sections[s]!.questions, q)));
      deleted(questionName(question), (d) => {
        const home = d.sections.find((x) => x.id === sectionId) ?? d.sections[0];
        if (home) home.questions = inserted(home.questions, q, question);
      });
    },
    /** Changes a question's kind, keeping its id, wording, help, required flag, condition and options where the new kind has them. */
    changeKind(s: number, q: number, kind: QuestionKind): void {
      const old = survey.sections[s]!.questions[q]!;
      const next = blankQuestion(kind, old.id);
      const keep = { prompt: structuredClone(old.prompt), required: old.required, ...(old.help && { help: structuredClone(old.help) }), ...(old.showIf && { showIf: structuredClone(old.showIf) }) };
      const options = optionsOf(old);
      edit((d) => void (d.sections[s]!.questions[q] = { ...next, ...keep, ...(options && 'options' in next ? { options: structuredClone(options) } : {}) } as Question));
    },
    addOption(s: number, q: number): void {
      const options = optionsOf(survey.sections[s]!.questions[q]);
      if (!options) return;
      const id = uniqueId('o', new Set(options.map((o) => o.id)));
      edit((d) => void optionsOf(d.sections[s]!.questions[q])!.push({ ...blankOptions(1)[0]!, id }));
      say(`${optionName({ id })} +`);
    },
    moveOption(s: number, q: number, o: number, by: number): void {
      const options = optionsOf(survey.sections[s]!.questions[q])!;
      if (!options[o + by]) return;
      edit((d) => {
        const question = d.sections[s]!.questions[q] as Question & { options: Option[] };
        question.options = moved(question.options, o, by);
      });
      moveSay(optionName(options[o + by]!), o + by, options.length);
    },
    removeOption(s: number, q: number, o: number): void {
      const questionId = survey.sections[s]!.questions[q]!.id;
      const option = structuredClone(optionsOf(survey.sections[s]!.questions[q])![o]!);
      edit((d) => {
        const question = d.sections[s]!.questions[q] as Question & { options: Option[] };
        question.options = removed(question.options, o);
      });
      deleted(optionName(option), (d) => {
        const question = d.sections.flatMap((x) => x.questions).find((x) => x.id === questionId) as (Question & { options?: Option[] }) | undefined;
        if (question?.options) question.options = inserted(question.options, o, option);
      });
    },
  };
}

/** The structural edits' public face. */
export type Structure = ReturnType<typeof createStructure>;
