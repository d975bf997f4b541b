import { For, Show, createResource } from 'solid-js';
import { tx } from '../../i18n';
import { A } from '@solidjs/router';
import { loadCached, ready } from '../cache';
import { api, session } from '../state';
import { ageText, createNow } from '../format';
import { ImportBackup } from '../manage/ImportBackup';
import { PageError } from '../PageError';
import { orgHref, type OrganiserPage } from '../paths';
import { ot } from '../strings';
import type { Overview } from '../types';
import { waveName } from '../format';

const href = (page: OrganiserPage, id: string, version?: number) => orgHref(page, { survey: id, version });

function SurveyCard(props: { overview: Overview }) {
  const o = () => props.overview;
  return (
    <li class="org-card org-survey">
      <h2>{tx(o().title)}</h2>
      <p class="org-note">
        <code>{o().id}</code> · {ot('version')} {o().latestVersion} · {o().resultsPublic ? ot('publicResults') : ot('privateResults')}
      </p>
      <p class="org-big">
        {ot('responses')}: <strong>{o().total}</strong>
      </p>
      <table class="org-data">
        <caption>{ot('versions')}</caption>
        <thead>
          <tr>
            <th scope="col">{ot('version')}</th>
            <th scope="col">{ot('responses')}</th>
            <th scope="col">{ot('preview')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={o().versions}>
            {(v) => (
              <tr>
                <th scope="row">v{v.version}</th>
                <td>{v.count}</td>
                <td>
                  <A href={href('preview', o().id, v.version)}>
                    {ot('preview')} v{v.version}
                  </A>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p>
        {ot('waves')}: {o().waves.length ? o().waves.map((w) => `${waveName(o().waves, w.slug)} (${w.count})`).join(', ') : '—'}
      </p>
      <div class="org-actions">
        <A class="button primary" href={href('results', o().id)}>
          {ot('results')}
        </A>
        <A class="button secondary" href={href('projector', o().id)}>
          {ot('projector')}
        </A>
        <Show when={session.can('editor')}>
          <A class="button secondary" href={href('manage', o().id)}>
            {ot('manage')}
          </A>
        </Show>
      </div>
    </li>
  );
}

/** `/organiser/surveys`: the surveys granted to the account with their versions, waves and response counts; importing a field backup (editors). */
export function SurveyList() {
  const now = createNow();
  const [list, { refetch }] = createResource(() =>
    loadCached('surveys', async () => Promise.all((await api.surveys()).filter((s) => session.sees(s.id)).map((s) => api.overview(s.id)))),
  );
  return (
    <div class="organiser-page">
      <h1>{ot('surveys')}</h1>
      <PageError error={list.error} />
      <Show when={ready(list)} fallback={<p class="org-note">{list.loading ? ot('loading') : ''}</p>}>
        {(l) => (
          <>
            <Show when={!l().fresh}>
              <p class="org-warning" role="status">
                {ot('offlineCached')} · {ot('updated')} {ageText(l().fetchedAt, now())}
              </p>
            </Show>
            <ul class="org-list">
              <For each={l().value}>{(o) => <SurveyCard overview={o} />}</For>
            </ul>
          </>
        )}
      </Show>
      <Show when={session.can('editor')}>
        <p>
          <A class="button secondary" href={orgHref('new')}>
            {ot('addSurvey')}
          </A>
        </p>
        <ImportBackup onDone={() => void refetch()} />
      </Show>
    </div>
  );
}
