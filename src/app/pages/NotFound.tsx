import { A, useLocation } from '@solidjs/router';
import { locale, t } from '../i18n';

/** Any address the app has no page for: says so, on- and offline alike, and offers the way home. */
export function NotFound() {
  const location = useLocation();
  return (
    <div class="card" lang={locale()}>
      <h1>{t('pageNotFound')}</h1>
      <p>{t('pageNotFoundBody')}</p>
      <p><code class="path">{location.pathname}</code></p>
      <A class="button secondary" href="/">{t('home')}</A>
    </div>
  );
}
