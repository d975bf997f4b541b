// Constants only, so the bundle test can read them without loading Workbox (which needs a worker's `self`).

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
