/// <reference lib="webworker" />
import type { RouteHandlerCallback } from 'workbox-core';

/** Serves from the named cache, fetching and storing on a miss; only for immutable, hashed files. */
export function cacheFirst(cacheName: string): RouteHandlerCallback {
  return async ({ request }) => {
    const cache = await caches.open(cacheName);
    const hit = await cache.match(request);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  };
}
