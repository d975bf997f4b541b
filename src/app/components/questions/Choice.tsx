import { For } from 'solid-js';
import type { ChoiceQuestion } from '../../../core/survey';
import { t, tx } from '../../i18n';
import type { QuestionProps } from './types';

/** Radio buttons for a single choice, checkboxes for several, each a full-width 44 px row. */
export function Choice(props: QuestionProps<ChoiceQuestion>) {
  const picked = () => (Array.isArray(props.value) ? props.value : typeof props.value === 'string' ? [props.value] : []);
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...picked(), id] : picked().filter((p) => p !== id);
    props.onChange(next.length ? next : undefined);
  };
  const limitReached = (id: string) =>
    props.question.maxPicks !== undefined && picked().length >= props.question.maxPicks && !picked().includes(id);
  return (
    <div
      class="options"
      role={props.question.multiple ? 'group' : 'radiogroup'}
      aria-labelledby={props.labelId}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid}
    >
      {props.question.multiple && props.question.maxPicks !== undefined && (
        <p class="hint">
          {t('pickUpTo')}: {props.question.maxPicks}
        </p>
      )}
      <For each={props.question.options}>
        {(option) => (
          <label class="option">
            <input
              type={props.question.multiple ? 'checkbox' : 'radio'}
              name={props.question.id}
              value={option.id}
              checked={picked().includes(option.id)}
              disabled={props.question.multiple && limitReached(option.id)}
              onChange={(e) => (props.question.multiple ? toggle(option.id, e.currentTarget.checked) : props.onChange(option.id))}
            />
            <span>{tx(option.label)}</span>
          </label>
        )}
      </For>
    </div>
  );
}
