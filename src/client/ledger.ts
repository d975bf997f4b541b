import type { IDBPIndex } from 'idb';
import type { Response } from '../core/response';
import type { ItemError, ItemResult } from '../core/wire';
import type { RejectedRecord, StanceDB, StanceDatabase } from './db';
import { commit } from './tx';

// What happens to responses after they leave the outbox: acknowledged, refused, counted.
// Kept apart from the submit path so a respondent's first load does not carry it.

const UNEXPLAINED: ItemError = { code: 'rejected', message: 'The server refused this response without a reason.' };

/**
 * Applies the server's per-item verdicts in one transaction: acknowledged responses move
 * to `sent`, refused ones to `rejected` with the reason. Ids not in `batch` are ignored;
 * the caller checks that the answer matches the batch before calling.
 */
export function recordResults(db: StanceDatabase, batch: Response[], results: ItemResult[], at: string): Promise<void> {
  const byId = new Map(batch.map((r) => [r.id, r]));
  const tx = db.transaction(['outbox', 'sent', 'rejected'], 'readwrite');
  return commit(tx, async () => {
    const writes: Promise<unknown>[] = [];
    for (const result of results) {
      const response = byId.get(result.id);
      if (!response) continue;
      writes.push(tx.objectStore('outbox').delete(result.id));
      if (result.status === 'rejected') {
        writes.push(tx.objectStore('rejected').put({ response, error: result.error ?? UNEXPLAINED, rejectedAt: at }));
      } else {
        writes.push(tx.objectStore('sent').put({ response, status: result.status, ackedAt: at }));
      }
    }
    await Promise.all(writes);
  });
}

/** Responses the server refused, with the reason, oldest first. */
export function listRejected(db: StanceDatabase): Promise<RejectedRecord[]> {
  return db.getAll('rejected');
}

/** Puts a rejected response back in the outbox (say, after the organiser uploaded its survey version). */
export async function requeueRejected(db: StanceDatabase, id: string): Promise<void> {
  const tx = db.transaction(['rejected', 'outbox'], 'readwrite');
  await commit(tx, async () => {
    const record = await tx.objectStore('rejected').get(id);
    if (!record) return;
    await Promise.all([tx.objectStore('outbox').put(record.response), tx.objectStore('rejected').delete(id)]);
  });
}

/** What the device holds, for the status bar and field mode's per-collector counts. */
export type Counts = { outbox: number; sent: number; rejected: number; byCollector: Record<string, { outbox: number; sent: number }> };

/** Counts per collector name, read from the index so 10,000 responses are never loaded. */
async function perCollector<S extends 'outbox' | 'sent'>(index: IDBPIndex<StanceDB, ('outbox' | 'sent' | 'rejected')[], S, 'collector'>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let cursor = await index.openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) {
    const name = cursor.key as string;
    counts.set(name, await index.count(IDBKeyRange.only(name)));
  }
  return counts;
}

/** Counts of waiting, acknowledged and rejected responses, and per collector. */
export async function counts(db: StanceDatabase): Promise<Counts> {
  const tx = db.transaction(['outbox', 'sent', 'rejected']);
  const [outbox, sent, rejected, outboxBy, sentBy] = await Promise.all([
    tx.objectStore('outbox').count(),
    tx.objectStore('sent').count(),
    tx.objectStore('rejected').count(),
    perCollector(tx.objectStore('outbox').index('collector')),
    perCollector(tx.objectStore('sent').index('collector')),
  ]);
  const byCollector: Counts['byCollector'] = {};
  for (const name of new Set([...outboxBy.keys(), ...sentBy.keys()])) {
    byCollector[name] = { outbox: outboxBy.get(name) ?? 0, sent: sentBy.get(name) ?? 0 };
  }
  return { outbox, sent, rejected, byCollector };
}

/** Every response of a survey held on the device (waiting or acknowledged), oldest first. */
export async function listResponses(db: StanceDatabase, surveyId: string): Promise<Response[]> {
  // Arrays sort after numbers in IndexedDB, so this range covers every version of the survey.
  const range = IDBKeyRange.bound([surveyId], [surveyId, []]);
  const tx = db.transaction(['outbox', 'sent']);
  const [waiting, sent] = await Promise.all([
    tx.objectStore('outbox').index('survey').getAll(range),
    tx.objectStore('sent').index('survey').getAll(range),
  ]);
  return [...waiting, ...sent.map((s) => s.response)].sort(byId);
}

/** Orders responses by id, which for UUID v7 is creation order. */
export function byId(a: Response, b: Response): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The survey versions that responses on the device refer to, so their definitions can be fetched. */
export async function versionsInUse(db: StanceDatabase): Promise<[string, number][]> {
  const tx = db.transaction(['outbox', 'sent', 'rejected']);
  const keys: [string, number][] = [];
  for (const store of ['outbox', 'sent'] as const) {
    const index = tx.objectStore(store).index('survey');
    for (let c = await index.openKeyCursor(null, 'nextunique'); c; c = await c.continue()) keys.push(c.key);
  }
  for (const { response } of await tx.objectStore('rejected').getAll()) keys.push([response.surveyId, response.surveyVersion]);
  return keys;
}
