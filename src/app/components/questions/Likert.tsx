import { For, Show } from 'solid-js';
import { DONT_KNOW } from '../../../core/response';
import type { LikertQuestion } from '../../../core/survey';
import { tx } from '../../i18n';
import { dk } from './dont-know';
import type { QuestionProps } from './types';

/**
 * A real radio group, one 44 px target per point, with the end labels spoken on the ends.
 * Where the question offers it, "don't know" is one more radio of the same group, set apart
 * below the scale so it never reads as a point on it; arrow keys reach it like any other.
 */
export function Likert(props: QuestionProps<LikertQuestion>) {
  const points = () => Array.from({ length: props.question.points }, (_, i) => i + 1);
  const labelFor = (n: number) =>
    n === 1 ? `${n} — ${tx(props.question.labels.low)}` : n === props.question.points ? `${n} — ${tx(props.question.labels.high)}` : String(n);
  return (
    <div class="scale" role="radiogroup" aria-labelledby={props.labelId} aria-describedby={props.describedBy} aria-invalid={props.invalid}>
      <div class="scale-points">
        <For each={points()}>
          {(n) => (
            <label class="point">
              <input
                type="radio"
                name={props.question.id}
                value={n}
                checked={props.value === n}
                onChange={() => props.onChange(n)}
                aria-label={labelFor(n)}
              />
              <span aria-hidden="true">{n}</span>
            </label>
          )}
        </For>
      </div>
      <div class="scale-ends" aria-hidden="true">
        <span>{tx(props.question.labels.low)}</span>
        <span>{tx(props.question.labels.high)}</span>
      </div>
      <Show when={props.question.dontKnow}>
        <label class="option dont-know">
          <input type="radio" name={props.question.id} value={DONT_KNOW} checked={props.value === DONT_KNOW} onChange={() => props.onChange(DONT_KNOW)} />
          <span>{dk('dontKnow')}</span>
        </label>
      </Show>
    </div>
  );
}
