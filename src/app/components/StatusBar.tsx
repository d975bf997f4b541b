import { Show, createResource, onCleanup } from 'solid-js';
import { t } from '../i18n';
import { getClient } from '../stores/client';

/** How many responses on this device still wait to be sent. */
export function StatusBar() {
  const [counts, { refetch }] = createResource(async () => (await getClient()).counts());
  const timer = setInterval(() => void refetch(), 3000);
  onCleanup(() => clearInterval(timer));
  return (
    <footer class="status-bar" role="status" aria-live="polite">
      <Show when={counts()}>
        {(c) => (c().outbox > 0 ? `${c().outbox} ${t('statusWaiting')}` : c().sent > 0 ? t('statusAllSent') : '')}
      </Show>
    </footer>
  );
}
