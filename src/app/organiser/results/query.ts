import { CHANNELS } from '../../../core/vocabulary';

/** The results views: everything, stakeholder groups side by side, waves as a trend, the opinion map, the comments. */
export const VIEWS = ['all', 'groups', 'trend', 'map', 'comments'] as const;
/** One of the results views. */
export type View = (typeof VIEWS)[number];

/** Which comments to list by whether they are hidden: all, only those shown, only those hidden. */
export const HIDDEN = ['visible', 'hidden'] as const;

/**
 * The results page's state, kept in its address so a view can be bookmarked or shared;
 * `question` and `hidden` filter the comments view; `weighted` asks for post-stratified figures.
 */
export type ResultsQuery = { version?: number; wave?: string; channel?: string; group?: string; view: View; question?: string; hidden?: (typeof HIDDEN)[number]; weighted?: true };

/** Reads the results page's query string; anything unknown is dropped. */
export function readQuery(search: string): ResultsQuery {
  const q = new URLSearchParams(search);
  const version = Number(q.get('version'));
  const view = q.get('view');
  const channel = q.get('channel') ?? undefined;
  return {
    version: Number.isInteger(version) && version > 0 ? version : undefined,
    wave: q.get('wave') || undefined,
    channel: channel && (CHANNELS as readonly string[]).includes(channel) ? channel : undefined,
    group: q.get('group') || undefined,
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'all',
    question: q.get('question') || undefined,
    hidden: HIDDEN.find((h) => h === q.get('hidden')),
    weighted: q.get('weighted') === 'true' ? true : undefined,
  };
}

/**
 * The results query the server should answer for a view: comparing groups needs every
 * group, a trend every wave, so those views leave that filter out. The opinion map and the
 * comments have no weighted form.
 */
export function serverQuery(query: ResultsQuery, version: number): Record<string, string> {
  const out: Record<string, string> = { version: String(version) };
  if (query.wave && query.view !== 'trend') out.wave = query.wave;
  if (query.channel) out.channel = query.channel;
  if (query.group && query.view !== 'groups') out.group = query.group;
  if (query.weighted && query.view !== 'map' && query.view !== 'comments') out.weighted = 'true';
  return out;
}
