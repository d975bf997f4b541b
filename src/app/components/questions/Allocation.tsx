import { For } from 'solid-js';
import type { AllocationQuestion } from '../../../core/survey';
import { t, tx } from '../../i18n';
import type { QuestionProps } from './types';

/** Steppers per area with a live "remaining" total; the answer is absent until one amount moves. */
export function Allocation(props: QuestionProps<AllocationQuestion>) {
  const step = () => props.question.step ?? 1;
  const amounts = (): Record<string, number> =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value) ? props.value : {};
  const amount = (id: string) => amounts()[id] ?? 0;
  const used = () => Object.values(amounts()).reduce((a, b) => a + b, 0);
  const remaining = () => props.question.total - used();
  const set = (id: string, next: number) => {
    const value = Math.max(0, Math.min(props.question.total, Math.round(next)));
    const all = Object.fromEntries(props.question.options.map((o) => [o.id, o.id === id ? value : amount(o.id)]));
    props.onChange(all);
  };
  const unit = () => tx(props.question.unit);
  return (
    <div class="allocation" role="group" aria-labelledby={props.labelId} aria-describedby={props.describedBy}>
      <For each={props.question.options}>
        {(option) => {
          const inputId = `${props.question.id}-${option.id}`;
          return (
            <div class="alloc-row">
              <label for={inputId} class="alloc-label">{tx(option.label)}</label>
              <div class="stepper">
                <button type="button" class="step" aria-label={`${t('decrease')}: ${tx(option.label)}`} disabled={amount(option.id) <= 0} onClick={() => set(option.id, amount(option.id) - step())}>
                  −
                </button>
                <input
                  id={inputId}
                  type="number"
                  inputmode="numeric"
                  min={0}
                  max={props.question.total}
                  step={step()}
                  value={amount(option.id)}
                  aria-invalid={props.invalid}
                  onChange={(e) => set(option.id, Number(e.currentTarget.value) || 0)}
                />
                <button type="button" class="step" aria-label={`${t('increase')}: ${tx(option.label)}`} disabled={remaining() < step()} onClick={() => set(option.id, amount(option.id) + step())}>
                  +
                </button>
              </div>
            </div>
          );
        }}
      </For>
      <p class="alloc-remaining" classList={{ done: remaining() === 0, over: remaining() < 0 }} aria-live="polite">
        {t('remaining')}: {remaining()} {unit()} · {t('total')} {props.question.total} {unit()}
      </p>
    </div>
  );
}
