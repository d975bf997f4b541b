import { AppError } from '../../../core/errors';

/**
 * SQLite's failures as the store contract names them: a full disk is `storage_full` (507),
 * the file locked or unreadable is `unavailable` (503, retry); anything else is a bug and
 * stays as it is (500). Either way the transaction was rolled back, so nothing was
 * acknowledged that was not committed.
 */
export function storeError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  if (code === 'SQLITE_FULL') return new AppError('storage_full', 'the server has no disk space left; responses stay on the devices until it has', { retryAfter: 60 });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return new AppError('unavailable', 'the database cannot be written right now; retry shortly', { retryAfter: 5 });
  }
  return error;
}

/** Runs `write`, turning SQLite's failures into the contract's errors. */
export function guarded<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw storeError(error);
  }
}
