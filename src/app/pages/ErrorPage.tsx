import { A } from '@solidjs/router';
import { t } from '../i18n';

/** A readable failure instead of a blank screen, naming what went wrong. */
export function ErrorPage(props: { title?: string; detail: string }) {
  return (
    <div class="card error-page" role="alert">
      <h1>{props.title ?? t('errorTitle')}</h1>
      <pre class="error-detail">{props.detail}</pre>
      <A class="button secondary" href="/">{t('home')}</A>
    </div>
  );
}
