import { Link } from '../router';
import { Show } from 'solid-js';
import { t } from '../i18n';

/** Shown only after the submit transaction committed: the response is on this device. */
export function ThankYou(props: { fieldMode: boolean; onNext: () => void }) {
  let heading!: HTMLHeadingElement;
  queueMicrotask(() => heading?.focus());
  return (
    <article class="card thanks">
      <h1 tabIndex={-1} ref={heading}>{t('thanksTitle')}</h1>
      <p role="status">{t('savedOnDevice')}</p>
      <Show when={props.fieldMode} fallback={<Link class="button secondary" href="/">{t('answerAgain')}</Link>}>
        <button type="button" class="primary" onClick={() => props.onNext()}>
          {t('nextRespondent')}
        </button>
      </Show>
    </article>
  );
}
