import { createSignal } from 'solid-js';
import { ot } from './strings';

/**
 * A destructive action that asks once more in place: the first press turns into
 * "Really …" and "Cancel", so nothing is lost to a stray click and no modal is needed.
 * Focus follows the question and comes back when it is cancelled.
 */
export function ConfirmButton(props: { label: string; confirmLabel: string; onConfirm: () => Promise<unknown> }) {
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  let first!: HTMLButtonElement;
  let confirm!: HTMLButtonElement;
  const ask = (on: boolean) => {
    setAsking(on);
    (on ? confirm : first).focus();
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
      <button type="button" ref={first} class="secondary small org-danger" hidden={asking()} onClick={() => ask(true)}>
        {props.label}
      </button>
      <span hidden={!asking()}>
        <button type="button" ref={confirm} class="primary small org-danger-fill" disabled={busy()} onClick={() => void run()}>
          {props.confirmLabel}
        </button>
        <button type="button" class="secondary small" onClick={() => ask(false)}>
          {ot('cancel')}
        </button>
      </span>
    </span>
  );
}
