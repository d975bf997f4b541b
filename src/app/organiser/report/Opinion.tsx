import { Show, createResource } from 'solid-js';
import type { Survey } from '../../../core/survey';
import { ready } from '../cache';
import { ConsensusLists } from '../opinion/Lists';
import { namesFor } from '../opinion/names';
import { loadMap } from '../opinion/load';
import { PageError } from '../PageError';
import { rt } from './strings';

/**
 * The opinion map's summary for print: the positions most groups agree on and those that
 * divide them, from the same analysis the results page maps (the scatter itself stays on
 * screen, where it can be explored).
 */
export function OpinionSummary(props: { survey: Survey; query: Record<string, string> }) {
  const [data] = createResource(
    () => JSON.stringify([props.survey.id, props.query]),
    () => loadMap({ surveyId: props.survey.id, query: props.query }),
  );
  const map = () => ready(data)?.value.map;
  const shown = () => {
    const m = map();
    return m && !m.withheld ? m : undefined;
  };
  return (
    <section class="rp-section rp-keep" aria-labelledby="rp-opinion">
      <h2 id="rp-opinion">{rt('opinion')}</h2>
      <PageError error={data.error} />
      <Show when={map()} fallback={<p class="org-note">{data.loading ? rt('loadingReport') : ''}</p>}>
        <Show when={shown()} fallback={<p class="org-withheld">{rt('opinionWithheld')}</p>}>
          {(m) => <ConsensusLists map={m()} names={namesFor(props.survey, m())} />}
        </Show>
      </Show>
    </section>
  );
}
