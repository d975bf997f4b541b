import type { Checker } from '../../client/cache';
import { isAppError } from '../../core/errors';
import { SurveySchema, type Survey } from '../../core/survey';
import { getClient } from '../stores/client';
import type { OrganiserApi } from './api';
import { session } from './state';

/** A value read from the server, or from the device when offline, with when it was fetched. */
export type Fetched<T> = { value: T; fetchedAt: string; fresh: boolean };

// Organiser reads share the client's cache; ':' cannot occur in a survey id, so
// these keys never meet a results key. Each account has its own copies: another account
// signing in on this browser offline never sees what only the first one may.
const prefix = () => `organiser:${session.account()?.username ?? ''}:`;

/** The device cache's key of an organiser read, kept apart per account. */
export const organiserKey = (key: string): string => prefix() + key;

/**
 * Reads from the server and keeps a copy on the device; when the server cannot be reached,
 * answers with the copy (and its age) instead, so the organiser pages open offline. These
 * answers have no schema on the device yet, so the copy comes back as it was kept.
 */
export async function loadCached<T>(key: string, load: () => Promise<T>): Promise<Fetched<T>> {
  const client = await getClient();
  try {
    const value = await load();
    await client.writeCache(organiserKey(key), value);
    return { value, fetchedAt: client.now(), fresh: true };
  } catch (error) {
    const cached = isAppError(error, 'network') ? await client.readCache(organiserKey(key), asKept<T>()) : undefined;
    if (!cached) throw error;
    return { value: cached.value, fetchedAt: cached.fetchedAt, fresh: false };
  }
}

/** Accepts any kept value as `T`: for organiser answers that have a type but no schema. */
function asKept<T>(): Checker<T> {
  return { safeParse: (value) => ({ success: true, data: value as T }) };
}

/** One exact survey version: from the server (kept on the device for offline use) or the device's copy. */
export async function loadDefinition(api: OrganiserApi, id: string, version: number): Promise<Survey> {
  const client = await getClient();
  try {
    const survey = SurveySchema.parse(await api.definition(id, version));
    await client.putSurveys([survey]);
    return survey;
  } catch (error) {
    const stored = isAppError(error, 'network') ? await client.getSurvey(id, version) : undefined;
    if (!stored) throw error;
    return stored;
  }
}

/** A resource's value, or undefined while it has none or failed (reading a failed resource would throw). */
export function ready<T>(resource: { state: string; latest: T | undefined }): T | undefined {
  return resource.state === 'errored' ? undefined : resource.latest;
}
