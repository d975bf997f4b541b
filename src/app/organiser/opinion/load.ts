import { cachedRead } from '../../../client/cached-read';
import { resultsKey } from '../../../client/surveys';
import type { OpinionMap } from '../../../core/opinion-map';
import { OpinionMapSchema } from '../../../core/opinion-map';
import { getClient } from '../../stores/client';
import { organiserKey, type Fetched } from '../cache';
import { session } from '../state';

/** A map as read. */
export type MapRead = { map: OpinionMap };

/** What to read: the survey, the results query (version and filters) and the map shown last. */
export type MapRequest = { surveyId: string; query: Record<string, string>; previous?: MapRead };

/**
 * Reads the opinion map through the client's one checked read path: conditionally on the
 * kept copy's ETag, with the organiser's token (a refused token ends the session, as every
 * organiser call does), asking to keep the last map's k so groups do not renumber as
 * responses arrive; offline, the copy kept on the device. An answer that does not read as
 * a map is an error, not a blank view.
 */
export async function loadMap(request: MapRequest): Promise<Fetched<MapRead>> {
  const { surveyId, query, previous } = request;
  const search = new URLSearchParams(query);
  if (previous && !previous.map.withheld && previous.map.k >= 2) search.set('k', String(previous.map.k));
  const tail = search.toString();
  const url = `/api/v1/surveys/${encodeURIComponent(surveyId)}/analysis${tail ? `?${tail}` : ''}`;
  // The session cookie goes with the read; a 401 ends the session only if the same account is still signed in.
  const asked = session.account()?.username;
  const onUnauthorized = () => asked !== undefined && asked === session.account()?.username && session.refused();
  const read = await cachedRead(organiserKey(`analysis:${resultsKey(surveyId, query)}`), url, OpinionMapSchema, { client: await getClient(), onUnauthorized });
  return { value: { map: read.value }, fetchedAt: read.fetchedAt, fresh: read.fresh };
}
