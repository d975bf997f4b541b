import { Match, Switch } from 'solid-js';
import { locale, t } from '../i18n';
import { countText, localeTag, type CountText } from '../numbers';
import { syncStatus } from '../stores/sync';

const WAITING: CountText = { ko: '응답 {n}개 전송 대기', en: { one: '{n} response waiting', other: '{n} responses waiting' } };

const time = (iso: string) => new Date(iso).toLocaleTimeString(localeTag(locale()), { hour: '2-digit', minute: '2-digit' });

/**
 * One line, in the current language, on how the device's responses are doing: sending,
 * waiting (and why), or all sent. Every text is an expression, so switching the language
 * rewrites it at once.
 */
export function StatusBar() {
  const s = syncStatus;
  return (
    <div class="status-bar" role="status" aria-live="polite">
      <Switch>
        <Match when={s().syncing && s().progress}>
          {(p) => <>{t('statusSending')} {p().done} / {p().total}</>}
        </Match>
        <Match when={s().waiting > 0}>
          {countText(WAITING, s().waiting, locale())}
          {s().lastErrorCode ? ` · ${t('statusRetrying')}` : ''}
        </Match>
        <Match when={s().lastSyncedAt}>
          {(at) => <>{t('statusAllSent')} · {time(at())}</>}
        </Match>
      </Switch>
    </div>
  );
}
