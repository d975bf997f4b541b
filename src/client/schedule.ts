/** Exponential backoff bounds: the first retry waits up to `baseMs`, each failure doubles it, never above `capMs`. */
export type Backoff = { baseMs: number; capMs: number };

/**
 * Delay before retry number `failures` (1 for the first) with "full jitter": uniform in
 * [0, min(cap, base·2^(failures-1))], so devices that failed together do not return together.
 */
export function backoffDelay(failures: number, backoff: Backoff, random: () => number): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

/** The name every tab and the service worker lock while syncing. */
export const SYNC_LOCK = 'stance-sync';

let tail: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` while holding the sync lock: the Web Lock across tabs and the service worker
 * when there is a lock manager, else an in-process queue (a lone context can still
 * overlap itself: a retry timer firing during a manual sync).
 */
export function exclusive<T>(locks: LockManager | null, fn: () => Promise<T>): Promise<T> {
  if (locks) return locks.request(SYNC_LOCK, fn) as Promise<T>;
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
