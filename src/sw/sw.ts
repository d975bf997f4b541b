/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SYNC_TAG, syncFromWorker, type SyncEvent } from './background-sync';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheFirst } from 'workbox-strategies';
import { OLD_ORGANISER_CACHE, ORGANISER_CACHE, ORGANISER_CACHE_ENTRIES } from './organiser-cache';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every route is the same single-page app, so any navigation outside the API gets the
// precached shell and works offline after the first visit.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// Organiser chunks are not precached for every respondent: an organiser's first visit caches
// them, and their hashed names make a cached copy safe to serve. No age limit, so a laptop
// that has not opened the organiser pages for a month still opens them offline.
const organiserChunks = new CacheFirst({
  cacheName: ORGANISER_CACHE,
  plugins: [new ExpirationPlugin({ maxEntries: ORGANISER_CACHE_ENTRIES, purgeOnQuotaError: true })],
});
registerRoute(({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/organiser/'), organiserChunks);

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('sync', ((event: SyncEvent) => {
  if (event.tag === SYNC_TAG) event.waitUntil(syncFromWorker());
}) as EventListener);

self.addEventListener('activate', (event) => event.waitUntil(Promise.all([self.clients.claim(), caches.delete(OLD_ORGANISER_CACHE)])));
