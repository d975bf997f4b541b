import { For } from 'solid-js';
import { LOCALES, type Locale } from '../../core/vocabulary';
import { locale, setLocale, t } from '../i18n';

const NAMES: Record<Locale, string> = { ko: '한국어', en: 'English' };

/** Two toggle buttons, each named in its own language so either reader can find theirs. */
export function LanguageSwitch() {
  return (
    <div class="lang-switch" role="group" aria-label={t('language')}>
      <For each={LOCALES}>
        {(l) => (
          <button type="button" lang={l} aria-pressed={locale() === l} onClick={() => setLocale(l)}>
            {NAMES[l]}
          </button>
        )}
      </For>
    </div>
  );
}
