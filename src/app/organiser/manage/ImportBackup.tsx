import { For, Show, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { FileField } from '../FileField';
import { api } from '../state';
import { ot } from '../strings';
import type { ImportSummary } from '../types';

function SummaryView(props: { summary: ImportSummary }) {
  const figures = () => [
    [ot('received'), props.summary.received],
    [ot('stored'), props.summary.stored],
    [ot('duplicate'), props.summary.duplicate],
    [ot('rejected'), props.summary.rejected],
  ] as const;
  return (
    <>
      <h3>{ot('importDone')}</h3>
      <dl class="org-counts" data-testid="import-summary">
        <For each={figures()}>
          {([name, value]) => (
            <>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </>
          )}
        </For>
      </dl>
      <Show when={props.summary.errors.length}>
        <ul class="org-issues">
          <For each={props.summary.errors}>
            {(e) => (
              <li>
                <code>{e.id || '?'}</code> {e.code}: {e.message}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

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
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FileField id="import-file" ref={(el) => (input = el)} label={ot('backupFile')} help={ot('importHelp')} accept=".json,.ndjson,application/json,application/x-ndjson" />
        <button type="submit" class="primary" disabled={busy()}>
          {busy() ? ot('importing') : ot('importTitle')}
        </button>
      </form>
      <div role="status">
        <Show when={summary()}>{(s) => <SummaryView summary={s()} />}</Show>
      </div>
      <Show when={error()}>
        <p class="org-error" role="alert">
          {ot('failed')}: {error()}
        </p>
      </Show>
    </section>
  );
}
