import { useLocation, useNavigate } from '@solidjs/router';
import { For, Show, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { allQuestions } from '../../../core/survey';
import { DEFAULT_WAVE } from '../../../core/vocabulary';
import { locale, tx } from '../../i18n';
import { loadCached, loadDefinition, ready } from '../cache';
import { api } from '../state';
import { countText } from '../format';
import { joinLink, publicBase, shortLink } from '../join';
import { createLiveResults, type LiveResults } from '../live';
import { orgHref, surveyIdParam } from '../paths';
import { QrCode } from '../Qr';
import { LiveBadge } from '../results/LiveBadge';
import { QuestionCard, SegmentQuestion } from '../results/QuestionResult';
import { ot } from '../strings';
import type { Overview } from '../types';
import { ProjectorControls } from './ProjectorControls';

/** The wave the room joins: the one in the address, else the newest open registered wave, else the default. */
function roomWave(search: string, overview: Overview | undefined): string {
  const asked = new URLSearchParams(search).get('wave');
  if (asked) return asked;
  const open = overview?.waves.filter((w) => w.registered && !w.closesAt).sort((a, b) => (b.startsAt ?? '').localeCompare(a.startsAt ?? ''));
  return open?.[0]?.slug ?? DEFAULT_WAVE;
}

/**
 * Arrow keys (and the Page keys a presentation clicker sends) move between questions,
 * except while a form control has focus or the overview is shown.
 */
function listenForArrows(step: (by: number) => void, paused: () => boolean): void {
  const onKey = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement || paused()) return;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') step(1);
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') step(-1);
    else return;
    event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
}

/** The join side of the screen: the QR code, the link to type, how many answered, whether it is live. */
function JoinAside(props: { link: string; count: string; live: LiveResults }) {
  return (
    <aside class="org-proj-join" aria-label={ot('joinLink')}>
      <p class="org-proj-scan">{ot('scanToJoin')}</p>
      <QrCode text={props.link} label={`${ot('qrFor')} ${props.link}`} class="org-proj-qr" />
      <p class="org-proj-link">{shortLink(props.link)}</p>
      <p class="org-proj-count">
        <strong data-testid="projector-count">{props.count}</strong> {ot('responsesSoFar')}
      </p>
      <LiveBadge live={props.live} />
    </aside>
  );
}

/**
 * `/organiser/projector?survey=&wave=`: for the screen in the hall. The QR code and short link to
 * join, the live response count, and the results one question at a time (arrow keys) or
 * all at once, in type big enough for the back row.
 */
export function ProjectorPage() {
  const id = surveyIdParam;
  const location = useLocation();
  const navigate = useNavigate();
  const [overview] = createResource(id, (surveyId) => loadCached(`overview:${surveyId}`, () => api.overview(surveyId)));
  const info = () => ready(overview)?.value;
  const version = () => Number(new URLSearchParams(location.search).get('version')) || info()?.latestVersion;
  const wave = createMemo(() => roomWave(location.search, info()));
  const [survey] = createResource(() => (version() ? ([id(), version()!] as const) : undefined), ([s, v]) => loadDefinition(api, s, v));
  const live = createLiveResults(api, () => (version() ? { surveyId: id(), query: { version: String(version()), wave: wave() } } : undefined));
  const questions = () => allQuestions(ready(survey) ?? { sections: [] }).filter((q) => q.kind !== 'text');
  const [index, setIndex] = createSignal(0);
  const [overviewMode, setOverviewMode] = createSignal(false);
  const step = (by: number) => setIndex((i) => Math.max(0, Math.min(questions().length - 1, i + by)));
  const link = () => joinLink(publicBase(info()), id(), wave());
  const snapshot = () => live.snapshot();
  let root!: HTMLDivElement;

  listenForArrows(step, overviewMode);

  return (
    <div class="organiser-page org-projector" ref={root} lang={locale()}>
      <h1>{info() ? tx(info()!.title) : id()}</h1>
      <ProjectorControls
        root={() => root}
        waves={info()?.waves ?? []}
        wave={wave()}
        onWave={(w) => navigate(orgHref('projector', { survey: id(), version: version(), wave: w }), { replace: true })}
        overview={overviewMode()}
        onOverview={setOverviewMode}
        index={index()}
        total={questions().length}
        onStep={step}
      />
      <div class="org-proj-main">
        <JoinAside link={link()} count={snapshot() ? countText(snapshot()!.count) : '—'} live={live} />
        <div class="org-proj-stage" classList={{ 'org-proj-grid': overviewMode() }}>
          <Show when={snapshot()} fallback={<p class="org-note">{ot('loading')}</p>}>
            {(s) => (
              <For each={overviewMode() ? questions() : questions().slice(index(), index() + 1)}>
                {(question) => (
                  <QuestionCard question={question} number={allQuestions(ready(survey)!).indexOf(question) + 1}>
                    <SegmentQuestion question={question} segment={s().overall} />
                  </QuestionCard>
                )}
              </For>
            )}
          </Show>
        </div>
      </div>
    </div>
  );
}
