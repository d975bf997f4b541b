import { isAppError } from '../../core/errors';

/**
 * What the last write said about the storage, for /health: a full disk or an unwritable
 * database shows there until a write succeeds again, even though reads still work (a
 * `SELECT 1` alone would report a full disk as healthy).
 */
export class WriteHealth {
  private failure: string | undefined;

  /** The problem the last write met, if it failed for want of storage. */
  get problem(): string | undefined {
    return this.failure;
  }

  /** Runs a write (sync or async) and remembers whether the storage took it. */
  track<T>(write: () => T): T {
    try {
      const out = write();
      if (out instanceof Promise) return out.then((value) => this.ok(value), (error: unknown) => this.failed(error)) as T;
      return this.ok(out);
    } catch (error) {
      return this.failed(error);
    }
  }

  private ok<T>(value: T): T {
    this.failure = undefined;
    return value;
  }

  private failed(error: unknown): never {
    if (isAppError(error, 'storage_full')) this.failure = 'the disk is full: submissions are refused (507) until space is freed';
    else if (isAppError(error, 'unavailable')) this.failure = 'the database refused the last write';
    throw error;
  }
}
