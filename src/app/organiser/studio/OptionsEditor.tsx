import { For } from 'solid-js';
import type { Option } from '../../../core/survey';
import type { Editor } from './editor-store';
import { BilingualField, FieldProblems, TextField, fieldId, problemsAt, valueAt } from './fields';
import { MoveButtons } from './MoveButtons';
import { st } from './strings';

/** A question's options: id and label in both languages each, moved, added and deleted by buttons. */
export function OptionsEditor(props: { editor: Editor; s: number; q: number }) {
  const path = () => ['sections', props.s, 'questions', props.q, 'options'] as const;
  const options = () => (valueAt(props.editor, path()) as Option[] | undefined) ?? [];
  const structure = () => props.editor.structure;
  return (
    <fieldset class="st-options" data-path={path().join('.')}>
      <legend>{st('options')}</legend>
      <FieldProblems id={`${fieldId(path())}-problems`} messages={problemsAt(props.editor, path())} />
      <ol class="st-option-list">
        <For each={options()}>
          {(option, o) => (
            <li class="st-option">
              <div class="st-item-head">
                <span class="st-item-name">{st('option')} {o() + 1}</span>
                <MoveButtons
                  list={fieldId(path())}
                  index={o()}
                  count={options().length}
                  name={`${st('option')} ${option.id}`}
                  onMove={(by) => structure().moveOption(props.s, props.q, o(), by)}
                  onRemove={() => structure().removeOption(props.s, props.q, o())}
                />
              </div>
              <TextField editor={props.editor} path={[...path(), o(), 'id']} label={`${st('option')} ${o() + 1} · ${st('id')}`} />
              <BilingualField editor={props.editor} path={[...path(), o(), 'label']} label={`${st('option')} ${o() + 1}`} />
            </li>
          )}
        </For>
      </ol>
      <button type="button" class="secondary small" onClick={() => structure().addOption(props.s, props.q)}>
        {st('addOption')}
      </button>
    </fieldset>
  );
}
