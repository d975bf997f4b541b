import { For, Show, createResource, createSignal } from 'solid-js';
import { tx } from '../../i18n';
import { A } from '@solidjs/router';
import { loadCached, loadDefinition, ready } from '../cache';
import { joinAddress } from '../join';
import { PageError } from '../PageError';
import { orgHref, surveyIdParam } from '../paths';
import { api } from '../state';
import { ot } from '../strings';
import type { Overview } from '../types';
import { waveName } from '../format';
import { DeleteResponse } from './DeleteResponse';
import { DeleteTestWave } from './DeleteTestWave';
import { JoinPanel } from './JoinPanel';
import { WaveForm } from './WaveForm';
import { WaveTable } from './WaveTable';
import { WeightingCard, groupsOf } from './WeightingForm';

function Versions(props: { overview: Overview }) {
  return (
    <section class="org-card" aria-labelledby="versions-title">
      <h2 id="versions-title">{ot('versions')}</h2>
      <ul>
        <For each={props.overview.versions}>
          {(v) => (
            <li>
              v{v.version}: {tx(v.title)} · {v.count} {ot('responses')} ·{' '}
              <A href={orgHref('preview', { survey: props.overview.id, version: v.version })}>
                {ot('preview')} v{v.version}
              </A>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

/** Brings a panel that just opened into view. */
const reveal = (id: string) => queueMicrotask(() => document.getElementById(id)?.scrollIntoView({ block: 'nearest' }));

/** `/organiser/manage?survey=`: versions, the weighting, waves (register, join code and QR, close, delete a test wave's responses) and single deletions. */
export function ManagePage() {
  const id = surveyIdParam;
  const [overview, { refetch }] = createResource(id, (surveyId) => loadCached(`overview:${surveyId}`, () => api.overview(surveyId)));
  const info = () => ready(overview)?.value;
  // The latest version's groups: what quotas and weighting are set for.
  const [survey] = createResource(() => info() && ([info()!.id, info()!.latestVersion] as const), ([surveyId, v]) => loadDefinition(api, surveyId, v));
  const groups = () => (survey() ? groupsOf(survey()!) : []);
  const groupLabel = (group: string) => groups().find((g) => g.id === group)?.label ?? group;
  const [joining, setJoining] = createSignal<string>();
  const [deleting, setDeleting] = createSignal<string>();
  const wave = (slug: string | undefined) => info()?.waves.find((w) => w.slug === slug);
  const showJoin = (slug: string) => {
    setJoining(slug);
    reveal('join-title');
  };
  return (
    <div class="organiser-page">
      <p class="org-crumbs">
        <A href={orgHref('surveys')}>{ot('back')}</A>
      </p>
      <h1>
        {info() ? tx(info()!.title) : id()} · {ot('manage')}
      </h1>
      <PageError error={overview.error} />
      <Show when={info()}>
        {(o) => (
          <>
            <div class="org-actions">
              <A class="button primary small" href={orgHref('results', { survey: id() })}>
                {ot('results')}
              </A>
              <A class="button secondary small" href={orgHref('new', { from: id() })}>
                {ot('addSurvey')}
              </A>
            </div>
            <Versions overview={o()} />
            <WeightingCard overview={o()} groups={survey() && groups()} onChange={() => void refetch()} />
            <section class="org-card" aria-labelledby="waves-title">
              <h2 id="waves-title">{ot('waves')}</h2>
              <div class="org-scroll">
                <WaveTable
                  surveyId={id()}
                  waves={o().waves}
                  groupLabel={groupLabel}
                  onJoin={showJoin}
                  onDelete={(slug) => {
                    setDeleting(slug);
                    reveal('delete-wave-title');
                  }}
                  onChange={() => void refetch()}
                />
              </div>
            </section>
            <Show when={wave(deleting())}>
              {(w) => <DeleteTestWave surveyId={id()} wave={w()} label={waveName(o().waves, w().slug)} onDone={() => void refetch()} onCancel={() => setDeleting(undefined)} />}
            </Show>
            <Show when={joining()}>
              {(slug) => <JoinPanel address={joinAddress(o())} surveyId={id()} wave={wave(slug()) ?? { slug: slug(), registered: false, count: 0 }} label={waveName(o().waves, slug())} />}
            </Show>
          </>
        )}
      </Show>
      <WaveForm
        surveyId={id()}
        groups={groups()}
        onRegistered={(slug) => {
          void refetch();
          showJoin(slug);
        }}
      />
      <DeleteResponse surveyId={id()} onDone={() => void refetch()} />
    </div>
  );
}
