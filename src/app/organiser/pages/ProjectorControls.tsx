import { For, Show, createSignal, onCleanup } from 'solid-js';
import { waveName } from '../format';
import { JoinAddressNote } from '../JoinInfo';
import type { JoinAddress } from '../join';
import { ot, type OrganiserStringKey } from '../strings';
import type { WaveRow } from '../types';
import { waveState, type WaveState } from '../waves';

/** The projector's `wave` for every wave: `_` cannot occur in a wave's slug. */
export const ALL_WAVES = '_all';

const STATES: Record<WaveState, OrganiserStringKey> = { upcoming: 'notStarted', open: 'inProgress', closed: 'closed' };

type Props = {
  root: () => HTMLElement;
  waves: WaveRow[];
  /** The wave shown, or undefined for every wave. */
  wave: string | undefined;
  /** Where join links point, once the overview has said. */
  address: JoinAddress | undefined;
  onWave: (wave: string | undefined) => void;
  overview: boolean;
  onOverview: (on: boolean) => void;
  index: number;
  total: number;
  /** The shown question's number, as respondents see it. */
  number: string | undefined;
  onStep: (by: number) => void;
};

/** Which waves the screen shows: every wave, or one, each named with its state. */
function WaveSelect(props: Pick<Props, 'waves' | 'wave' | 'onWave'>) {
  const now = Date.now();
  const waves = () => (!props.wave || props.waves.some((w) => w.slug === props.wave) ? props.waves : [{ slug: props.wave, registered: false, count: 0 }, ...props.waves]);
  return (
    <div class="org-field">
      <label for="proj-wave">{ot('wave')}</label>
      <select id="proj-wave" onChange={(e) => props.onWave(e.currentTarget.value === ALL_WAVES ? undefined : e.currentTarget.value)}>
        <option value={ALL_WAVES} selected={!props.wave}>
          {ot('allWaves')}
        </option>
        <For each={waves()}>
          {(w) => (
            <option value={w.slug} selected={w.slug === props.wave}>
              {waveName(props.waves, w.slug)} · {ot(STATES[waveState(w, now)])}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

/**
 * The projector's controls, for the organiser's own screen: the waves shown, which
 * address the QR code carries, full screen, one question or all, previous and next.
 * Full screen hides them (Esc leaves it); the arrow keys keep working.
 */
export function ProjectorControls(props: Props) {
  const [full, setFull] = createSignal(!!document.fullscreenElement);
  const sync = () => setFull(!!document.fullscreenElement);
  document.addEventListener('fullscreenchange', sync);
  onCleanup(() => document.removeEventListener('fullscreenchange', sync));
  const toggleFull = () => (document.fullscreenElement ? document.exitFullscreen() : props.root().requestFullscreen()).catch(() => undefined);
  return (
    <div class="org-proj-controls">
      <div class="org-actions">
        <WaveSelect waves={props.waves} wave={props.wave} onWave={props.onWave} />
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
            {ot('question')} {props.number ?? '—'} ({Math.min(props.index + 1, props.total)}/{props.total})
          </span>
          <button type="button" class="secondary small" disabled={props.index >= props.total - 1} onClick={() => props.onStep(1)}>
            {ot('next')}
          </button>
        </Show>
      </div>
      <p class="org-note">{ot('projectorHelp')}</p>
      <Show when={props.address}>{(address) => <JoinAddressNote address={address()} />}</Show>
    </div>
  );
}
