import type { SpectrumQuestion } from '../../../core/survey';
import { t, tx } from '../../i18n';
import type { QuestionProps } from './types';

/**
 * A slider that moves by touch, drag or arrow keys. A range input always holds a value, so
 * "not answered yet" is tracked apart from it and shown plainly: no thumb, and words where
 * the number will be. Any touch, click or key that lands on the slider answers, even when
 * it lands on the middle.
 */
export function Spectrum(props: QuestionProps<SpectrumQuestion>) {
  const answered = () => typeof props.value === 'number';
  const middle = () => Math.round((props.question.min + props.question.max) / 2);
  const current = () => (answered() ? (props.value as number) : middle());
  const commit = (event: Event) => props.onChange(Number((event.currentTarget as HTMLInputElement).value));
  const poles = () => `${props.question.min} ${tx(props.question.labels.low)} – ${props.question.max} ${tx(props.question.labels.high)}`;
  const valueText = () => (answered() ? `${props.value as number} (${poles()})` : `${t('sliderUnset')} (${poles()})`);
  return (
    <div class="spectrum" classList={{ unset: !answered() }}>
      <output class="spectrum-value" aria-hidden="true">{answered() ? String(props.value) : t('sliderNotYet')}</output>
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
        <span><b>{props.question.min}</b>{tx(props.question.labels.low)}</span>
        <span><b>{props.question.max}</b>{tx(props.question.labels.high)}</span>
      </div>
    </div>
  );
}
