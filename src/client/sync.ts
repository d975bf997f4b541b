import { isAppError, type ErrorCode } from '../core/errors';
import type { ResultsSnapshot } from '../core/results';
import type { ApiOptions } from './api';
import type { CachedRead } from './cached-read';
import type { Client } from './client';
import { refreshResults, refreshSurveys, type RefreshReport } from './refresh';
import { backoffDelay, exclusive, type Backoff } from './schedule';
import { runPass, type SyncReport } from './send';

export type { SyncReport } from './send';

/** The sync-status signal the UI shows. */
export type SyncStatus = {
  /** Responses in the outbox, as of the last look. */
  waiting: number;
  syncing: boolean;
  /** During a pass: responses answered so far of those waiting when it started (plus any added). */
  progress?: { done: number; total: number };
  /** When the server last acknowledged something from this device (kept across reloads). */
  lastSyncedAt?: string;
  /** Why the last pass stopped early; cleared by a pass that completes. */
  lastError?: string;
  lastErrorCode?: ErrorCode;
  /** When the scheduled retry fires (only while started). */
  nextRetryAt?: string;
};

/** Where and how to sync; every source of time, randomness and I/O can be injected. */
export interface SyncOptions {
  /** Prefix of API paths; '' (the default) is the same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  clock?: () => number;
  /** Uniform in [0, 1), for the backoff jitter. */
  random?: () => number;
  /** Default 1 s doubling to at most 5 min, full jitter. */
  backoff?: Backoff;
  /** Responses per request, default 100 (the server takes up to 200). */
  batchSize?: number;
  /** Per request, default 30 s. */
  timeoutMs?: number;
  /** Web Locks; default `navigator.locks`, null for the in-process lock. */
  locks?: LockManager | null;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Sends the outbox and keeps the device's copy of surveys and results fresh. */
export interface SyncEngine {
  /** One pass over the outbox under the sync lock; never throws, failures are counted. */
  sync(): Promise<SyncReport>;
  status(): SyncStatus;
  /** Calls `fn` on every status change; returns the unsubscribe function. */
  subscribe(fn: (status: SyncStatus) => void): () => void;
  /** Syncs now, on `online`, when the page becomes visible, and on the retry timer after failures. */
  start(): void;
  stop(): void;
  /** Fetches survey definitions this device lacks; never throws. */
  refreshSurveys(): Promise<RefreshReport>;
  /** The results snapshot, fresh or the device's checked copy; undefined when there is neither or it is refused. */
  refreshResults(surveyId: string, query?: Record<string, string>): Promise<CachedRead<ResultsSnapshot> | undefined>;
}

const LAST_SYNCED = 'sync.lastSyncedAt';

function add(total: SyncReport, report: SyncReport): void {
  total.stored += report.stored;
  total.duplicate += report.duplicate;
  total.rejected += report.rejected;
  total.failed = report.failed;
}

type PageTarget = { addEventListener(type: string, fn: () => void): void; removeEventListener(type: string, fn: () => void): void; visibilityState?: string };
const page = globalThis as { window?: PageTarget; document?: PageTarget };

class Engine implements SyncEngine {
  private readonly clock: () => number;
  private readonly locks: LockManager | null;
  private readonly api: ApiOptions;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private current: SyncStatus = { waiting: 0, syncing: false };
  private failures = 0;
  private notBefore = 0;
  private timer: unknown;
  private started = false;
  private running: Promise<SyncReport> | undefined;
  private again = false;

  constructor(
    private readonly client: Client,
    private readonly options: SyncOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.locks = options.locks !== undefined ? options.locks : (globalThis.navigator?.locks ?? null);
    this.api = { baseUrl: options.baseUrl ?? '', fetch: options.fetch, clock: this.clock, timeoutMs: options.timeoutMs };
  }

  // A call during a pass asks for one more pass after it, so a response submitted while
  // the last batch was in flight is not left waiting for the next trigger.
  sync = (): Promise<SyncReport> => {
    if (this.running) return (this.again = true), this.running;
    this.running = (async () => {
      const total: SyncReport = { stored: 0, duplicate: 0, rejected: 0, failed: 0 };
      do {
        this.again = false;
        add(total, await exclusive(this.locks, this.attempt));
      } while (this.again && total.failed === 0);
      return total;
    })().finally(() => (this.running = undefined));
    return this.running;
  };

  status = (): SyncStatus => this.current;

  subscribe = (fn: (status: SyncStatus) => void): (() => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };

  start = (): void => {
    if (this.started) return;
    this.started = true;
    page.window?.addEventListener('online', this.trigger);
    page.document?.addEventListener('visibilitychange', this.onVisible);
    const restore = (at: string | undefined) => at && !this.current.lastSyncedAt && this.update({ lastSyncedAt: at });
    this.client.getSetting<string>(LAST_SYNCED).then(restore, () => undefined);
    this.trigger();
  };

  stop = (): void => {
    this.started = false;
    page.window?.removeEventListener('online', this.trigger);
    page.document?.removeEventListener('visibilitychange', this.onVisible);
    this.cancelTimer();
    this.update({ nextRetryAt: undefined });
  };

  refreshSurveys = (): Promise<RefreshReport> => refreshSurveys(this.client, this.api);

  refreshResults = (surveyId: string, query?: Record<string, string>): Promise<CachedRead<ResultsSnapshot> | undefined> =>
    refreshResults(this.client, this.api, surveyId, query);

  // Triggers never cut a server's Retry-After short; the scheduled retry honours it.
  private trigger = (): void => void (this.clock() >= this.notBefore && this.sync());

  private onVisible = (): void => void (page.document?.visibilityState === 'visible' && this.trigger());

  private update(patch: Partial<SyncStatus>): void {
    this.current = { ...this.current, ...patch };
    for (const fn of this.listeners) {
      try {
        fn(this.current);
      } catch (error) {
        // A broken subscriber must not fail the sync; report it where errors are seen.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = undefined;
  }

  private attempt = async (): Promise<SyncReport> => {
    this.cancelTimer();
    this.update({ syncing: true, nextRetryAt: undefined });
    const update = (patch: Partial<SyncStatus>) => this.update(patch);
    const { report, error } = await runPass({ client: this.client, api: this.api, batchSize: this.options.batchSize ?? 100, update });
    if (error === undefined) await this.afterSuccess(report);
    else this.afterFailure(error);
    this.update({ syncing: false, progress: undefined });
    return report;
  };

  private async afterSuccess(report: SyncReport): Promise<void> {
    this.failures = 0;
    this.notBefore = 0;
    this.update({ lastError: undefined, lastErrorCode: undefined });
    if (report.stored + report.duplicate + report.rejected === 0) return;
    const at = new Date(this.clock()).toISOString();
    this.update({ lastSyncedAt: at });
    await this.client.setSetting(LAST_SYNCED, at).catch(() => undefined);
  }

  private afterFailure(error: unknown): void {
    this.failures++;
    const wait = isAppError(error) && typeof error.details.retryAfterMs === 'number' ? error.details.retryAfterMs : 0;
    const backoff = this.options.backoff ?? { baseMs: 1000, capMs: 300_000 };
    // Retry-After is a floor the server asked for; the jittered backoff still spreads devices out.
    const delay = Math.max(wait, backoffDelay(this.failures, backoff, this.options.random ?? Math.random));
    this.notBefore = this.clock() + wait;
    const lastErrorCode = isAppError(error) ? error.code : 'internal';
    this.update({ lastError: error instanceof Error ? error.message : String(error), lastErrorCode });
    if (!this.started) return;
    const setTimer = this.options.setTimer ?? setTimeout;
    this.timer = setTimer(() => ((this.timer = undefined), void this.sync()), delay);
    this.update({ nextRetryAt: new Date(this.clock() + delay).toISOString() });
  }
}

/**
 * Creates the sync engine. Nothing runs until `sync()` or `start()`: the service worker
 * calls `sync()` from its `sync` event, pages call `start()` once.
 */
export function createSyncEngine(client: Client, options: SyncOptions = {}): SyncEngine {
  return new Engine(client, options);
}
