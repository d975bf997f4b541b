import { For, Show, createMemo } from 'solid-js';
import { conditionSources } from '../../../core/authoring/conditions';
import type { Question, ShowIf } from '../../../core/survey';
import { tx } from '../../i18n';
import type { Editor } from './editor-store';
import { FieldProblems, fieldId, problemsAt, valueAt } from './fields';
import { st } from './strings';

/** A question's condition as menus: an earlier question, then which of its answers show this one. */
export function ConditionEditor(props: { editor: Editor; s: number; q: number }) {
  const path = () => ['sections', props.s, 'questions', props.q, 'showIf'] as const;
  const showIf = () => valueAt(props.editor, path()) as ShowIf | undefined;
  const sources = createMemo(() => conditionSources(props.editor.snapshot(), props.s, props.q));
  const source = () => sources().find((x) => x.question.id === showIf()?.question);
  const name = (q: Question) => `${q.id}: ${tx(q.prompt) || st('missingText')}`;
  const choose = (id: string) => props.editor.set(path(), id === '' ? undefined : { question: id, anyOf: [] });
  const toggle = (value: string | number, on: boolean) => {
    const current = showIf();
    if (!current) return;
    const anyOf = on ? [...current.anyOf, value] : current.anyOf.filter((v) => v !== value);
    props.editor.set([...path(), 'anyOf'], anyOf);
  };
  const selectId = () => fieldId([...path(), 'question']);
  return (
    <fieldset class="st-condition" data-path={path().join('.')}>
      <legend>{st('condition')}</legend>
      <Show when={sources().length || showIf()} fallback={<p class="org-note">{st('conditionEmpty')}</p>}>
        <div class="org-field">
          <label for={selectId()}>{st('conditionQuestion')}</label>
          <select id={selectId()} onChange={(e) => choose(e.currentTarget.value)} aria-describedby={problemsAt(props.editor, [...path(), 'question']).length ? `${selectId()}-problems` : undefined}>
            <option value="" selected={!showIf()}>{st('conditionNone')}</option>
            <For each={sources()}>{(x) => <option value={x.question.id} selected={showIf()?.question === x.question.id}>{name(x.question)}</option>}</For>
            <Show when={showIf() && !source()}>
              <option value={showIf()!.question} selected>{showIf()!.question}</option>
            </Show>
          </select>
          <FieldProblems id={`${selectId()}-problems`} messages={problemsAt(props.editor, [...path(), 'question'])} />
        </div>
        <Show when={source()}>
          {(x) => (
            <fieldset class="org-choose" data-path={[...path(), 'anyOf'].join('.')}>
              <legend>{st('conditionValues')}</legend>
              <For each={x().values}>
                {(v) => (
                  <label class="org-check">
                    <input type="checkbox" checked={showIf()?.anyOf.includes(v.value) ?? false} onChange={(e) => toggle(v.value, e.currentTarget.checked)} />
                    <span>{v.label ? `${tx(v.label) || v.value}` : String(v.value)}</span>
                  </label>
                )}
              </For>
              <FieldProblems id={`${fieldId([...path(), 'anyOf'])}-problems`} messages={problemsAt(props.editor, [...path(), 'anyOf'])} />
            </fieldset>
          )}
        </Show>
      </Show>
    </fieldset>
  );
}
