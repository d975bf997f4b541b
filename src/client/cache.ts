import type { CacheRecord, StanceDatabase } from './db';

/** What a schema offers for checking a value: zod's `safeParse`, or any function shaped like it. */
export type Checker<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

/** A value read back from the device's cache, checked against its schema. */
export type Cached<T> = { value: T; fetchedAt: string; etag?: string };

/** Keeps a fetched value under `key` so the screens that show it work offline, with its age. */
export async function writeCache(db: StanceDatabase, key: string, record: CacheRecord): Promise<void> {
  await db.put('cache', record, key);
}

/**
 * The value kept under `key`, if it still passes `schema`: an older app, or another
 * version of the server, may have written something this one cannot read.
 */
export async function readCache<T>(db: StanceDatabase, key: string, schema: Checker<T>): Promise<Cached<T> | undefined> {
  const record = await db.get('cache', key);
  if (record === undefined) return undefined;
  const parsed = schema.safeParse(record.value);
  if (!parsed.success) return undefined;
  return { value: parsed.data, fetchedAt: record.fetchedAt, ...(record.etag ? { etag: record.etag } : {}) };
}
