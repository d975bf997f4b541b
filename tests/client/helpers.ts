import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Response } from '../../src/core/response';
import type { Survey } from '../../src/core/survey';
import { uuidv7 } from '../../src/core/ids';
import { openClient, type Client, type Draft } from '../../src/client';

/** A deterministic random source: a counter spread over the bytes. */
export function seededRandom(seed = 1): (bytes: Uint8Array) => Uint8Array {
  let n = seed;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = (n = (n * 1103515245 + 12345) % 2 ** 31) & 0xff;
    return bytes;
  };
}

export const T0 = Date.UTC(2025, 5, 1, 9, 0, 0);

/** A client on its own in-memory IndexedDB, with a clock tests can move. */
export async function makeClient(factory: IDBFactory = new IDBFactory()) {
  const clock = { now: T0 };
  const client = await openClient({ idbFactory: factory, clock: () => clock.now, random: seededRandom() });
  return { client, factory, clock };
}

const random = seededRandom(7);

/** A valid response made at T0 + i seconds, so ids sort by i. */
export function makeResponse(i: number, overrides: Partial<Response> = {}): Response {
  const at = new Date(T0 + i * 1000).toISOString();
  return {
    id: uuidv7(T0 + i * 1000, random),
    surveyId: 'demo',
    surveyVersion: 1,
    wave: 'open',
    channel: 'web',
    device: 'device-0001',
    locale: 'en',
    startedAt: at,
    submittedAt: at,
    answers: { q1: 3 },
    ...overrides,
  };
}

/** The draft of a response in progress. */
export function draftOf(response: Response, step = 1): Draft {
  return {
    surveyId: response.surveyId,
    surveyVersion: response.surveyVersion,
    responseId: response.id,
    startedAt: response.startedAt,
    updatedAt: response.startedAt,
    step,
    answers: response.answers,
    wave: response.wave,
    channel: response.channel,
    locale: response.locale,
    ...(response.collector ? { collector: response.collector } : {}),
  };
}

const text = (s: string) => ({ ko: s, en: s });

/** A small valid survey definition. */
export function makeSurvey(id = 'demo', version = 1): Survey {
  return {
    id,
    version,
    title: text(`Survey ${id} v${version}`),
    description: text('A survey for tests'),
    notice: text('Anonymous'),
    resultsPublic: true,
    sections: [
      {
        id: 's1',
        title: text('Section'),
        questions: [{ id: 'q1', kind: 'likert', prompt: text('Agree?'), required: true, points: 5, labels: { low: text('no'), high: text('yes') } }],
      },
    ],
  };
}

export type { Client };

/** Writes records straight into the database, bypassing the client (states an older app could leave). */
export async function rawPut(factory: IDBFactory, store: string, values: unknown[], name = 'stance'): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    for (const value of values) tx.objectStore(store).put(value);
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}
