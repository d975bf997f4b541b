import type { Response } from '../core/response';
import type { Survey } from '../core/survey';
import type { ItemResult } from '../core/wire';
import type { Clock, RandomSource } from '../core/ids';
import { uuidv7 } from '../core/ids';
import type { Backup } from './backup';
import type * as ledger from './ledger';
import * as cache from './cache';
import type { Cached, Checker } from './cache';
import { DB_NAME, openDatabase, type RejectedRecord, type StanceDatabase } from './db';
import { createDraftSaver, discardDraft, listDrafts, loadDraft, saveDraft, type Draft, type DraftSaver } from './drafts';
import * as outbox from './outbox';
import * as surveys from './surveys';
import { commit, type SaveResult } from './tx';

/** Where the client keeps its data and where its time and randomness come from (tests inject them). */
export interface ClientOptions {
  dbName?: string;
  idbFactory?: IDBFactory;
  clock?: Clock;
  random?: RandomSource;
  /** Another tab or a new service worker needs a newer schema: this page should offer a reload. */
  onVersionChange?: () => void;
}

/** The browser data layer: everything the app and the service worker read or write on the device. */
export interface Client {
  /** This installation's random id, made on first use and kept. */
  deviceId(): Promise<string>;
  /** The credential the server signed for this device id (`X-Stance-Device-Token`), once it sent one. */
  deviceToken(): Promise<string | undefined>;
  /** Keeps a device credential the server sent; anything that is not one is ignored. */
  saveDeviceToken(token: string): Promise<void>;
  /** A remembered setting (locale, collector name, field mode). */
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
  /** A UUID v7 for a new response, from the injected clock and randomness. */
  newResponseId(): string;
  /** The injected clock's time as ISO 8601 UTC (for `startedAt`, `submittedAt`). */
  now(): string;
  /** The survey's draft; undefined when absent or no longer valid. */
  loadDraft(surveyId: string): Promise<Draft | undefined>;
  listDrafts(): Promise<Draft[]>;
  /** Saves a draft now; ignored (ok) if its response was already submitted. */
  saveDraft(draft: Draft): Promise<SaveResult>;
  /** A debounced saver (default 300 ms); call its `flush` on `pagehide` and when hidden. */
  createDraftSaver(delayMs?: number): DraftSaver;
  discardDraft(surveyId: string): Promise<void>;
  /** Outbox add + draft delete in one strict transaction; ok only after the commit. */
  submitResponse(response: Response): Promise<SaveResult>;
  /** Waiting responses, oldest first, at most `limit`. */
  listOutbox(limit?: number): Promise<Response[]>;
  countOutbox(): Promise<number>;
  /** For the sync engine: applies the server's verdicts for a batch in one transaction. */
  recordResults(batch: Response[], results: ItemResult[]): Promise<void>;
  /** Refused responses with the server's reason. */
  listRejected(): Promise<RejectedRecord[]>;
  /** Moves a refused response back to the outbox. */
  requeueRejected(id: string): Promise<void>;
  /** Waiting, acknowledged and refused counts, and per collector. */
  counts(): Promise<ledger.Counts>;
  /** Every response of a survey held here (waiting and acknowledged), oldest first. */
  listResponses(surveyId: string): Promise<Response[]>;
  /** [surveyId, version] pairs that held responses refer to. */
  versionsInUse(): Promise<[string, number][]>;
  putSurveys(surveys: Survey[]): Promise<void>;
  /** The latest valid version of each stored survey. */
  listSurveys(): Promise<Survey[]>;
  /** An exact version, or the latest valid one. */
  getSurvey(id: string, version?: number): Promise<Survey | undefined>;
  /** [id, version] of every stored definition. */
  surveyKeys(): Promise<[string, number][]>;
  getSurveyRecord(id: string): Promise<unknown>;
  /** Keeps a value fetched from the server under `key`, stamped with the current time. */
  writeCache(key: string, value: unknown, etag?: string): Promise<void>;
  /** The value kept under `key`, if it still passes `schema`; undefined otherwise. */
  readCache<T>(key: string, schema: Checker<T>): Promise<Cached<T> | undefined>;
  /** Where a response is: waiting in the outbox, acknowledged, refused, or not on this device. */
  responseState(id: string): Promise<outbox.ResponseState | undefined>;
  /** The responses to a survey this device submitted (waiting or acknowledged), newest first. */
  heldResponses(surveyId: string): Promise<outbox.Held[]>;
  /** A backup of responses the server has not acknowledged (waiting and refused), or of all. */
  exportBackup(options?: { all?: boolean }): Promise<Backup>;
  close(): void;
}

const DEVICE_KEY = 'device';
const DEVICE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const TOKEN_KEY = 'device-token';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The installation's random id, made once in a transaction so two tabs cannot make two. */
async function ensureDevice(db: StanceDatabase, random: RandomSource): Promise<string> {
  const tx = db.transaction('meta', 'readwrite');
  return commit(tx, async () => {
    const stored = await tx.store.get(DEVICE_KEY);
    if (typeof stored === 'string' && DEVICE_PATTERN.test(stored)) return stored;
    const made = hex(random(new Uint8Array(16)));
    await tx.store.put(made, DEVICE_KEY);
    return made;
  });
}

/**
 * A lazily (re)opened connection. It is dropped when the browser closes it abnormally
 * (storage pressure, Safari's "connection to Indexed Database server lost") so the next call
 * reopens it, which keeps a long-lived service worker working.
 */
function connector(options: ClientOptions): () => Promise<StanceDatabase> {
  let current: Promise<StanceDatabase> | undefined;
  const reset = () => (current = undefined);
  return () =>
    (current ??= openDatabase({
      name: options.dbName ?? DB_NAME,
      factory: options.idbFactory ?? indexedDB,
      onTerminated: reset,
      onVersionChange: () => (reset(), options.onVersionChange?.()),
    }).catch((error: unknown) => {
      reset();
      throw error;
    }));
}

/** The sending side's bookkeeping, loaded on first use: a respondent's first screens never need it. */
const loadLedger = (): Promise<typeof ledger> => import('./ledger');

/** Opens the device database (creating or migrating it) and returns the data layer. */
export async function openClient(options: ClientOptions = {}): Promise<Client> {
  const clock = options.clock ?? Date.now;
  const random = options.random ?? ((bytes: Uint8Array) => crypto.getRandomValues(bytes));
  const connect = connector(options);
  await connect(); // open errors (private mode, a blocked upgrade) surface to the caller here
  let device: Promise<string> | undefined;
  const iso = () => new Date(clock()).toISOString();

  const client: Client = {
    deviceId: () =>
      (device ??= connect()
        .then((db) => ensureDevice(db, random))
        .catch((error: unknown) => {
          device = undefined;
          throw error;
        })),
    deviceToken: async () => {
      const stored = await (await connect()).get('meta', TOKEN_KEY);
      return typeof stored === 'string' && TOKEN_PATTERN.test(stored) ? stored : undefined;
    },
    saveDeviceToken: async (token) => {
      if (TOKEN_PATTERN.test(token)) await (await connect()).put('meta', token, TOKEN_KEY);
    },
    getSetting: async <T>(key: string) => (await (await connect()).get('meta', `setting:${key}`)) as T | undefined,
    setSetting: async (key, value) => void (await (await connect()).put('meta', value, `setting:${key}`)),
    newResponseId: () => uuidv7(clock(), random),
    now: iso,
    loadDraft: async (surveyId) => loadDraft(await connect(), surveyId),
    listDrafts: async () => listDrafts(await connect()),
    saveDraft: async (draft) => saveDraft(await connect(), draft),
    createDraftSaver: (delayMs) => createDraftSaver((draft) => client.saveDraft(draft), delayMs),
    discardDraft: async (surveyId) => discardDraft(await connect(), surveyId),
    submitResponse: async (response) => outbox.submitResponse(await connect(), response),
    listOutbox: async (limit) => outbox.listOutbox(await connect(), limit),
    countOutbox: async () => outbox.countOutbox(await connect()),
    recordResults: async (batch, results) => (await loadLedger()).recordResults(await connect(), batch, results, iso()),
    listRejected: async () => (await loadLedger()).listRejected(await connect()),
    requeueRejected: async (id) => (await loadLedger()).requeueRejected(await connect(), id),
    counts: async () => (await loadLedger()).counts(await connect()),
    listResponses: async (surveyId) => (await loadLedger()).listResponses(await connect(), surveyId),
    versionsInUse: async () => (await loadLedger()).versionsInUse(await connect()),
    putSurveys: async (list) => surveys.putSurveys(await connect(), list),
    listSurveys: async () => surveys.listSurveys(await connect()),
    getSurvey: async (id, version) => surveys.getSurvey(await connect(), id, version),
    surveyKeys: async () => surveys.surveyKeys(await connect()),
    getSurveyRecord: async (id) => surveys.latestSurveyRecord(await connect(), id),
    writeCache: async (key, value, etag) => cache.writeCache(await connect(), key, { value, fetchedAt: iso(), ...(etag ? { etag } : {}) }),
    readCache: async (key, schema) => cache.readCache(await connect(), key, schema),
    responseState: async (id) => outbox.responseState(await connect(), id),
    heldResponses: async (surveyId) => outbox.heldResponses(await connect(), surveyId),
    exportBackup: async (opts = {}) => {
      const { backupResponses } = await import('./backup');
      const responses = await backupResponses(await connect(), opts.all === true);
      return { format: 'stance-backup', version: 1, device: await client.deviceId(), exportedAt: iso(), responses };
    },
    close: () => void connect().then((db) => db.close(), () => undefined),
  };
  return client;
}
