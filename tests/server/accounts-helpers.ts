import type { Hono } from 'hono';
import { expect } from 'vitest';
import type { Grants, Role } from '../../src/core/accounts';
import { AUTH } from './helpers';

/** The password every test account gets unless told otherwise. */
export const PASSWORD = 'correct horse battery';

/** What a page of our own sends with a change: the browser's Sec-Fetch-Site. */
export const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' };

/** Headers of a browser tab signed in with `cookie`. */
export const browser = (cookie: string) => ({ Cookie: cookie, ...SAME_ORIGIN });

/** A JSON request and its status, headers and parsed body (when it is JSON). */
export async function send(app: Hono, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.request(path, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.startsWith('application/json');
  return { status: res.status, headers: res.headers, body: text && json ? (JSON.parse(text) as any) : undefined };
}

/** Creates an account with the owner token (with no password when `password` is null); fails the test unless it is created. */
export async function addAccount(app: Hono, username: string, role: Role, surveys: Grants = '*', password: string | null = PASSWORD) {
  const res = await send(app, 'POST', '/api/v1/accounts', { username, role, surveys, ...(password === null ? {} : { password }) }, AUTH);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { account: { username: string }; passwordLink?: { url: string; expiresAt: string } };
}

/** The `stance_session=…` pair of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieOf(headers: Headers): string {
  const set = headers.get('set-cookie') ?? '';
  const pair = set.split(';')[0] ?? '';
  expect(pair).toMatch(/^stance_session=[A-Za-z0-9_-]{43}$/);
  return pair;
}

/** Signs in with a password and returns the session cookie to send back. */
export async function signIn(app: Hono, username: string, password = PASSWORD): Promise<string> {
  const res = await send(app, 'POST', '/api/v1/auth/login', { username, password }, SAME_ORIGIN);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return cookieOf(res.headers);
}

/** Makes a personal API token in a signed-in browser and returns it with its id. */
export async function makeToken(app: Hono, cookie: string, name = 'script'): Promise<{ id: string; token: string }> {
  const res = await send(app, 'POST', '/api/v1/tokens', { name }, browser(cookie));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; token: string };
}
