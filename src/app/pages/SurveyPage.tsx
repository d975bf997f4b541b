import { useLocation, type RouteSectionProps } from '@solidjs/router';
import { Match, Show, Switch, createResource, createSignal, lazy, onMount } from 'solid-js';
import type { Client, Draft, Held } from '../../client';
import type { Survey } from '../../core/survey';
import { t } from '../i18n';
import { afterFirstScreen } from '../first-screen';
import { getClient } from '../stores/client';
import type { MissingReason } from '../stores/fetch-survey';
import { fieldSettings, type FieldSettings } from '../stores/field';
import { loadSurvey } from '../stores/surveys';
import { visitFromQuery, type Visit } from '../stores/visit';
import { ErrorPage } from './ErrorPage';
import { variant } from '../variant';
import { Notice, NoticeExtras, hasExtras } from './Notice';

// Everything after the notice (the questions, review and thank-you, and the survey store
// that drives them) is its own chunk, precached for offline: the first load carries just
// what the notice needs, and the rest loads while the respondent reads it.
const Respond = lazy(() => import('./Respond').then((m) => ({ default: m.Respond })));
const SurveyMissing = lazy(() => import('./SurveyMissing').then((m) => ({ default: m.SurveyMissing })));

/** A survey opened on this device: its draft (or an older version's draft to decide about), the visit, and an earlier answer from here. */
export type Opened = { client: Client; survey: Survey; draft?: Draft; older?: Draft; device: string; field: FieldSettings; visit: Visit; held?: Held };

type Opening = Opened | { missing: MissingReason } | { broken: string };

/** The survey from the device, else from the server; when neither has it, why (`MissingReason`). */
async function surveyFor(client: Client, id: string) {
  const stored = await loadSurvey(client, id);
  return stored ?? (await import('../stores/fetch-survey')).fetchSurvey(client, id);
}

async function open(id: string, search: string): Promise<Opening> {
  const client = await getClient();
  const [loaded, field] = await Promise.all([surveyFor(client, id), fieldSettings(client)]);
  if (typeof loaded === 'string') return { missing: loaded };
  if (!loaded.ok) return { broken: loaded.detail };
  const visit = visitFromQuery(search, field.enabled);
  // A field device answers for many people; on anyone else's, an earlier answer in this wave is worth saying.
  const [draft, device, held] = await Promise.all([client.loadDraft(id), client.deviceId(), field.enabled ? [] : client.heldResponses(id)]);
  const opened: Opened = { client, survey: loaded.survey, device, field, visit, held: held.find((h) => h.wave === visit.wave) };
  // Loaded before the notice renders, so what it adds does not push the notice down afterwards.
  if (hasExtras(opened)) await NoticeExtras.preload();
  // A draft opens straight on its questions: fetch them now rather than after a blank screen.
  if (draft) await Respond.preload();
  if (draft && draft.surveyVersion !== loaded.survey.version) return { ...opened, older: draft };
  return { ...opened, draft };
}

/** `/s/:surveyId`: the notice, then the questions; or why the survey cannot be opened. */
export function SurveyPage(props: RouteSectionProps) {
  const search = useLocation().search;
  const [opening, { refetch }] = createResource(() => props.params.surveyId, (id) => open(id, search));
  const has = <K extends string>(key: K) => variant(opening.latest, key);
  return (
    <Switch fallback={<p class="loading">{t('loading')}</p>}>
      <Match when={has('missing')}>{(m) => <SurveyMissing id={props.params.surveyId ?? ''} reason={m().missing} onRetry={refetch} />}</Match>
      <Match when={has('broken')}>{(b) => <ErrorPage detail={b().broken} />}</Match>
      <Match when={has('survey')}>{(opened) => <Begin opened={opened()} />}</Match>
    </Switch>
  );
}

/** The notice first; once started, or with a draft to resume, the questions. */
function Begin(props: { opened: Opened }) {
  const resuming = props.opened.draft !== undefined || props.opened.older !== undefined;
  const [started, setStarted] = createSignal(resuming);
  // Fetched after the notice has painted, so it is not on the first screen's critical path:
  // the store's chunk and the first question screen's, so Start waits for neither.
  onMount(() => afterFirstScreen(() => void Promise.all([Respond.preload(), import('./SectionView')])));
  // The notice stays until the questions' chunk is here, so Start never shows a blank screen.
  const start = async () => {
    await Respond.preload();
    setStarted(true);
  };
  return (
    <Show when={started()} fallback={<Notice opened={props.opened} onStart={() => void start()} />}>
      <Respond opened={props.opened} startNow={!resuming} />
    </Show>
  );
}
