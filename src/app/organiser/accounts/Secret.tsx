import { createSignal } from 'solid-js';
import { ot } from '../strings';

/** A secret shown once (a new token, a set-password link): selectable text, a copy button and what to do with it. */
export function Secret(props: { id: string; label: string; value: string }) {
  const [copied, setCopied] = createSignal('');
  const copy = () => navigator.clipboard.writeText(props.value).then(() => setCopied(ot('copied')), () => setCopied(ot('failed')));
  return (
    <div class="org-secret" role="status">
      <label for={props.id}>{props.label}</label>
      <input id={props.id} readOnly value={props.value} onFocus={(e) => e.currentTarget.select()} spellcheck={false} />
      <p class="org-actions">
        <button type="button" class="secondary small" onClick={() => void copy()}>
          {ot('copy')}
        </button>
        <span>{copied()}</span>
      </p>
    </div>
  );
}
