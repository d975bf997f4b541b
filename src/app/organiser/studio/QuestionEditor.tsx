import { For, Show } from 'solid-js';
import { QUESTION_KINDS } from '../../../core/authoring/blank';
import { dependentsOf } from '../../../core/authoring/edit';
import type { Question, QuestionKind } from '../../../core/survey';
import { ConditionEditor } from './ConditionEditor';
import type { Editor } from './editor-store';
import { BilingualField, CheckField, TextField, fieldId } from './fields';
import { KindSettings } from './KindSettings';
import { MoveButtons } from './MoveButtons';
import { st, stf } from './strings';

/**
 * One question with every setting: kind, id, wording and help in both languages, required,
 * the kind's settings and options, and its condition. Focus anywhere in it makes it the
 * question the preview shows.
 */
export function QuestionEditor(props: { editor: Editor; s: number; q: number; count: number; number: number; question: Question }) {
  const path = () => ['sections', props.s, 'questions', props.q] as const;
  const structure = () => props.editor.structure;
  const kindId = () => `${fieldId(path())}-kind`;
  const dependents = () => dependentsOf(props.editor.snapshot(), props.question.id).map((q) => q.id);
  return (
    <li
      class="st-question org-card"
      classList={{ 'st-active': props.editor.active() === props.question.id }}
      onFocusIn={() => props.editor.setActive(props.question.id)}
      aria-labelledby={`${fieldId(path())}-heading`}
    >
      <div class="st-item-head">
        <h3 id={`${fieldId(path())}-heading`}>
          {st('question')} {props.number} <code>{props.question.id}</code>
        </h3>
        <MoveButtons
          list={fieldId(['sections', props.s, 'questions'])}
          index={props.q}
          count={props.count}
          name={`${st('question')} ${props.question.id}`}
          onMove={(by) => structure().moveQuestion(props.s, props.q, by)}
          onDuplicate={() => structure().duplicateQuestion(props.s, props.q)}
          onRemove={() => structure().removeQuestion(props.s, props.q)}
        />
      </div>
      <div class="st-row">
        <div class="org-field">
          <label for={kindId()}>{st('kind')}</label>
          <select id={kindId()} onChange={(e) => structure().changeKind(props.s, props.q, e.currentTarget.value as QuestionKind)}>
            <For each={QUESTION_KINDS}>{(k) => <option value={k} selected={props.question.kind === k}>{st(k)}</option>}</For>
          </select>
        </div>
        <TextField editor={props.editor} path={[...path(), 'id']} label={`${st('question')} ${st('id')}`} />
      </div>
      <Show when={dependents().length}>
        <p class="org-note">{stf('usedBy', { ids: dependents().join(', ') })}</p>
      </Show>
      <BilingualField editor={props.editor} path={[...path(), 'prompt']} label={st('prompt')} multiline />
      <BilingualField editor={props.editor} path={[...path(), 'help']} label={st('help')} optional />
      <CheckField editor={props.editor} path={[...path(), 'required']} label={st('required')} />
      <KindSettings editor={props.editor} s={props.s} q={props.q} question={props.question} />
      <ConditionEditor editor={props.editor} s={props.s} q={props.q} />
    </li>
  );
}
