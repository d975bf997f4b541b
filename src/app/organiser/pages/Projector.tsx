import { useLocation, useNavigate } from '@solidjs/router';
import { For, Show, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { questionNumbers } from '../../../core/numbering';
import { allQuestions } from '../../../core/survey';
import { locale, tx } from '../../i18n';
import { loadCached, loadDefinition, ready } from '../cache';
import { countText } from '../format';
import { joinAddress, joinLink } from '../join';
import { createLiveResults } from '../live';
import { orgHref, surveyIdParam } from '../paths';
import { QuestionCard, SegmentQuestion } from '../results/QuestionResult';
import { api } from '../state';
import { ot } from '../strings';
import type { WaveRow } from '../types';
import { currentWave } from '../waves';
import { JoinStrip } from './JoinStrip';
import { ALL_WAVES, ProjectorControls } from './ProjectorControls';

/**
 * The waves the room shows: `_all` in the address means every wave, a slug that wave;
 * with neither, the wave running now, else every wave (never one that has not started).
 */
function roomWave(asked: string | null, waves: WaveRow[], now: number): string | undefined {
  if (asked === ALL_WAVES) return undefined;
  return asked || currentWave(waves, now)?.slug;
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

/**
 * `/organiser/projector?survey=&wave=`: for the screen in the hall. The QR code with the
 * join code beside it, the live count, and the results one question at a time (arrow
 * keys) or all at once, in type big enough for the back row. The controls are for the
 * organiser's laptop and hide in full screen.
 */
export function ProjectorPage() {
  const id = surveyIdParam;
  const location = useLocation();
  const navigate = useNavigate();
  const [overview] = createResource(id, (surveyId) => loadCached(`overview:${surveyId}`, () => api.overview(surveyId)));
  const info = () => ready(overview)?.value;
  const params = () => new URLSearchParams(location.search);
  const version = () => Number(params().get('version')) || info()?.latestVersion;
  const wave = createMemo(() => (info() ? roomWave(params().get('wave'), info()!.waves, Date.now()) : undefined));
  // With every wave shown, phones still join the session running now, if there is one.
  const joining = createMemo(() => {
    const waves = info()?.waves ?? [];
    const slug = wave();
    return slug ? (waves.find((w) => w.slug === slug) ?? { slug, registered: false, count: 0 }) : currentWave(waves, Date.now());
  });
  const [survey] = createResource(() => (version() ? ([id(), version()!] as const) : undefined), ([s, v]) => loadDefinition(api, s, v));
  const live = createLiveResults(api, () =>
    version() && info() ? { surveyId: id(), query: { version: String(version()), ...(wave() ? { wave: wave()! } : {}) } } : undefined,
  );
  const questions = () => allQuestions(ready(survey) ?? { sections: [] }).filter((q) => q.kind !== 'text');
  const numbers = createMemo(() => questionNumbers(ready(survey) ?? { sections: [] }));
  const [index, setIndex] = createSignal(0);
  const [overviewMode, setOverviewMode] = createSignal(false);
  const step = (by: number) => setIndex((i) => Math.max(0, Math.min(questions().length - 1, i + by)));
  // No address before the overview says which one the server chose: a QR code drawn from
  // this page's origin first and swapped a moment later could send an early phone astray.
  const address = () => (info() ? joinAddress(info()) : undefined);
  const link = () => joinLink(address()!, id(), joining());
  const shown = () => (overviewMode() ? questions() : questions().slice(index(), index() + 1));
  let root!: HTMLDivElement;

  listenForArrows(step, overviewMode);

  return (
    <div class="organiser-page org-projector" ref={root} lang={locale()}>
      <ProjectorControls
        root={() => root}
        waves={info()?.waves ?? []}
        wave={wave()}
        address={address()}
        onWave={(w) => navigate(orgHref('projector', { survey: id(), version: version(), wave: w ?? ALL_WAVES }), { replace: true })}
        overview={overviewMode()}
        onOverview={setOverviewMode}
        index={index()}
        total={questions().length}
        number={numbers().get(questions()[index()]?.id ?? '')}
        onStep={step}
      />
      <Show when={info()} fallback={<p class="org-note">{ot('loading')}</p>}>
        <JoinStrip title={tx(info()!.title)} link={link()} code={joining()?.code} count={live.snapshot() ? countText(live.snapshot()!.count) : '—'} live={live} />
      </Show>
      <div class="org-proj-stage" classList={{ 'org-proj-grid': overviewMode() }}>
        <Show when={live.snapshot()} fallback={<p class="org-note">{ot('loading')}</p>}>
          {(s) => (
            <For each={shown()}>
              {(question) => (
                <QuestionCard question={question} number={numbers().get(question.id) ?? ''}>
                  <SegmentQuestion question={question} segment={s().overall} />
                </QuestionCard>
              )}
            </For>
          )}
        </Show>
      </div>
    </div>
  );
}
