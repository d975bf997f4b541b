import { For, Show, createSignal } from 'solid-js';
import type { AllocationQuestion } from '../../../core/survey';
import { locale, t, tx } from '../../i18n';
import { withUnit } from '../../numbers';
import { fill } from '../../particles';
import type { QuestionProps } from './types';

/** Only the digits of what was typed, without leading zeros: "060" is 60, "" stays empty. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
}

/**
 * An amount per option, typed or stepped, with the sum so far and the target shown apart.
 * Every keystroke counts at once (a change that waited for blur moved the page under the
 * next tap). Nothing is capped behind the respondent's back: going over the total is shown
 * as an error until they fix it. The answer is absent until one amount moves.
 */
export function Allocation(props: QuestionProps<AllocationQuestion>) {
  const step = () => props.question.step ?? 1;
  const amounts = (): Record<string, number> =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value) ? props.value : {};
  const amount = (id: string) => amounts()[id] ?? 0;
  const used = () => Object.values(amounts()).reduce((a, b) => a + b, 0);
  const remaining = () => props.question.total - used();
  const money = (n: number) => withUnit(n, tx(props.question.unit), locale());
  const set = (id: string, value: number) => props.onChange(Object.fromEntries(props.question.options.map((o) => [o.id, o.id === id ? value : amount(o.id)])));
  const sumId = () => `${props.question.id}-sum`;
  return (
    <div class="allocation" role="group" aria-labelledby={props.labelId} aria-describedby={`${props.describedBy} ${sumId()}`.trim()}>
      <Show when={step() > 1}>
        <p class="hint">{fill(t('allocationStep'), { step: money(step()) })}</p>
      </Show>
      <For each={props.question.options}>
        {(option) => <AmountRow id={`${props.question.id}-${option.id}`} label={tx(option.label)} amount={amount(option.id)} step={step()} canAdd={remaining() >= step()} invalid={props.invalid} onSet={(n) => set(option.id, n)} />}
      </For>
      <p id={sumId()} class="alloc-sum" classList={{ done: remaining() === 0, over: remaining() < 0 }} aria-live="polite">
        <span>{t('allocated')} <strong>{money(used())}</strong> / {money(props.question.total)}</span>
        <Show when={remaining() >= 0} fallback={<span class="alloc-over">{fill(t('allocationOver'), { over: money(-remaining()), total: money(props.question.total) })}</span>}>
          <span>{t('remaining')} <strong>{money(remaining())}</strong></span>
        </Show>
      </p>
    </div>
  );
}

type RowProps = { id: string; label: string; amount: number; step: number; canAdd: boolean; invalid: boolean; onSet: (n: number) => void };

/** One option's amount: a number box that selects its content on focus, between − and +. */
function AmountRow(props: RowProps) {
  // What the box shows while it has focus: an emptied box stays empty instead of snapping to 0.
  const [typing, setTyping] = createSignal<string>();
  // A tap's own mouseup would put the caret back and undo the select-all of focus.
  let justFocused = false;
  const onInput = (box: HTMLInputElement) => {
    const digits = digitsOf(box.value);
    if (box.value !== digits) box.value = digits;
    setTyping(digits);
    props.onSet(digits === '' ? 0 : Number(digits));
  };
  return (
    <div class="alloc-row">
      <label for={props.id} class="alloc-label">{props.label}</label>
      <div class="stepper">
        <button type="button" class="step" aria-label={`${t('decrease')}: ${props.label}`} disabled={props.amount <= 0} onClick={() => props.onSet(Math.max(0, props.amount - props.step))}>−</button>
        <input
          id={props.id}
          type="text"
          inputmode="numeric"
          autocomplete="off"
          maxLength={7}
          value={typing() ?? String(props.amount)}
          aria-invalid={props.invalid}
          onFocus={(e) => {
            e.currentTarget.select();
            justFocused = true;
          }}
          onMouseUp={(e) => {
            if (justFocused) e.preventDefault();
            justFocused = false;
          }}
          onInput={(e) => onInput(e.currentTarget)}
          onBlur={() => setTyping(undefined)}
        />
        <button type="button" class="step" aria-label={`${t('increase')}: ${props.label}`} disabled={!props.canAdd} onClick={() => props.onSet(props.amount + props.step)}>+</button>
      </div>
    </div>
  );
}
