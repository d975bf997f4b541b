import { useLocation, type RouteSectionProps } from '@solidjs/router';
import { Match, Show, Switch, createResource, createSignal, lazy, onCleanup, onMount } from 'solid-js';
import type { Client, Draft } from '../../client';
import type { Survey } from '../../core/survey';
import { persistStorage } from '../../client/storage';
import { ProgressBar } from '../components/ProgressBar';
import { startSync, syncSoon } from '../stores/sync';
import { onBeforeReload } from '../flush';
import { locale, t } from '../i18n';
import { getClient } from '../stores/client';
import { fieldSettings } from '../stores/field';
import { createSurveyStore, type SurveyStore } from '../stores/survey-store';
import { loadSurvey } from '../stores/surveys';
import { visitFromQuery } from '../stores/visit';
import { ErrorPage } from './ErrorPage';
import { Notice } from './Notice';

// Screens after the notice are their own chunks (precached for offline), so the first load
// carries just what the notice needs; the questions load while the respondent reads it.
const loadSectionView = () => import('./SectionView').then((m) => ({ default: m.SectionView }));
const SectionView = lazy(loadSectionView);
const Review = lazy(() => import('./Review').then((m) => ({ default: m.Review })));
const ThankYou = lazy(() => import('./ThankYou').then((m) => ({ default: m.ThankYou })));
const OlderDraft = lazy(() => import('./OlderDraft').then((m) => ({ default: m.OlderDraft })));

/** A survey opened on this device, with its draft (or an older version's draft to decide about). */
export type Opened = { client: Client; survey: Survey; draft?: Draft; older?: Draft; device: string; field: boolean; collector?: string };

/**
 * A link to a survey this device has not seen (one an organiser added, opened from a QR
 * code on a first visit): fetch the server's surveys now rather than waiting for the
 * background refresh, then look again. Offline, it is simply still not here.
 */
async function fetchSurvey(client: Client, id: string) {
  await (await startSync()).refreshSurveys();
  return loadSurvey(client, id);
}

async function open(id: string): Promise<Opened | { error: string; title?: string }> {
  const client = await getClient();
  const loaded = (await loadSurvey(client, id)) ?? (await fetchSurvey(client, id));
  if (!loaded) return { error: id, title: t('notFound') };
  if (!loaded.ok) return { error: loaded.detail };
  const [draft, device, field] = await Promise.all([client.loadDraft(id), client.deviceId(), fieldSettings(client)]);
  const base = { client, survey: loaded.survey, device, field: field.enabled, collector: field.collector };
  if (draft && draft.surveyVersion !== loaded.survey.version) return { ...base, older: draft };
  return { ...base, draft };
}

/** `/s/:surveyId`: the notice, one section per screen, the review and the thank-you. */
export function SurveyPage(props: RouteSectionProps) {
  const search = useLocation().search;
  const [opened] = createResource(() => props.params.surveyId, (id) => open(id));
  return (
    <Show when={opened()} fallback={<p class="loading">{t('loading')}</p>}>
      {(result) => (
        <Switch>
          <Match when={'error' in result() && result()}>{(e) => <ErrorPage title={(e() as { title?: string }).title} detail={(e() as { error: string }).error} />}</Match>
          <Match when={!('error' in result()) && (result() as Opened)}>{(o) => <Respond opened={o()} search={search} />}</Match>
        </Switch>
      )}
    </Show>
  );
}

function Respond(props: { opened: Opened; search: string }) {
  const visit = visitFromQuery(props.search);
  const respondent = props.opened.field
    ? { wave: visit.wave, channel: 'field' as const, collector: props.opened.collector }
    : visit;
  const store = createSurveyStore(props.opened.survey, props.opened.client, respondent, props.opened.draft);
  registerFlush(store);
  // Fetched after the notice has painted, so it is not on the first screen's critical path.
  onMount(() => requestAnimationFrame(() => setTimeout(() => void loadSectionView(), 0)));
  const [older, setOlder] = createSignal(props.opened.older);
  return (
    <Show when={!older()} fallback={<OlderDraft opened={props.opened} store={store} onDone={() => setOlder(undefined)} />}>
      <Flow store={store} opened={props.opened} />
    </Show>
  );
}

/** Drafts are flushed when the page may be frozen or killed next: hidden or unloading. */
function registerFlush(store: SurveyStore) {
  const flush = () => void store.flush();
  const onVisibility = () => document.visibilityState === 'hidden' && flush();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  const unregister = onBeforeReload(() => store.flush());
  onCleanup(() => {
    unregister();
    flush();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  });
}

function Flow(props: { store: SurveyStore; opened: Opened }) {
  const submit = async () => {
    const ok = await props.store.submit(props.opened.device, locale());
    if (!ok) {
      document.querySelector<HTMLElement>('.error')?.focus();
      return;
    }
    // Only now is the response in the outbox: ask the browser to keep our data, then send it.
    void persistStorage();
    void syncSoon();
  };
  return (
    <Switch>
      <Match when={props.store.submitted() && !props.opened.field}>
        <ThankYou survey={props.store.survey} response={props.store.submitted()!} />
      </Match>
      <Match when={!props.store.draft()}>
        <Show when={props.store.submitted()}>
          <p class="saved-toast" role="status">{t('savedOnDevice')}</p>
        </Show>
        <Notice survey={props.store.survey} onStart={() => props.store.start(locale())} />
      </Match>
      <Match when={props.store.step() === props.store.reviewStep()}>
        <ProgressBar step={props.store.step()} total={props.store.reviewStep()} />
        <Review store={props.store} onSubmit={submit} />
      </Match>
      <Match when={true}>
        <ProgressBar step={props.store.step()} total={props.store.reviewStep()} />
        <SectionView store={props.store} />
      </Match>
    </Switch>
  );
}
