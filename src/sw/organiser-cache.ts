/// <reference lib="webworker" />
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';

/** The cache of organiser chunks. */
export const ORGANISER_CACHE = 'stance-organiser-chunks';
/** The cache an older worker kept them in, with no expiry records: dropped on activation. */
export const OLD_ORGANISER_CACHE = 'stance-organiser';
/**
 * How many organiser chunks are kept, least recently used first out. Comfortably more than
 * one build has (the bundle test checks), so a deploy never evicts its own chunks, while
 * every older deploy's chunks, never asked for again, leave as new ones arrive.
 */
export const ORGANISER_CACHE_ENTRIES = 40;

/**
 * Organiser chunks are not precached for every respondent: an organiser's first visit
 * caches them, and their hashed names make a cached copy safe to serve. No age limit, so a
 * laptop that has not opened the organiser pages for a month still opens them offline.
 */
export function organiserChunks(): CacheFirst {
  return new CacheFirst({
    cacheName: ORGANISER_CACHE,
    plugins: [new ExpirationPlugin({ maxEntries: ORGANISER_CACHE_ENTRIES, purgeOnQuotaError: true })],
  });
}
