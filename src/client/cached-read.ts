import { AppError, isAppError, type ErrorCode } from '../core/errors';
import { apiJson, type ApiOptions } from './api';
import type { Checker } from './cache';
import type { Client } from './client';

/** How one read reaches the server, and what it does when the server says no. */
export type CachedReadOptions = {
  client: Client;
  api?: ApiOptions;
  /** Sent as `Authorization: Bearer`, for organiser-only reads. */
  token?: string;
  /** Called when the server refuses the token (401), before the error is thrown. */
  onUnauthorized?: () => void;
};

/** A checked value, where it came from and when it was fetched. */
export type CachedRead<T> = { value: T; fetchedAt: string; fresh: boolean };

/** Failures that say nothing about the value itself: the copy on the device is still the best answer. */
const TRANSIENT = new Set<ErrorCode>(['network', 'server', 'too_many_requests']);

/**
 * The one read path for anything the device keeps a copy of: a conditional GET of `url`
 * with the ETag of the copy kept under `key`, the answer checked against `schema` and kept,
 * and the kept copy (checked the same way) when the server cannot be reached. A refusal
 * (401, 403, 404) or an answer that does not fit the schema throws its AppError: those are
 * facts about the value, not about the connection, and a stale copy would hide them.
 */
export async function cachedRead<T>(key: string, url: string, schema: Checker<T>, options: CachedReadOptions): Promise<CachedRead<T>> {
  const { client } = options;
  const kept = await client.readCache(key, schema);
  const headers: Record<string, string> = {};
  if (kept?.etag) headers['if-none-match'] = kept.etag;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let answer;
  try {
    answer = await apiJson(url, { headers }, options.api);
  } catch (error) {
    if (isAppError(error, 'unauthorized')) options.onUnauthorized?.();
    if (kept && isAppError(error) && TRANSIENT.has(error.code)) return { value: kept.value, fetchedAt: kept.fetchedAt, fresh: false };
    throw error;
  }
  const etag = answer.headers.get('etag') ?? kept?.etag;
  // A full disk must not hide a fresh answer: keeping the copy is best effort.
  const keep = (value: T) => client.writeCache(key, value, etag).catch(() => undefined);
  if (answer.status === 304 && kept) {
    await keep(kept.value);
    return { value: kept.value, fetchedAt: client.now(), fresh: true };
  }
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) throw new AppError('invalid', `The answer from ${url} does not have the expected shape.`, { url, status: answer.status });
  await keep(parsed.data);
  return { value: parsed.data, fetchedAt: client.now(), fresh: true };
}
