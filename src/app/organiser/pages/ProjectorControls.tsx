import { For, Show, createSignal, onCleanup } from 'solid-js';
import { tx } from '../../i18n';
import { ot } from '../strings';
import type { WaveRow } from '../types';

type Props = {
  root: () => HTMLElement;
  waves: WaveRow[];
  wave: string;
  onWave: (wave: string) => void;
  overview: boolean;
  onOverview: (on: boolean) => void;
  index: number;
  total: number;
  onStep: (by: number) => void;
};

/** The projector's controls: the room's wave, full screen, one question or all, previous and next. */
export function ProjectorControls(props: Props) {
  const [full, setFull] = createSignal(!!document.fullscreenElement);
  const sync = () => setFull(!!document.fullscreenElement);
  document.addEventListener('fullscreenchange', sync);
  onCleanup(() => document.removeEventListener('fullscreenchange', sync));
  const toggleFull = () => (document.fullscreenElement ? document.exitFullscreen() : props.root().requestFullscreen()).catch(() => undefined);
  const waves = () => (props.waves.some((w) => w.slug === props.wave) ? props.waves : [{ slug: props.wave, registered: false, count: 0 }, ...props.waves]);
  return (
    <div class="org-proj-controls">
      <div class="org-field">
        <label for="proj-wave">{ot('wave')}</label>
        <select id="proj-wave" onChange={(e) => props.onWave(e.currentTarget.value)}>
          <For each={waves()}>
            {(w) => (
              <option value={w.slug} selected={w.slug === props.wave}>
                {w.label ? tx(w.label) : w.slug}
              </option>
            )}
          </For>
        </select>
      </div>
      <button type="button" class="secondary small" onClick={() => void toggleFull()}>
        {full() ? ot('exitFullScreen') : ot('fullScreen')}
      </button>
      <button type="button" class="secondary small" aria-pressed={props.overview} onClick={() => props.onOverview(!props.overview)}>
        {ot('overview')}
      </button>
      <Show when={!props.overview}>
        <button type="button" class="secondary small" disabled={props.index === 0} onClick={() => props.onStep(-1)}>
          {ot('previous')}
        </button>
        <span class="org-proj-pos" aria-live="polite">
          {ot('question')} {Math.min(props.index + 1, props.total)} / {props.total}
        </span>
        <button type="button" class="secondary small" disabled={props.index >= props.total - 1} onClick={() => props.onStep(1)}>
          {ot('next')}
        </button>
        <span class="org-note">{ot('projectorHelp')}</span>
      </Show>
    </div>
  );
}
