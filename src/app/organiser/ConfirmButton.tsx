import { Show, createSignal } from 'solid-js';
import { ot } from './strings';

/**
 * A destructive action that asks once more in place: the first press turns into
 * "Really …" and "Cancel", so nothing is lost to a stray click and no modal is needed.
 */
export function ConfirmButton(props: { label: string; confirmLabel: string; onConfirm: () => Promise<unknown> }) {
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  let confirm!: HTMLButtonElement;
  const ask = () => {
    setAsking(true);
    confirm.focus();
  };
  const run = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <span class="org-confirm">
      <Show when={!asking()}>
        <button type="button" class="secondary small org-danger" onClick={ask}>
          {props.label}
        </button>
      </Show>
      <span hidden={!asking()}>
        <button type="button" ref={confirm} class="primary small org-danger-fill" disabled={busy()} onClick={() => void run()}>
          {props.confirmLabel}
        </button>
        <button type="button" class="secondary small" onClick={() => setAsking(false)}>
          {ot('cancel')}
        </button>
      </span>
    </span>
  );
}
