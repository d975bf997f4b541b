/// <reference lib="webworker" />
import { openClient } from '../client/client';
import { createSyncEngine } from '../client/sync';

/** The Background Sync event (Chromium); not in TypeScript's WebWorker library. */
export type SyncEvent = ExtendableEvent & { tag: string };

/** The tag the app registers after a submit; the browser fires it when a connection returns. */
export const SYNC_TAG = 'stance-sync';

/**
 * Sends the outbox from the service worker, with the same engine the page uses. A pass
 * that could not deliver everything rejects, so the browser schedules another attempt.
 */
export async function syncFromWorker(): Promise<void> {
  const client = await openClient();
  try {
    const report = await createSyncEngine(client).sync();
    if (report.failed > 0) throw new Error(`${report.failed} responses still waiting`);
  } finally {
    client.close();
  }
}
