import { AppError, isAppError } from '../../../core/errors';

/** SQLSTATE classes and codes that mean "the database is not there right now". */
const UNREACHABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08007', '08P01']);
const UNREACHABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** Deadlocks and serialization failures: the transaction was rolled back and may simply run again. */
const RETRYABLE_STATES = new Set(['40P01', '40001']);

const code = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** Whether `error` says the database cannot be reached (down, restarting, refusing or dropping connections). */
export function isUnreachable(error: unknown): boolean {
  const c = code(error);
  if (typeof c === 'string' && (UNREACHABLE_STATES.has(c) || UNREACHABLE_ERRNOS.has(c))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Connection ended/i.test(message);
}

/** Whether the failed transaction can be run again as it was (a deadlock or serialization failure). */
export function isRetryable(error: unknown): boolean {
  const c = code(error);
  return typeof c === 'string' && RETRYABLE_STATES.has(c);
}

/**
 * PostgreSQL's failures as the store contract names them: unreachable is `unavailable`
 * (503 with Retry-After, so devices keep their outbox and retry), a full disk is
 * `storage_full` (507). Anything else is a bug and stays as it is (500).
 */
export function storeError(error: unknown): unknown {
  if (isAppError(error)) return error;
  if (isUnreachable(error)) return new AppError('unavailable', 'the database cannot be reached; retry shortly', { retryAfter: 5 });
  if (code(error) === '53100') return new AppError('storage_full', 'the database has no disk space left; responses stay on the devices until it has', { retryAfter: 60 });
  return error;
}

/** Runs `work`, turning PostgreSQL's failures into the contract's errors. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeError(error);
  }
}
