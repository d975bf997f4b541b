import { Show } from 'solid-js';
import { DONT_KNOW } from '../../../core/response';
import type { SpectrumQuestion } from '../../../core/survey';
import { t, tx } from '../../i18n';
import { dk } from './dont-know';
import type { QuestionProps } from './types';

/**
 * A slider that moves by touch, drag or arrow keys. A range input always holds a value, so
 * "not answered yet" is tracked apart from it and shown plainly: no thumb, and words where
 * the number will be. Any touch, click or key that lands on the slider answers, even when
 * it lands on the middle (Tab only passes through, so it keeps a "don't know"). Where the question offers "don't know", a checkbox below the
 * slider answers that instead; the slider then shows no thumb, and moving it answers a point.
 */
export function Spectrum(props: QuestionProps<SpectrumQuestion>) {
  const answered = () => typeof props.value === 'number';
  const unsure = () => props.value === DONT_KNOW;
  const middle = () => Math.round((props.question.min + props.question.max) / 2);
  const current = () => (answered() ? (props.value as number) : middle());
  const commit = (event: Event) => props.onChange(Number((event.currentTarget as HTMLInputElement).value));
  const poles = () => `${props.question.min} ${tx(props.question.labels.low)} – ${props.question.max} ${tx(props.question.labels.high)}`;
  const unset = () => (unsure() ? dk('dontKnowChosen') : t('sliderUnset'));
  const valueText = () => (answered() ? `${props.value as number} (${poles()})` : `${unset()} (${poles()})`);
  const shown = () => (answered() ? String(props.value) : unsure() ? dk('dontKnow') : t('sliderNotYet'));
  return (
    <div class="spectrum" classList={{ unset: !answered() }}>
      <output class="spectrum-value" aria-hidden="true">{shown()}</output>
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
        onKeyUp={(e) => e.key !== 'Tab' && e.key !== 'Shift' && commit(e)}
      />
      <div class="scale-ends" aria-hidden="true">
        <span><b>{props.question.min}</b>{tx(props.question.labels.low)}</span>
        <span><b>{props.question.max}</b>{tx(props.question.labels.high)}</span>
      </div>
      <Show when={props.question.dontKnow}>
        <label class="option dont-know">
          <input type="checkbox" checked={unsure()} onChange={(e) => props.onChange(e.currentTarget.checked ? DONT_KNOW : undefined)} />
          <span>{dk('dontKnow')}</span>
        </label>
      </Show>
    </div>
  );
}
