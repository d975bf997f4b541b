import { AppError, type ErrorCode } from '../core/errors';
import { ErrorBodySchema } from '../core/wire';

/** How API calls reach the server; everything is injectable for tests. */
export interface ApiOptions {
  /** Prefix of every path; '' means the same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  clock?: () => number;
  /** Give up on a request after this long (venue Wi-Fi can stall a request for minutes). */
  timeoutMs?: number;
}

/** A successful (2xx or 304) answer with its JSON body read. */
export type ApiAnswer = { status: number; headers: Headers; body: unknown };

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'too_large',
  429: 'too_many_requests',
};

/** Milliseconds a `Retry-After` header asks to wait (delta-seconds or an HTTP date), if any. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The AppError for a non-2xx answer: the server's `{error: {code, message}}` when it sent one. */
async function errorFrom(res: globalThis.Response, now: number): Promise<AppError> {
  const details: Record<string, unknown> = { status: res.status };
  const wait = retryAfterMs(res.headers.get('retry-after'), now);
  if (wait !== undefined) details.retryAfterMs = wait;
  const parsed = ErrorBodySchema.safeParse(await res.json().catch(() => undefined));
  if (parsed.success) {
    const { code, message, details: extra } = parsed.data.error;
    return new AppError(code as ErrorCode, message, extra === undefined ? details : { ...details, server: extra });
  }
  const code = STATUS_CODES[res.status] ?? (res.status >= 500 ? 'server' : 'bad_request');
  return new AppError(code, `The server answered ${res.status}.`, details);
}

/**
 * The one fetch wrapper: resolves with the answer when it is 2xx or 304, otherwise throws
 * an AppError with the server's code; a network failure or time-out throws AppError('network').
 */
export async function apiFetch(path: string, init: RequestInit = {}, options: ApiOptions = {}): Promise<globalThis.Response> {
  const fetchImpl = options.fetch ?? ((input, i) => fetch(input, i));
  let res: globalThis.Response;
  try {
    res = await fetchImpl(`${options.baseUrl ?? ''}${path}`, init);
  } catch (error) {
    throw new AppError('network', 'The server could not be reached.', { cause: String(error) });
  }
  if (res.ok || res.status === 304) return res;
  throw await errorFrom(res, (options.clock ?? Date.now)());
}

/**
 * `apiFetch` and the JSON body, both under one time-out: a body trickling in over a weak
 * connection must not hold the sync lock forever.
 */
export async function apiJson(path: string, init: RequestInit = {}, options: ApiOptions = {}): Promise<ApiAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
  try {
    const res = await apiFetch(path, { ...init, signal: controller.signal }, options);
    const body: unknown = res.status === 304 ? undefined : await res.json();
    return { status: res.status, headers: res.headers, body };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('network', 'The answer could not be read.', { cause: String(error) });
  } finally {
    clearTimeout(timer);
  }
}
