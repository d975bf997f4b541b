import { A, useLocation } from '@solidjs/router';
import { For, Show, createResource } from 'solid-js';
import { ContextCards } from '../components/ContextCards';
import { JoinForm } from '../components/JoinForm';
import { locale, t, tx } from '../i18n';
import { ht } from './home-strings';
import { getClient } from '../stores/client';
import { listSurveys } from '../stores/surveys';

/** The start page: a join code from the screen, the surveys to answer, and the facts behind them. */
export function Home() {
  const location = useLocation();
  const [surveys] = createResource(async () => listSurveys(await getClient()));
  return (
    <div class="home" lang={locale()}>
      <h1>{ht('title')}</h1>
      <JoinForm />
      <Show when={surveys()} fallback={<p class="loading">{t('loading')}</p>}>
        <h2 class="list-title">{ht('surveys')}</h2>
        <ul class="survey-list">
          <For each={surveys()}>
            {(survey) => (
              <li class="card">
                <h3>{tx(survey.title)}</h3>
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
