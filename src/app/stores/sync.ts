import { createSignal } from 'solid-js';
import type { CachedRead, SyncEngine, SyncStatus } from '../../client';
import type { ResultsSnapshot } from '../../core/results';
import { getClient } from './client';

const [status, setStatus] = createSignal<SyncStatus>({ waiting: 0, syncing: false });
let starting: Promise<SyncEngine> | undefined;

/** The device's sync status for the status bar and field page. */
export const syncStatus = status;

/**
 * Starts the sync engine once per page. It loads after the first screen, as its own
 * chunk: a respondent can read and answer before any of it arrives.
 */
export function startSync(): Promise<SyncEngine> {
  starting ??= (async () => {
    const [client, { createSyncEngine }] = await Promise.all([getClient(), import('../../client/sync')]);
    const engine = createSyncEngine(client);
    setStatus(engine.status());
    engine.subscribe(setStatus);
    engine.start();
    void engine.refreshSurveys();
    window.addEventListener('online', () => void engine.refreshSurveys());
    return engine;
  })();
  // A failed start (the chunk could not load on a first, offline visit) is tried again next time.
  starting.catch(() => (starting = undefined));
  return starting;
}

/** Sends what waits now, and asks the service worker to retry in the background if the page goes. */
export async function syncSoon(): Promise<void> {
  const engine = await startSync();
  void requestBackgroundSync();
  await engine.sync();
}

/** The results snapshot, fresh from the server when reachable, else the device's checked copy with its age. */
export async function resultsFor(surveyId: string): Promise<CachedRead<ResultsSnapshot> | undefined> {
  const engine = await startSync();
  // Send this device's own responses first, so the figures include them when online.
  await engine.sync();
  return engine.refreshResults(surveyId);
}

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

/** Background Sync where the browser has it (Chromium); elsewhere the page's own triggers do the work. */
async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = (await navigator.serviceWorker.getRegistration()) as SyncRegistration | undefined;
  await registration?.sync?.register('stance-sync').catch(() => undefined);
}
