import { CHANNELS, DEFAULT_WAVE, WAVE_PATTERN, type Channel } from '../../core/vocabulary';

const KEY = 'stance.visit';

/** Where this visit came from: the wave and channel of the join link. */
export type Visit = { wave: string; channel: Channel };

function stored(): Partial<Visit> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<Visit>;
  } catch {
    return {};
  }
}

/**
 * Reads the wave and channel from a link's query and keeps them for the rest of the
 * visit, so moving between pages (or reloading without the query) keeps them.
 */
export function visitFromQuery(search: string): Visit {
  const query = new URLSearchParams(search);
  const saved = stored();
  const waveParam = query.get('wave');
  const channelParam = query.get('channel');
  const wave = waveParam && WAVE_PATTERN.test(waveParam) ? waveParam : saved.wave ?? DEFAULT_WAVE;
  const channel = (CHANNELS as readonly string[]).includes(channelParam ?? '') ? (channelParam as Channel) : saved.channel ?? 'web';
  const visit = { wave, channel };
  sessionStorage.setItem(KEY, JSON.stringify(visit));
  return visit;
}
