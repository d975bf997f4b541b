import { For } from 'solid-js';
import type { LikertQuestion } from '../../../core/survey';
import { tx } from '../../i18n';
import type { QuestionProps } from './types';

/** A real radio group, one 44 px target per point, with the end labels spoken on the ends. */
export function Likert(props: QuestionProps<LikertQuestion>) {
  const points = () => Array.from({ length: props.question.points }, (_, i) => i + 1);
  const labelFor = (n: number) =>
    n === 1 ? `${n} — ${tx(props.question.labels.low)}` : n === props.question.points ? `${n} — ${tx(props.question.labels.high)}` : String(n);
  return (
    <div class="scale">
      <div class="scale-points" role="radiogroup" aria-labelledby={props.labelId} aria-describedby={props.describedBy} aria-invalid={props.invalid}>
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
    </div>
  );
}
