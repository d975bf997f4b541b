import { AppError } from '../core/errors';

/** The outcome of a write the user cares about: failures are data, never thrown. */
export type SaveResult = { ok: true } | { ok: false; error: AppError };

/** The part of an idb transaction `commit` needs, whatever its stores. */
type WriteTx = { readonly done: Promise<void>; abort(): void };

/**
 * Runs `work` inside `tx` and resolves only once the transaction has committed.
 *
 * Rules, as in idb: `work` may await only requests of this transaction (awaiting anything
 * else lets it auto-commit half done). If `work` throws, the transaction is aborted so no
 * request it already issued can commit; `tx.done` is always awaited, so its rejection is
 * never left unhandled and the caller sees the abort's real cause (say, a quota error).
 */
export async function commit<T>(tx: WriteTx, work: () => Promise<T>): Promise<T> {
  const done = tx.done;
  try {
    const value = await work();
    await done;
    return value;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the failed request itself.
    }
    await done.catch(() => undefined);
    throw error;
  }
}

/** Maps a storage failure to the error vocabulary: quota is its own code, the user can act on it. */
export function storageError(error: unknown): AppError {
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return new AppError('quota_exceeded', 'This device has no storage space left for Stance.', { name });
  }
  return new AppError('storage_failed', `Saving on this device failed: ${message}`, { name });
}

/** Runs a write and turns any failure into a `SaveResult`. */
export async function saveResult(write: () => Promise<unknown>): Promise<SaveResult> {
  try {
    await write();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: storageError(error) };
  }
}
