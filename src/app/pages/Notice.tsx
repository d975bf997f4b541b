import type { Survey } from '../../core/survey';
import { locale, t, tx } from '../i18n';

/** The survey's notice; pressing Start is the respondent's acknowledgement. */
export function Notice(props: { survey: Survey; onStart: () => void }) {
  return (
    <article class="card notice" lang={locale()}>
      <h1>{tx(props.survey.title)}</h1>
      <p>{tx(props.survey.description)}</p>
      <h2>{t('noticeTitle')}</h2>
      <p class="notice-text">{tx(props.survey.notice)}</p>
      <button type="button" class="primary" onClick={() => props.onStart()}>
        {t('start')}
      </button>
    </article>
  );
}
