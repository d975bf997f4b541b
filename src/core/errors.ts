/**
 * One error vocabulary shared by the server, the client and the app.
 * `code` is stable and machine-readable; `details` carries what a caller needs to act
 * (per-question issues, a retry delay); the message is for people and logs.
 */
export type ErrorCode =
  | 'bad_request'
  | 'invalid'
  | 'unknown_survey'
  | 'conflict'
  | 'draft_changed'
  | 'closed'
  | 'duplicate_device'
  | 'unauthorized'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'too_large'
  | 'too_many_requests'
  | 'quota_exceeded'
  | 'storage_failed'
  | 'storage_full'
  | 'unavailable'
  | 'network'
  | 'server'
  | 'internal';

/** An error with a stable code and structured details, safe to show or serialise. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** True when `value` is an AppError, optionally of one code. */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
