import { A, useLocation, useNavigate } from '@solidjs/router';
import { Match, Show, Switch, createMemo, createResource, lazy } from 'solid-js';
import { tx } from '../../i18n';
import { loadCached, loadDefinition, ready } from '../cache';
import { api, session } from '../state';
import { countText } from '../format';
import { createLiveResults, type LiveResults } from '../live';
import { PageError } from '../PageError';
import { orgHref, surveyIdParam } from '../paths';
import { ot } from '../strings';
import { CommentsView } from './Comments';
import { CompareView } from './Compare';
import { Exports } from './Exports';
import { Filters } from './Filters';
import { LiveBadge } from './LiveBadge';
import { OverallView } from './Overall';
import { readQuery, serverQuery, type ResultsQuery } from './query';
import { TrendView } from './TrendView';
import { WeightedToggle, WeightingNote } from './Weighting';

// The opinion map brings its own analysis code, so it loads only when its view is chosen.
const OpinionMap = lazy(() => import('../opinion/OpinionMap').then((m) => ({ default: m.OpinionMap })));

/** Whether the figures are live, how many responses they hold, and the way to the projector and management. */
function Headline(props: { surveyId: string; query: ResultsQuery; live: LiveResults; count: string }) {
  return (
    <div class="org-headline">
      <LiveBadge live={props.live} />
      <p class="org-count">
        {ot('responses')}: <strong data-testid="response-count">{props.count}</strong>
      </p>
      <A class="button secondary small" href={orgHref('projector', { survey: props.surveyId, version: props.query.version, wave: props.query.wave })}>
        {ot('projector')}
      </A>
      <Show when={session.can('editor')}>
        <A class="button secondary small" href={orgHref('manage', { survey: props.surveyId })}>
          {ot('manage')}
        </A>
      </Show>
    </div>
  );
}

/** `/organiser/results?survey=`: live results with filters, group comparison, wave trends, comments and exports. */
export function ResultsPage() {
  const id = surveyIdParam;
  const location = useLocation();
  const navigate = useNavigate();
  const query = createMemo(() => readQuery(location.search));
  const [overview] = createResource(id, (surveyId) => loadCached(`overview:${surveyId}`, () => api.overview(surveyId)));
  const info = () => ready(overview)?.value;
  const version = () => query().version ?? info()?.latestVersion;
  const [survey] = createResource(
    () => (version() === undefined ? undefined : ([id(), version()!] as const)),
    ([surveyId, v]) => loadDefinition(api, surveyId, v),
  );
  const live = createLiveResults(api, () => (version() === undefined ? undefined : { surveyId: id(), query: serverQuery(query(), version()!) }));
  const setQuery = (next: ResultsQuery) =>
    navigate(orgHref('results', { survey: id(), ...next, view: next.view === 'all' ? undefined : next.view, weighted: next.weighted ? 'true' : undefined }), { replace: true });
  const definition = () => ready(survey);
  const snapshot = () => {
    const s = live.snapshot();
    return s && s.version === version() ? s : undefined;
  };

  return (
    <div class="organiser-page">
      <p class="org-crumbs">
        <A href={orgHref('surveys')}>{ot('back')}</A>
      </p>
      <h1>
        {info() ? tx(info()!.title) : id()} · {ot('results')}
      </h1>
      <PageError error={overview.error ?? survey.error} />
      <Headline surveyId={id()} query={query()} live={live} count={snapshot() ? countText(snapshot()!.count) : '—'} />
      <Show when={info()}>
        {(o) => (
          <>
            <Filters overview={o()} survey={definition()} query={query()} version={version()!} onChange={setQuery} />
            <Show when={query().view !== 'map' && query().view !== 'comments'}>
              <WeightedToggle overview={o()} weighted={query().weighted === true} onChange={(weighted) => setQuery({ ...query(), weighted: weighted || undefined })} />
            </Show>
          </>
        )}
      </Show>
      <Show when={query().view !== 'map' && query().view !== 'comments' && snapshot()}>
        {(s) => <WeightingNote snapshot={s()} survey={definition()} groupsView={query().view === 'groups'} />}
      </Show>
      <Show when={query().view === 'map' && version()}>
        {(v) => <OpinionMap surveyId={id()} query={serverQuery(query(), v())} />}
      </Show>
      <Show when={query().view !== 'map' && definition() && snapshot()} fallback={<Show when={query().view !== 'map'}><p class="org-card org-note">{live.state() === 'connecting' ? ot('loading') : ot('noCache')}</p></Show>}>
        <Switch>
          <Match when={query().view === 'groups'}>
            <CompareView survey={definition()!} snapshot={snapshot()!} />
          </Match>
          <Match when={query().view === 'trend'}>
            <TrendView survey={definition()!} snapshot={snapshot()!} versions={info()?.versions.map((v) => v.version) ?? []} query={serverQuery(query(), version()!)} />
          </Match>
          <Match when={query().view === 'comments' && session.can('analyst') && info()}>
            {(o) => <CommentsView survey={definition()!} overview={o()} query={query()} refresh={snapshot()!.generatedAt} />}
          </Match>
          <Match when={true}>
            <OverallView survey={definition()!} snapshot={snapshot()!} commentsHref={(question) => orgHref('results', { survey: id(), ...query(), weighted: undefined, view: 'comments', question })} />
          </Match>
        </Switch>
      </Show>
      <Show when={session.can('analyst') && version()}>{(v) => <Exports surveyId={id()} version={v()} wave={query().wave} />}</Show>
    </div>
  );
}
