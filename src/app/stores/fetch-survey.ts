import type { Client } from '../../client';
import { apiJson } from '../../client/api';
import { isAppError } from '../../core/errors';
import { parseSurvey, type LoadedSurvey } from './surveys';

/** Why a survey could not be opened: the server has no such survey, or it could not be asked. */
export type MissingReason = 'unknown' | 'unreachable';

/**
 * Asks the server for a survey this device does not hold (one an organiser added, opened
 * from a QR code on a first visit) and keeps it for offline use. Loaded only then, so the
 * first screen never carries the fetch wrapper and its error schema.
 */
export async function fetchSurvey(client: Client, id: string): Promise<LoadedSurvey | MissingReason> {
  try {
    const loaded = await parseSurvey((await apiJson(`/api/v1/surveys/${encodeURIComponent(id)}`)).body);
    if (loaded.ok) await client.putSurveys([loaded.survey]).catch(() => undefined);
    return loaded;
  } catch (error) {
    return isAppError(error, 'not_found') ? 'unknown' : 'unreachable';
  }
}
