import { For, Show, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { api } from '../state';
import { ot } from '../strings';
import type { ImportSummary } from '../types';

/** Uploads a field device's backup file and reports how many were stored, duplicates and rejected. */
export function ImportBackup(props: { onDone?: () => void }) {
  const [summary, setSummary] = createSignal<ImportSummary>();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) return input.focus();
    setBusy(true);
    setError(undefined);
    setSummary(undefined);
    try {
      setSummary(await api.importBackup(file));
      props.onDone?.();
    } catch (e) {
      setError(isAppError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="org-card" aria-labelledby="import-title">
      <h2 id="import-title">{ot('importTitle')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <p class="org-note" id="import-help">
          {ot('importHelp')}
        </p>
        <div class="org-field">
          <label for="import-file">{ot('backupFile')}</label>
          <input id="import-file" ref={input} type="file" accept=".json,.ndjson,application/json,application/x-ndjson" aria-describedby="import-help" />
        </div>
        <button type="submit" class="primary" disabled={busy()}>
          {busy() ? ot('importing') : ot('importTitle')}
        </button>
      </form>
      <div role="status">
        <Show when={summary()}>
          {(s) => (
            <>
              <h3>{ot('importDone')}</h3>
              <dl class="org-counts" data-testid="import-summary">
                <dt>{ot('received')}</dt>
                <dd>{s().received}</dd>
                <dt>{ot('stored')}</dt>
                <dd>{s().stored}</dd>
                <dt>{ot('duplicate')}</dt>
                <dd>{s().duplicate}</dd>
                <dt>{ot('rejected')}</dt>
                <dd>{s().rejected}</dd>
              </dl>
              <Show when={s().errors.length}>
                <ul class="org-issues">
                  <For each={s().errors}>
                    {(e) => (
                      <li>
                        <code>{e.id || '?'}</code> {e.code}: {e.message}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </div>
      <Show when={error()}>
        <p class="org-error" role="alert">
          {ot('failed')}: {error()}
        </p>
      </Show>
    </section>
  );
}
