import { cachedRead } from '../../../client/cached-read';
import { resultsKey } from '../../../client/surveys';
import type { OpinionMap } from '../../../core/opinion-map';
import { OpinionMapSchema } from '../../../core/opinion-map';
import { getClient } from '../../stores/client';
import type { Fetched } from '../cache';
import { session } from '../state';

/** A map as read. */
export type MapRead = { map: OpinionMap };

/** What to read: the survey, the results query (version and filters), the token and the map shown last. */
export type MapRequest = { surveyId: string; query: Record<string, string>; token: string | undefined; previous?: MapRead };

/**
 * Reads the opinion map through the client's one checked read path: conditionally on the
 * kept copy's ETag, with the organiser's token (a refused token ends the session, as every
 * organiser call does), asking to keep the last map's k so groups do not renumber as
 * responses arrive; offline, the copy kept on the device. An answer that does not read as
 * a map is an error, not a blank view.
 */
export async function loadMap(request: MapRequest): Promise<Fetched<MapRead>> {
  const { surveyId, query, token, previous } = request;
  const search = new URLSearchParams(query);
  if (previous && !previous.map.withheld && previous.map.k >= 2) search.set('k', String(previous.map.k));
  const tail = search.toString();
  const url = `/api/v1/surveys/${encodeURIComponent(surveyId)}/analysis${tail ? `?${tail}` : ''}`;
  const onUnauthorized = () => token === session.token() && session.refused();
  const read = await cachedRead(`organiser:analysis:${resultsKey(surveyId, query)}`, url, OpinionMapSchema, { client: await getClient(), token, onUnauthorized });
  return { value: { map: read.value }, fetchedAt: read.fetchedAt, fresh: read.fresh };
}
