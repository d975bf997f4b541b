import { Show } from 'solid-js';
import { locale, t, tn } from '../i18n';
import { syncStatus } from '../stores/sync';

const time = (iso: string) => new Date(iso).toLocaleTimeString(locale() === 'ko' ? 'ko-KR' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

/** One line on how the device's responses are doing: waiting, sending, sent, or why not. */
export function StatusBar() {
  const s = syncStatus;
  return (
    <div class="status-bar" role="status" aria-live="polite">
      <Show when={s().syncing && s().progress} fallback={
        <Show when={s().waiting > 0} fallback={<Show when={s().lastSyncedAt}>{(at) => `${t('statusAllSent')} · ${time(at())}`}</Show>}>
          {tn('statusWaiting', s().waiting)}
          <Show when={s().lastErrorCode}> · {t('statusRetrying')}</Show>
        </Show>
      }>
        {(p) => `${t('statusSending')} ${p().done} / ${p().total}`}
      </Show>
    </div>
  );
}
