import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';

/** The session cookie's name (DESIGN §8). */
export const SESSION_COOKIE = 'stance_session';
/** A session not used for this long has ended (DESIGN §8: 12 hours idle). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** How stale a session's or token's last-use time may get before a request writes it again: one write a minute, not one per request. */
export const TOUCH_EVERY_MS = 60 * 1000;
/** A set-password link is good for 72 hours. */
export const PASSWORD_LINK_MS = 72 * 60 * 60 * 1000;

/** What a session cookie, token or link secret looks like: 32 random bytes in base64url. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new secret for a session, token or link. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether the browser reached us over HTTPS: directly (TLS_CERT), or, behind a proxy we
 * trust, as its X-Forwarded-Proto says (the first value, the one the client used).
 */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const forwarded = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
  return forwarded === 'https';
}

/**
 * The Set-Cookie value of a session: HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page sends it), Path=/ and Secure over HTTPS. No Max-Age: the server ends
 * it after 12 idle hours, the browser when it closes.
 */
export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}
