import { For, createSignal } from 'solid-js';
import { QUESTION_KINDS } from '../../../core/authoring/blank';
import type { QuestionKind, Section } from '../../../core/survey';
import type { Editor } from './editor-store';
import { BilingualField, FieldProblems, TextField, fieldId, problemsAt } from './fields';
import { MoveButtons } from './MoveButtons';
import { QuestionEditor } from './QuestionEditor';
import { st, stf } from './strings';

/** One section: its id and title, its questions in order, and a way to add one of any kind. */
export function SectionEditor(props: { editor: Editor; s: number; count: number; section: Section; firstNumber: number }) {
  const path = () => ['sections', props.s] as const;
  const [kind, setKind] = createSignal<QuestionKind>('likert');
  const kindId = () => `${fieldId(path())}-new-kind`;
  return (
    <section class="st-section" aria-labelledby={`${fieldId(path())}-heading`}>
      <div class="st-item-head">
        <h2 id={`${fieldId(path())}-heading`}>
          {st('section')} {props.s + 1} <code>{props.section.id}</code>
        </h2>
        <MoveButtons
          list="f-sections"
          index={props.s}
          count={props.count}
          name={`${st('section')} ${props.section.id}`}
          onMove={(by) => props.editor.structure.moveSection(props.s, by)}
          onDuplicate={() => props.editor.structure.duplicateSection(props.s)}
          onRemove={() => props.editor.structure.removeSection(props.s)}
        />
      </div>
      <TextField editor={props.editor} path={[...path(), 'id']} label={`${st('section')} ${st('id')}`} />
      <BilingualField editor={props.editor} path={[...path(), 'title']} label={st('sectionTitle')} />
      <FieldProblems id={`${fieldId([...path(), 'questions'])}-problems`} messages={problemsAt(props.editor, [...path(), 'questions'])} />
      <ol class="st-questions" data-path={`sections[${props.s}].questions`}>
        <For each={props.section.questions}>
          {(question, q) => (
            <QuestionEditor editor={props.editor} s={props.s} q={q()} count={props.section.questions.length} number={props.firstNumber + q()} question={question} />
          )}
        </For>
      </ol>
      <div class="st-add">
        <div class="org-field">
          <label for={kindId()}>{st('newKind')}</label>
          <select id={kindId()} onChange={(e) => setKind(e.currentTarget.value as QuestionKind)}>
            <For each={QUESTION_KINDS}>{(k) => <option value={k} selected={kind() === k}>{st(k)}</option>}</For>
          </select>
        </div>
        <button type="button" class="primary" aria-label={stf('addQuestionTo', { id: props.section.id })} onClick={() => props.editor.structure.addQuestion(props.s, kind())}>
          {st('addQuestion')}
        </button>
      </div>
    </section>
  );
}
