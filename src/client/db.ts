import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { wrap } from 'idb';
import type { ItemError } from '../core/wire';
import type { Response } from '../core/response';
import type { Survey } from '../core/survey';

/** The database every tab and the service worker share. */
export const DB_NAME = 'stance';

/** A response the server acknowledged (`stored` or `duplicate`), kept for counts and backups. */
export type SentRecord = { response: Response; status: 'stored' | 'duplicate'; ackedAt: string };
/** A response the server refused, kept with the reason until it is queued again. */
export type RejectedRecord = { response: Response; error: ItemError; rejectedAt: string };
/** A value last fetched from the server (results, an opinion map, a join code), with its ETag for a conditional read. */
export type CacheRecord = { value: unknown; fetchedAt: string; etag?: string };
/** What version 2 kept in `results`, before version 3 moved it to `cache`. */
type ResultsRecord = { snapshot: unknown; fetchedAt: string; etag?: string };

/**
 * The stored shapes. Values are typed as written by this version; anything read that an
 * older version may have written (drafts, surveys) is validated again on the way out.
 */
export interface StanceDB extends DBSchema {
  meta: { key: string; value: unknown };
  surveys: { key: [string, number]; value: Survey };
  drafts: { key: string; value: unknown };
  outbox: { key: string; value: Response; indexes: { survey: [string, number]; collector: string } };
  sent: { key: string; value: SentRecord; indexes: { survey: [string, number]; collector: string } };
  rejected: { key: string; value: RejectedRecord };
  /** Until version 3; only its migration step reads it. */
  results: { key: string; value: ResultsRecord };
  cache: { key: string; value: CacheRecord };
}

export type StanceDatabase = IDBPDatabase<StanceDB>;
type UpgradeTx = IDBPTransaction<StanceDB, StoreNames<StanceDB>[], 'versionchange'>;

/**
 * Schema steps, one per version; step `n` takes the database from version n to n + 1.
 * Steps only add (new stores, new indexes; a renamed store's records move to the new one),
 * so a device that skipped versions replays them in order and keeps every record. Never
 * edit a shipped step; add one.
 */
export const MIGRATIONS: ((db: StanceDatabase, tx: UpgradeTx) => void)[] = [
  // v1: what the respondent app needs offline (drafts, submitted responses, surveys).
  (db) => {
    db.createObjectStore('meta');
    db.createObjectStore('surveys', { keyPath: ['id', 'version'] });
    db.createObjectStore('drafts', { keyPath: 'surveyId' });
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('survey', ['surveyId', 'surveyVersion']);
    outbox.createIndex('collector', 'collector');
  },
  // v2: sync; acknowledged and rejected responses move out of the outbox but stay on the device.
  (db) => {
    const sent = db.createObjectStore('sent', { keyPath: 'response.id' });
    sent.createIndex('survey', ['response.surveyId', 'response.surveyVersion']);
    sent.createIndex('collector', 'response.collector');
    db.createObjectStore('rejected', { keyPath: 'response.id' });
    db.createObjectStore('results');
  },
  // v3: `results` becomes `cache`, since it now keeps every checked read (opinion maps, join
  // codes, organiser pages), each record's `snapshot` becoming `value`.
  (db, tx) => {
    const cache = db.createObjectStore('cache');
    void moveResults(db, tx, cache);
  },
];

/**
 * Copies every version 2 results record into `cache`, then drops `results`. It awaits only
 * requests of the upgrade transaction, so the database opens after the copy has committed,
 * and a failure aborts the whole upgrade rather than losing a record.
 */
async function moveResults(db: StanceDatabase, tx: UpgradeTx, cache: { put(value: CacheRecord, key: string): Promise<unknown> }): Promise<void> {
  const results = tx.objectStore('results');
  const [keys, records] = await Promise.all([results.getAllKeys(), results.getAll()]);
  await Promise.all(records.map((r, i) => cache.put({ value: r.snapshot, fetchedAt: r.fetchedAt, ...(r.etag ? { etag: r.etag } : {}) }, keys[i]!)));
  db.deleteObjectStore('results');
}

/** The schema version this code writes. */
export const DB_VERSION = MIGRATIONS.length;

/** How to open the database; `version` below the latest exists for migration tests. */
export type OpenOptions = {
  name: string;
  factory: IDBFactory;
  version?: number;
  /** Another context opened a newer schema; this connection has been closed so it can upgrade. */
  onVersionChange?: () => void;
  /** The browser closed the connection abnormally (storage cleared, a crashed backend). */
  onTerminated?: () => void;
};

/**
 * Opens the database with an injected factory (idb's `openDB` only knows the global one),
 * running every migration step between the stored version and the requested one.
 */
export function openDatabase(options: OpenOptions): Promise<StanceDatabase> {
  const version = options.version ?? DB_VERSION;
  const request = options.factory.open(options.name, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as StanceDatabase;
    const tx = wrap(request.transaction!) as unknown as UpgradeTx;
    for (let step = event.oldVersion; step < version; step++) MIGRATIONS[step]!(db, tx);
  });
  return (wrap(request) as Promise<StanceDatabase>).then((db) => {
    db.addEventListener('versionchange', () => {
      // Holding on would block the other context's upgrade (say, after a service worker update).
      db.close();
      options.onVersionChange?.();
    });
    db.addEventListener('close', () => options.onTerminated?.());
    return db;
  });
}
