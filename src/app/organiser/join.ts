import type { Overview } from './types';

/**
 * The address phones join at: the server's PUBLIC_URL when it tells us, else this page's
 * own origin (right whenever the organiser opened the dashboard at the public address).
 */
export function publicBase(overview: Pick<Overview, 'publicUrl'> | undefined): string {
  return (overview?.publicUrl ?? location.origin).replace(/\/+$/, '');
}

/** The join link of a wave: `PUBLIC_URL/s/<survey>?wave=<slug>&channel=conference`. */
export function joinLink(base: string, surveyId: string, wave: string): string {
  return `${base}/s/${encodeURIComponent(surveyId)}?wave=${encodeURIComponent(wave)}&channel=conference`;
}

/** The link without its scheme, short enough to read off a projector and type. */
export function shortLink(link: string): string {
  return link.replace(/^https?:\/\//, '');
}
