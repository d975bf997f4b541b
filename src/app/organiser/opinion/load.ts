import { apiFetch } from '../../../client/api';
import { resultsKey } from '../../../client/surveys';
import type { OpinionMap } from '../../../core/opinion-map';
import { OpinionMapSchema } from '../../../core/opinion-map';
import { loadCached, type Fetched } from '../cache';

/** A map as read, with its ETag for the next conditional read. */
export type MapRead = { map: OpinionMap; etag: string };

/** What to read: the survey, the results query (version and filters) and the map shown last. */
export type MapRequest = { surveyId: string; query: Record<string, string>; previous?: MapRead };

/**
 * Reads the opinion map from the server, conditionally on the last one's ETag and asking
 * to keep its k (so groups do not renumber as responses arrive); offline, the copy kept
 * on the device. An answer that does not read as a map is an error, not a blank view.
 */
export function loadMap(request: MapRequest): Promise<Fetched<MapRead>> {
  const { surveyId, query, previous } = request;
  return loadCached(`analysis:${resultsKey(surveyId, query)}`, async () => {
    const headers = new Headers();
    if (previous) headers.set('if-none-match', previous.etag);
    const search = new URLSearchParams(query);
    if (previous && !previous.map.withheld && previous.map.k >= 2) search.set('k', String(previous.map.k));
    const tail = search.toString();
    const res = await apiFetch(`/api/v1/surveys/${encodeURIComponent(surveyId)}/analysis${tail ? `?${tail}` : ''}`, { headers });
    if (res.status === 304 && previous) return previous;
    return { map: OpinionMapSchema.parse(await res.json()), etag: res.headers.get('etag') ?? '' };
  });
}
