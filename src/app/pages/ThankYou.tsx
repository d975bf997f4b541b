import type { Response } from '../../core/response';
import type { Survey } from '../../core/survey';
import { Show, lazy } from 'solid-js';
import { t } from '../i18n';
import { A } from '@solidjs/router';

const ResultsSummary = lazy(() => import('../components/ResultsSummary').then((m) => ({ default: m.ResultsSummary })));
const ClosestGroup = lazy(() => import('../components/ClosestGroup').then((m) => ({ default: m.ClosestGroup })));

/** Shown only after the submit transaction committed: the response is on this device. */
export function ThankYou(props: { survey: Survey; response: Response }) {
  let heading!: HTMLHeadingElement;
  queueMicrotask(() => heading?.focus());
  return (
    <article class="card thanks">
      <h1 tabIndex={-1} ref={heading}>{t('thanksTitle')}</h1>
      <p role="status">{t('savedOnDevice')}</p>
      <Show when={props.survey.resultsPublic}>
        <ResultsSummary survey={props.survey} response={props.response} />
        <ClosestGroup survey={props.survey} response={props.response} />
      </Show>
      <A class="button secondary" href="/">{t('answerAgain')}</A>
    </article>
  );
}
