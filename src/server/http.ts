import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../core/errors';
import { AppError, isAppError } from '../core/errors';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  invalid: 400,
  unknown_survey: 404,
  conflict: 409,
  draft_changed: 412,
  closed: 409,
  duplicate_device: 409,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  too_large: 413,
  too_many_requests: 429,
  quota_exceeded: 507,
  storage_failed: 503,
  storage_full: 507,
  unavailable: 503,
  network: 502,
  server: 500,
  internal: 500,
};

/**
 * The one place errors become HTTP answers: an AppError keeps its code, message and
 * details; anything else is logged here and reaches the client as a bare `internal`, so no
 * stack trace or SQL ever leaves the server.
 */
export function errorResponse(c: Context, error: unknown, log: (message: string) => void): Response {
  const e = isAppError(error) ? error : new AppError('internal', 'internal server error');
  if (!isAppError(error)) log(`error: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const { retryAfter, ...details } = e.details;
  if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
  if (e.code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer realm="stance"');
  // The rest of a refused body is never read, so the connection cannot carry another request:
  // say so, or a keep-alive client reuses it and its next request fails as "socket closed".
  if (e.code === 'too_large') c.header('Connection', 'close');
  const body = { error: { code: e.code, message: e.message, ...(Object.keys(details).length ? { details } : {}) } };
  return c.json(body, STATUS[e.code]);
}

/**
 * Reads a request body's bytes up to `maxBytes`, refusing early on a larger Content-Length and
 * counting the bytes as they stream in (a chunked body has no length to trust).
 */
export async function readBytes(c: Context, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new AppError('too_large', `the body is larger than ${maxBytes} bytes`, { maxBytes });
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a UTF-8 request body up to `maxBytes` (see `readBytes`); other bytes are a 400 `bad_request`. */
export async function readBody(c: Context, maxBytes: number): Promise<string> {
  const bytes = await readBytes(c, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('bad_request', 'the body is not valid UTF-8');
  }
}

/** Reads and parses a JSON body of at most `maxBytes`; malformed JSON is a 400 `bad_request`. */
export async function readJson(c: Context, maxBytes: number): Promise<unknown> {
  return parseJson(await readBody(c, maxBytes));
}

/** JSON.parse with malformed input as a 400 `bad_request`. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'the body is not valid JSON');
  }
}

/** A positive integer from a query or path parameter, or undefined when absent; 400 when malformed. */
export function intParam(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new AppError('bad_request', `${name} must be a positive integer`);
  return Number(value);
}

/** Zod issues as `{path, message}` with JSON-style paths like `sections[0].questions[2].id`. */
export function issuePaths(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { path: string; message: string }[] {
  return issues.map((i) => ({
    path: i.path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), ''),
    message: i.message,
  }));
}

/** A value checked against a schema, or 400 `bad_request` naming the parameter. */
export function param<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: string, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('bad_request', `${name} is not valid`);
  return parsed.data;
}
