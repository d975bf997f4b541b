import type { RouteSectionProps } from '@solidjs/router';
import { Match, Switch, createResource } from 'solid-js';
import type { Survey } from '../../core/survey';
import { ResultsSummary } from '../components/ResultsSummary';
import { locale, t, tx } from '../i18n';
import { getClient } from '../stores/client';
import { fetchSurvey, type MissingReason } from '../stores/fetch-survey';
import { loadSurvey } from '../stores/surveys';
import { ErrorPage } from './ErrorPage';
import { SurveyMissing } from './SurveyMissing';
import { variant } from '../variant';

type View = { survey: Survey } | { missing: MissingReason } | { broken: string };

async function viewOf(id: string): Promise<View> {
  const client = await getClient();
  const loaded = (await loadSurvey(client, id)) ?? (await fetchSurvey(client, id));
  if (typeof loaded === 'string') return { missing: loaded };
  return loaded.ok ? { survey: loaded.survey } : { broken: loaded.detail };
}

/** `/r/:surveyId`: a survey's public results, live when online and the last copy when not. */
export function ResultsPage(props: RouteSectionProps) {
  const [view, { refetch }] = createResource(() => props.params.surveyId, viewOf);
  const has = <K extends string>(key: K) => variant(view.latest, key);
  return (
    <Switch fallback={<p class="loading">{t('loading')}</p>}>
      <Match when={has('missing')}>{(m) => <SurveyMissing id={props.params.surveyId ?? ''} reason={m().missing} onRetry={refetch} />}</Match>
      <Match when={has('broken')}>{(b) => <ErrorPage detail={b().broken} />}</Match>
      <Match when={has('survey')}>
        {(v) => (
          <article class="card" lang={locale()}>
            <h1>{tx(v().survey.title)}</h1>
            <ResultsSummary survey={v().survey} />
          </article>
        )}
      </Match>
    </Switch>
  );
}
