import { For, Show, createResource, createSignal } from 'solid-js';
import type { Client } from '../../client';
import { locale } from '../i18n';
import { formatDateTime } from '../numbers';
import { ft } from './field-strings';
import { syncSoon, syncStatus } from '../stores/sync';

/** Saves a file through a temporary link: the only way a page can hand the user a file offline. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Sync now, the backup file, and the responses the server refused with a way to queue them again. */
export function FieldSync(props: { client: Client; onChange: () => void }) {
  const [all, setAll] = createSignal(false);
  const [rejected, { refetch }] = createResource(() => props.client.listRejected());
  const syncNow = async () => {
    await syncSoon();
    props.onChange();
    await refetch();
  };
  const saveBackup = async () => {
    const backup = await props.client.exportBackup({ all: all() });
    download(`stance-backup-${backup.device.slice(0, 8)}-${backup.exportedAt.replace(/[:.]/g, '-')}.json`, JSON.stringify(backup));
  };
  const requeue = async (id: string) => {
    await props.client.requeueRejected(id);
    await syncNow();
  };
  return (
    <>
      <section class="card" aria-labelledby="sync-title">
        <h2 id="sync-title">{ft('syncTitle')}</h2>
        <Show when={syncStatus().lastSyncedAt}>
          {(at) => <p class="hint">{ft('lastSynced')}: {formatDateTime(at(), locale())}</p>}
        </Show>
        <button type="button" class="primary" disabled={syncStatus().syncing} onClick={() => void syncNow()}>{ft('syncNow')}</button>
      </section>
      <section class="card" aria-labelledby="backup-title">
        <h2 id="backup-title">{ft('backup')}</h2>
        <p class="hint">{ft('backupHelp')}</p>
        <label class="option">
          <input type="checkbox" checked={all()} onChange={(e) => setAll(e.currentTarget.checked)} />
          <span>{ft('backupAll')}</span>
        </label>
        <div class="nav-buttons"><button type="button" class="secondary" onClick={() => void saveBackup()}>{ft('backup')}</button></div>
      </section>
      <Show when={rejected()?.length}>
        <section class="card" aria-labelledby="rejected-title">
          <h2 id="rejected-title">{ft('rejectedTitle')}</h2>
          <ul class="rejected">
            <For each={rejected()}>
              {(r) => (
                <li>
                  <code>{r.response.id.slice(0, 13)}</code> — {r.error.code}: {r.error.message}
                  <button type="button" class="secondary small" onClick={() => void requeue(r.response.id)}>{ft('requeue')}</button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
