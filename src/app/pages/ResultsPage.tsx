import type { RouteSectionProps } from '@solidjs/router';
import { Show, createResource } from 'solid-js';
import type { Survey } from '../../core/survey';
import { ResultsSummary } from '../components/ResultsSummary';
import { locale, t, tx } from '../i18n';
import { getClient } from '../stores/client';
import { loadSurvey } from '../stores/surveys';
import { ErrorPage } from './ErrorPage';

/** `/r/:surveyId`: a survey's public results, live when online and the last copy when not. */
export function ResultsPage(props: RouteSectionProps) {
  const [loaded] = createResource(() => props.params.surveyId, async (id) => loadSurvey(await getClient(), id));
  return (
    <Show when={loaded()} fallback={<Show when={loaded.state === 'ready'} fallback={<p class="loading">{t('loading')}</p>}><ErrorPage title={t('notFound')} detail={props.params.surveyId ?? ''} /></Show>}>
      {(result) => (
        <Show when={result().ok && result()} fallback={<ErrorPage detail={(result() as { detail: string }).detail} />}>
          {(ok) => {
            const survey = (ok() as { survey: Survey }).survey;
            return (
              <article class="card" lang={locale()}>
                <h1>{tx(survey.title)}</h1>
                <ResultsSummary survey={survey} />
              </article>
            );
          }}
        </Show>
      )}
    </Show>
  );
}
