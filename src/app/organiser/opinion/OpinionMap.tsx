import { Match, Show, Switch, createMemo, createResource, onCleanup, untrack } from 'solid-js';
import { mapAxes } from '../../../core/analysis/axes';
import type { OpinionMap as Map } from '../../../core/opinion-map';
import type { Survey } from '../../../core/survey';
import { locale } from '../../i18n';
import { loadDefinition, ready } from '../cache';
import { dateTime } from '../format';
import { PageError } from '../PageError';
import { api } from '../state';
import { ot } from '../strings';
import { CrossTable } from './CrossTable';
import { AxesMeaning } from './Axes';
import { ConsensusLists, GroupTraits } from './Lists';
import { namesFor, type Names } from './names';
import { loadMap, type MapRead } from './load';
import { Legend, Scatter } from './Scatter';
import { mt, people } from './strings';

type Shown = Extract<Map, { withheld: false }>;

// The map is recomputed on the server only when responses change, and an unchanged one
// comes back as a bodiless 304, so asking this often costs next to nothing.
const REFRESH_MS = 30_000;

/** The spoken summary of the map: how many respondents, how many groups, what sets each apart and their sizes. */
function labelOf(map: Shown, names: Names): string {
  const shown = map.groups.flatMap((g) => (g.withheld ? [] : [`${g.id + 1}. ${names.opinion(g.id)}: ${people(g.size)}`]));
  const head = mt('mapLabel').replace('{n}', String(map.participants)).replace('{k}', String(shown.length));
  return `${head}. ${shown.join(', ')}. ${mt('tablesBelow')}`;
}

function MapBody(props: { map: Shown; survey: Survey | undefined }) {
  const names = () => namesFor(props.survey, props.map);
  const axes = createMemo(() => mapAxes(props.map.model));
  return (
    <Switch>
      <Match when={props.map.model.positions.length === 0}>
        <p class="org-card org-note">{mt('noPositions')}</p>
      </Match>
      <Match when={props.map.points.length === 0}>
        <p class="org-card org-withheld">{ot('withheldNote')}</p>
      </Match>
      <Match when={true}>
        <figure class="org-card org-figure">
          <Scatter map={props.map} label={labelOf(props.map, names())} axes={axes()} number={names().number} />
          <figcaption>
            <Legend map={props.map} fewer={ot('fewerThan5')} name={names().opinion} />
            <p class="org-note">{mt('help')}</p>
            <Show when={props.map.pointSet.mode === 'sample'}>
              <p class="org-note">{mt('densityHelp').replace('{n}', String(props.map.pointSet.shown))}</p>
            </Show>
          </figcaption>
        </figure>
        <AxesMeaning axes={axes()} names={names()} />
        <GroupTraits map={props.map} names={names()} />
        <ConsensusLists map={props.map} names={names()} />
        <CrossTable map={props.map} survey={props.survey} names={names()} />
      </Match>
    </Switch>
  );
}

/**
 * The organiser's opinion map of one survey under the results query (version and
 * filters): the projection coloured by opinion group with their hulls, what sets each
 * group apart, the consensus and division lists and declared × found. Reads
 * GET /api/v1/surveys/:id/analysis itself (the session cookie goes with it), keeps its k
 * between updates, and shows the device's copy when offline.
 */
export function OpinionMap(props: { surveyId: string; query: Record<string, string> }) {
  // A string, so an equal query passed as a new object does not read the map again.
  const key = createMemo(() => JSON.stringify([props.surveyId, Object.entries(props.query).sort()]));
  let last: { key: string; read: MapRead } | undefined;
  const [data, { refetch }] = createResource(key, async (k) => {
    const request = untrack(() => ({ surveyId: props.surveyId, query: props.query }));
    const fetched = await loadMap({ ...request, previous: last?.key === k ? last.read : undefined });
    last = { key: k, read: fetched.value };
    return fetched;
  });
  const timer = setInterval(() => void refetch(), REFRESH_MS);
  onCleanup(() => clearInterval(timer));
  const map = () => ready(data)?.value.map;
  const shown = () => {
    const m = map();
    return m && !m.withheld ? m : undefined;
  };
  const [survey] = createResource(
    () => (map() ? ([props.surveyId, map()!.version] as const) : undefined),
    ([id, version]) => loadDefinition(api, id, version),
  );
  return (
    <section class="opinion-map" aria-labelledby="opm-title" lang={locale()}>
      <h2 id="opm-title">{mt('title')}</h2>
      <div class="org-actions">
        <button type="button" class="secondary small" onClick={() => void refetch()}>{mt('refresh')}</button>
        <Show when={ready(data)?.fresh === false && ready(data)}>
          {(d) => <span class="org-note">{mt('savedCopy')} · {dateTime(d().fetchedAt)}</span>}
        </Show>
      </div>
      <PageError error={data.error} />
      <Show when={map()} fallback={<p class="org-note">{data.loading ? ot('loading') : ''}</p>}>
        <Show when={shown()} fallback={<p class="org-card org-withheld">{ot('withheldNote')}</p>}>
          {(m) => <MapBody map={m()} survey={ready(survey)} />}
        </Show>
      </Show>
    </section>
  );
}
