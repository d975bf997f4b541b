import type { LocalizedText } from '../../core/survey';
import { CHANNELS, DEFAULT_WAVE, WAVE_PATTERN, type Channel } from '../../core/vocabulary';

const KEY = 'stance.visit';

/** The registered wave a join code opened: what the respondent screens say about it. */
export type JoinedWave = { code: string; wave: string; label: LocalizedText; oneResponsePerDevice: boolean };

/** Something a link asked for that the app could not take as given, to tell the respondent. */
export type VisitNote =
  | { kind: 'wave-changed'; given: string; wave: string }
  | { kind: 'wave-unusable'; given: string; wave: string }
  | { kind: 'channel-unknown'; given: string; channel: Channel }
  | { kind: 'field-needs-mode' };

/** Where this visit came from: the wave and channel of the link (or join code), and what was changed. */
export type Visit = { wave: string; channel: Channel; join?: JoinedWave; notes: VisitNote[] };

/** What is kept for the rest of the visit, so moving between pages or reloading keeps it. */
type Kept = Pick<Visit, 'wave' | 'channel' | 'join'>;

/** A wave slug from what a link says: lower case, spaces and underscores as hyphens; undefined when nothing usable is left. */
export function normaliseWave(raw: string): string | undefined {
  const slug = raw.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  return WAVE_PATTERN.test(slug) ? slug : undefined;
}

function waveOf(given: string | null, kept: Partial<Kept>, notes: VisitNote[]): string {
  const raw = given?.trim() ?? '';
  if (raw === '') return kept.wave ?? DEFAULT_WAVE;
  const wave = normaliseWave(raw);
  if (wave === undefined) notes.push({ kind: 'wave-unusable', given: raw, wave: DEFAULT_WAVE });
  else if (wave !== raw) notes.push({ kind: 'wave-changed', given: raw, wave });
  return wave ?? DEFAULT_WAVE;
}

function channelOf(given: string | null, kept: Partial<Kept>, notes: VisitNote[]): Channel {
  const raw = given?.trim() ?? '';
  if (raw === '') return kept.channel ?? 'web';
  const channel = (CHANNELS as readonly string[]).find((c) => c === raw.toLowerCase()) as Channel | undefined;
  if (!channel) notes.push({ kind: 'channel-unknown', given: raw, channel: 'web' });
  return channel ?? 'web';
}

/**
 * The visit a link describes: its `wave` and `channel` normalised where they can be (case,
 * spaces to hyphens), else the defaults with a note saying so; an empty value is simply
 * absent. A `field` channel needs field mode: a plain phone following a field link must not
 * pass as a researcher's interview, so it counts as web and says so.
 */
export function readVisit(search: string, kept: Partial<Kept>, fieldMode: boolean): Visit {
  const query = new URLSearchParams(search);
  const notes: VisitNote[] = [];
  const wave = waveOf(query.get('wave'), kept, notes);
  let channel = channelOf(query.get('channel'), kept, notes);
  if (channel === 'field' && !fieldMode) {
    notes.push({ kind: 'field-needs-mode' });
    channel = 'web';
  }
  const join = kept.join?.wave === wave ? kept.join : undefined;
  return { wave, channel, ...(join ? { join } : {}), notes };
}

function kept(): Partial<Kept> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<Kept>;
  } catch {
    return {};
  }
}

/** Keeps a visit's wave, channel and join code for the rest of the tab's visit. */
export function keepVisit(visit: Kept): void {
  sessionStorage.setItem(KEY, JSON.stringify({ wave: visit.wave, channel: visit.channel, ...(visit.join ? { join: visit.join } : {}) }));
}

/** The visit of this page's link, falling back on what the tab's visit kept, and kept in turn. */
export function visitFromQuery(search: string, fieldMode: boolean): Visit {
  const visit = readVisit(search, kept(), fieldMode);
  keepVisit(visit);
  return visit;
}
