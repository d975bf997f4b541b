import { A } from '@solidjs/router';
import { For, Show, createResource } from 'solid-js';
import { ContextCards } from '../components/ContextCards';
import { locale, t, tx } from '../i18n';
import { ht } from './home-strings';
import { getClient } from '../stores/client';
import { listSurveys } from '../stores/surveys';

/** The surveys on this device and the facts behind them. */
export function Home() {
  const [surveys] = createResource(async () => listSurveys(await getClient()));
  return (
    <div class="home" lang={locale()}>
      <h1>{ht('surveysHere')}</h1>
      <Show when={surveys()} fallback={<p class="loading">{t('loading')}</p>}>
        <ul class="survey-list">
          <For each={surveys()}>
            {(survey) => (
              <li class="card">
                <h2>{tx(survey.title)}</h2>
                <p>{tx(survey.description)}</p>
                <A class="button primary" href={`/s/${survey.id}${location.search}`}>
                  {t('startSurvey')}
                </A>
              </li>
            )}
          </For>
        </ul>
        <For each={surveys()}>{(survey) => <ContextCards cards={survey.context} />}</For>
        {/* Inside the list's Show, so it appears once below it instead of being pushed down. */}
        <p class="footer-link">
          <A href="/field">{t('fieldMode')}</A>
        </p>
      </Show>
    </div>
  );
}
