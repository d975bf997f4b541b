import type { WaveRow } from './types';

/** Where a wave stands: not started yet, taking responses, or closed. */
export type WaveState = 'upcoming' | 'open' | 'closed';

/** A wave's state at `now` (ms): closed once its close has passed, upcoming until its start. */
export function waveState(wave: Pick<WaveRow, 'startsAt' | 'closesAt'>, now: number): WaveState {
  if (wave.closesAt && Date.parse(wave.closesAt) <= now) return 'closed';
  if (wave.startsAt && Date.parse(wave.startsAt) > now) return 'upcoming';
  return 'open';
}

/**
 * The wave a room is in at `now`: of the registered waves that have started and not
 * closed, the one that started last. None when no session is running, and then the
 * projector shows every wave rather than one that has not begun.
 */
export function currentWave(waves: WaveRow[], now: number): WaveRow | undefined {
  return waves
    .filter((w) => w.registered && waveState(w, now) === 'open')
    .sort((a, b) => (b.startsAt ?? '').localeCompare(a.startsAt ?? ''))[0];
}
