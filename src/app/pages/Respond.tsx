import { Match, Show, Switch, createSignal, lazy, onCleanup } from 'solid-js';
import { persistStorage } from '../../client/storage';
import { ProgressBar } from '../components/ProgressBar';
import { onBeforeReload } from '../flush';
import { locale, t } from '../i18n';
import { createSurveyStore, type Respondent, type SurveyStore } from '../stores/survey-store';
import { syncSoon } from '../stores/sync';
import { Notice } from './Notice';
import { FieldBar } from './NoticeExtras';
import type { Opened } from './SurveyPage';

// The section screen is fetched as soon as this chunk runs; the rest when first needed (all precached).
const loadSectionView = () => import('./SectionView').then((m) => ({ default: m.SectionView }));
const SectionView = lazy(loadSectionView);
const Review = lazy(() => import('./Review').then((m) => ({ default: m.Review })));
const ThankYou = lazy(() => import('./ThankYou').then((m) => ({ default: m.ThankYou })));
const OlderDraft = lazy(() => import('./OlderDraft').then((m) => ({ default: m.OlderDraft })));

/** Who answers: the visit's wave and channel, or on a field device the field channel and its collector. */
function respondentOf(opened: Opened): Respondent {
  const { visit, field } = opened;
  return field.enabled ? { wave: visit.wave, channel: 'field', collector: field.collector } : { wave: visit.wave, channel: visit.channel };
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

/** One respondent's way through the survey: sections, review, thank-you (or, on a field device, the next respondent's notice). */
export function Respond(props: { opened: Opened; startNow: boolean }) {
  const store = createSurveyStore(props.opened.survey, props.opened.client, respondentOf(props.opened), props.opened.draft);
  registerFlush(store);
  void loadSectionView();
  if (props.startNow) store.start(locale());
  const [older, setOlder] = createSignal(props.opened.older);
  return (
    <Show when={!older()} fallback={<OlderDraft opened={props.opened} store={store} onDone={() => setOlder(undefined)} />}>
      <Show when={props.opened.field.enabled && store.draft()}>
        <FieldBar collector={props.opened.field.collector} />
      </Show>
      <Flow store={store} opened={props.opened} />
    </Show>
  );
}

function Flow(props: { store: SurveyStore; opened: Opened }) {
  const submit = async () => {
    const ok = await props.store.submit(props.opened.device, locale());
    if (!ok) {
      document.querySelector<HTMLElement>('.error')?.focus();
      return;
    }
    // The next screen (thank-you, or the next respondent's notice) starts at its top.
    window.scrollTo({ top: 0 });
    // Only now is the response in the outbox: ask the browser to keep our data, then send it.
    void persistStorage();
    void syncSoon();
  };
  return (
    <Switch>
      <Match when={props.store.submitted() && !props.opened.field.enabled}>
        <ThankYou survey={props.store.survey} response={props.store.submitted()!} client={props.opened.client} />
      </Match>
      <Match when={!props.store.draft()}>
        <Show when={props.store.submitted()}>
          <p class="saved-toast" role="status" tabIndex={-1} ref={(el) => queueMicrotask(() => el.focus())}>{t('savedOnDevice')}</p>
        </Show>
        <Notice opened={props.opened} onStart={() => props.store.start(locale())} />
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
