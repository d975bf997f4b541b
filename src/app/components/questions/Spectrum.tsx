import { Show } from 'solid-js';
import type { SpectrumQuestion } from '../../../core/survey';
import { t, tx } from '../../i18n';
import type { QuestionProps } from './types';

/**
 * A slider that shows its value and moves by arrow keys. A range input always holds a
 * value, so "not answered yet" is tracked apart from it: any touch, click or key that
 * lands on the slider answers, even when it lands on the middle.
 */
export function Spectrum(props: QuestionProps<SpectrumQuestion>) {
  const middle = () => Math.round((props.question.min + props.question.max) / 2);
  const current = () => (typeof props.value === 'number' ? props.value : middle());
  const commit = (event: Event) => props.onChange(Number((event.currentTarget as HTMLInputElement).value));
  const valueText = () =>
    typeof props.value === 'number'
      ? `${props.value} (${tx(props.question.labels.low)} ${props.question.min} – ${tx(props.question.labels.high)} ${props.question.max})`
      : t('sliderUnset');
  return (
    <div class="spectrum" classList={{ unset: typeof props.value !== 'number' }}>
      <output class="spectrum-value" aria-hidden="true">
        <Show when={typeof props.value === 'number'} fallback="—">
          {props.value as number}
        </Show>
      </output>
      <input
        type="range"
        min={props.question.min}
        max={props.question.max}
        step={1}
        value={current()}
        aria-labelledby={props.labelId}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid}
        aria-valuetext={valueText()}
        onInput={commit}
        onChange={commit}
        onPointerUp={commit}
        onKeyUp={commit}
      />
      <div class="scale-ends" aria-hidden="true">
        <span>{props.question.min} · {tx(props.question.labels.low)}</span>
        <span>{tx(props.question.labels.high)} · {props.question.max}</span>
      </div>
    </div>
  );
}
