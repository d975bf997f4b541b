import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether the request carries the organiser token. Both sides are hashed first so the
 * comparison is constant-time and of equal length whatever the caller sent.
 */
export function isOrganiser(c: Context, adminToken: string): boolean {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || adminToken === '') return false;
  return timingSafeEqual(digest(match[1]!), digest(adminToken));
}

/** Middleware for organiser-only routes: 401 `unauthorized` without the right bearer token. */
export function organiserOnly(adminToken: string): MiddlewareHandler {
  return async (c, next) => {
    if (!isOrganiser(c, adminToken)) throw new AppError('unauthorized', 'organiser token missing or wrong');
    await next();
  };
}
