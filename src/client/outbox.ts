import { canonicalId } from '../core/ids';
import type { Response } from '../core/response';
import type { StanceDatabase } from './db';
import type { SaveResult } from './tx';
import { commit, saveResult } from './tx';

/**
 * Submits a response: in ONE strict-durability transaction, adds it to the outbox and
 * deletes the survey's draft if the draft is this response's. Resolves ok only after the
 * commit, so the screen never says "saved" for something a crash could still lose; on any
 * failure both writes are undone and the draft is still there to retry from. The id is kept
 * in its canonical lower-case form, the one the server stores and answers with.
 */
export function submitResponse(db: StanceDatabase, submitted: Response): Promise<SaveResult> {
  const response = { ...submitted, id: canonicalId(submitted.id) };
  return saveResult(() => {
    const tx = db.transaction(['drafts', 'outbox'], 'readwrite', { durability: 'strict' });
    return commit(tx, async () => {
      const drafts = tx.objectStore('drafts');
      const draft = (await drafts.get(response.surveyId)) as { responseId?: unknown } | undefined;
      const writes: Promise<unknown>[] = [tx.objectStore('outbox').add(response)];
      // Another respondent's draft (a second tab) is not this submission's to delete.
      if (typeof draft?.responseId === 'string' && canonicalId(draft.responseId) === response.id) writes.push(drafts.delete(response.surveyId));
      await Promise.all(writes);
    });
  });
}

/** Responses waiting to be sent, oldest first (ids are UUID v7, so key order is time order). */
export function listOutbox(db: StanceDatabase, limit?: number): Promise<Response[]> {
  return db.getAll('outbox', null, limit);
}

/** How many responses wait to be sent. */
export function countOutbox(db: StanceDatabase): Promise<number> {
  return db.count('outbox');
}

/** Where a response is on the device: waiting to be sent, acknowledged, or refused by the server. */
export type ResponseState = 'waiting' | 'sent' | 'rejected';

/** The state of one response, or undefined when this device does not hold it. */
export async function responseState(db: StanceDatabase, id: string): Promise<ResponseState | undefined> {
  const tx = db.transaction(['outbox', 'sent', 'rejected']);
  const [waiting, sent, rejected] = await Promise.all([tx.objectStore('outbox').getKey(id), tx.objectStore('sent').getKey(id), tx.objectStore('rejected').getKey(id)]);
  return waiting !== undefined ? 'waiting' : sent !== undefined ? 'sent' : rejected !== undefined ? 'rejected' : undefined;
}

/** A response this device submitted, as the notice shows it to someone who opens the survey again. */
export type Held = { id: string; wave: string; channel: Response['channel']; submittedAt: string; state: 'waiting' | 'sent' };

/** The responses to a survey held here (waiting or acknowledged), newest first, read through the survey index. */
export async function heldResponses(db: StanceDatabase, surveyId: string): Promise<Held[]> {
  // Arrays sort after numbers in IndexedDB, so this range covers every version of the survey.
  const range = IDBKeyRange.bound([surveyId], [surveyId, []]);
  const tx = db.transaction(['outbox', 'sent']);
  const [waiting, sent] = await Promise.all([tx.objectStore('outbox').index('survey').getAll(range), tx.objectStore('sent').index('survey').getAll(range)]);
  const held = (r: Response, state: Held['state']): Held => ({ id: r.id, wave: r.wave, channel: r.channel, submittedAt: r.submittedAt, state });
  return [...waiting.map((r) => held(r, 'waiting')), ...sent.map((s) => held(s.response, 'sent'))].sort((a, b) => (a.id < b.id ? 1 : -1));
}
