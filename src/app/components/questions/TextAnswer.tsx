import { createSignal, untrack } from 'solid-js';
import type { TextQuestion } from '../../../core/survey';
import { t } from '../../i18n';
import type { QuestionProps } from './types';

/**
 * A text box whose saved answer is trimmed; an empty box means skipped. What the person
 * typed stays in the box as typed, only the stored answer is trimmed.
 */
export function TextAnswer(props: QuestionProps<TextQuestion>) {
  const initial = untrack(() => (typeof props.value === 'string' ? props.value : ''));
  const [typed, setTyped] = createSignal(initial);
  const left = () => props.question.maxLength - [...typed().trim()].length;
  const counterId = () => `${props.question.id}-count`;
  return (
    <div class="text-answer">
      <textarea
        rows={4}
        maxLength={props.question.maxLength}
        value={initial}
        aria-labelledby={props.labelId}
        aria-describedby={`${props.describedBy} ${counterId()}`}
        aria-invalid={props.invalid}
        onInput={(e) => {
          setTyped(e.currentTarget.value);
          const trimmed = e.currentTarget.value.trim();
          props.onChange(trimmed === '' ? undefined : trimmed);
        }}
      />
      <p id={counterId()} class="hint counter">
        {t('charactersLeft')}: {left()}
      </p>
    </div>
  );
}
