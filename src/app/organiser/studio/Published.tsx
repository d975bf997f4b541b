import { A } from '@solidjs/router';
import { For, Show, createResource } from 'solid-js';
import type { SurveyChanges } from '../../../core/changes';
import { orgHref } from '../paths';
import { api } from '../state';
import { st, stf } from './strings';

/** After publishing: the server's own change list for the new version, and where to go next. */
export function Published(props: { surveyId: string; version: number; onNext: () => void }) {
  const [changes] = createResource(async () => (await api.call(`/surveys/${encodeURIComponent(props.surveyId)}/versions/${props.version}/changes`)).json() as Promise<SurveyChanges>);
  const changed = () => changes()?.questions.filter((c) => c.change !== 'unchanged') ?? [];
  return (
    <section class="org-card" aria-labelledby="st-published-heading">
      <div role="status">
        <h1 id="st-published-heading">{stf('published', { n: props.version })}</h1>
      </div>
      <Show when={changed().length}>
        <ul class="st-changes">
          <For each={changed()}>{(c) => <li><strong>{st(c.change === 'removed' ? 'removedChange' : c.change)}</strong>: <code>{c.id}</code></li>}</For>
        </ul>
      </Show>
      <div class="org-actions">
        <A class="button primary" href={orgHref('results', { survey: props.surveyId, version: props.version })}>{st('openResults')}</A>
        <button type="button" class="secondary" onClick={() => props.onNext()}>{st('nextVersion')}</button>
      </div>
    </section>
  );
}
