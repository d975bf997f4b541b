// Runs inside Chromium on the app's origin (the bench serves it at /__bench/), so it opens the
// same IndexedDB the app does, through the real data layer (src/client).
import { openClient } from '../../src/client/client';
import type { Draft } from '../../src/client/drafts';
import { makeResponse } from '../fixtures';

type Durability = 'default' | 'strict' | 'relaxed';

/** Milliseconds of each of `n` awaited calls, one after another. */
async function timeEach(n: number, step: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await step(i);
    times.push(performance.now() - start);
  }
  return times;
}

function draft(responseId: string, i: number): Draft {
  const now = new Date().toISOString();
  const answers: Draft['answers'] = { group: 'manufacturing', spectrum: i % 11 };
  for (let p = 0; p < 8; p++) answers[`p${p}`] = 1 + ((i + p) % 5);
  return { surveyId: 'sovereign-ai', surveyVersion: 1, responseId, startedAt: now, updatedAt: now, step: 1, answers, wave: 'open', channel: 'web', locale: 'ko' };
}

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('records', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** One put in its own transaction, straight on IndexedDB: the floor under any save. */
function rawPut(db: IDBDatabase, value: unknown, durability: Durability): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('records', 'readwrite', { durability });
    tx.objectStore('records').put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** Draft saves as the app's debounced saver makes them, one answer change each, beside raw puts. */
async function draftSaves(n: number): Promise<{ saves: number[]; raw: number[] }> {
  const client = await openClient();
  const id = client.newResponseId();
  const saves = await timeEach(n, (i) => client.saveDraft(draft(id, i)));
  await client.discardDraft('sovereign-ai');
  client.close();
  const db = await openRaw('bench-raw');
  const raw = await timeEach(n, (i) => rawPut(db, { ...draft(id, i), id: 'draft' }, 'default'));
  db.close();
  return { saves, raw };
}

/** Submits (outbox add + draft delete, strict durability) beside raw strict puts of the same response. */
async function submits(n: number): Promise<{ submits: number[]; raw: number[] }> {
  const client = await openClient();
  const responses = Array.from({ length: n }, () => makeResponse());
  const times = await timeEach(n, (i) => client.submitResponse(responses[i]!));
  client.close();
  const db = await openRaw('bench-raw');
  const raw = await timeEach(n, (i) => rawPut(db, { ...responses[i]!, id: `r${i}` }, 'strict'));
  db.close();
  return { submits: times, raw };
}

/** Empties the outbox and puts `n` fresh responses in it, in one transaction, as a field device would hold them. */
async function seedOutbox(n: number): Promise<number> {
  const client = await openClient();
  client.close();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('stance');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = Date.now() - n;
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('outbox', 'readwrite');
    const outbox = tx.objectStore('outbox');
    outbox.clear();
    for (let i = 0; i < n; i++) outbox.put(makeResponse({ channel: 'field', wave: 'field-bench', now: start + i, device: 'bench-field-device' }));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return n;
}

(globalThis as { stanceBench?: unknown }).stanceBench = { draftSaves, submits, seedOutbox };
document.title = 'ready';
