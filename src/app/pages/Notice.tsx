import { Show, lazy } from 'solid-js';
import { locale, t, tx } from '../i18n';
import type { Opened } from './SurveyPage';

/**
 * What the notice says only sometimes (the joined wave, a link that was changed, an earlier
 * answer from this device, field mode): its own chunk, loaded before the notice renders
 * whenever there is something to say, so a plain first visit never carries it.
 */
export const NoticeExtras = lazy(() => import('./NoticeExtras').then((m) => ({ default: m.NoticeExtras })));

/** Whether the notice has anything of `NoticeExtras` to say. */
export function hasExtras(opened: Opened): boolean {
  return !!opened.held || opened.visit.notes.length > 0 || !!opened.visit.join || opened.field.enabled;
}

/** The survey's notice; pressing Start is the respondent's acknowledgement. */
export function Notice(props: { opened: Opened; onStart: () => void }) {
  const survey = () => props.opened.survey;
  // In a one-response-per-device wave, a device that has answered cannot answer again.
  const locked = () => !!props.opened.held && !!props.opened.visit.join?.oneResponsePerDevice;
  return (
    <article class="card notice" lang={locale()}>
      <h1>{tx(survey().title)}</h1>
      <Show when={hasExtras(props.opened)}>
        <NoticeExtras opened={props.opened} locked={locked()} />
      </Show>
      <p>{tx(survey().description)}</p>
      <h2>{t('noticeTitle')}</h2>
      <p class="notice-text">{tx(survey().notice)}</p>
      <Show when={!locked()}>
        <button type="button" class="primary" onClick={() => props.onStart()}>
          {props.opened.held ? t('answerAgain') : t('start')}
        </button>
      </Show>
    </article>
  );
}
