import { Hono } from 'hono';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod/mini';
import { LoginSchema, OWNER_TOKEN_ACTOR, passwordProblem, usernameKey } from '../../core/accounts';
import type { Account } from '../../core/accounts';
import { AppError } from '../../core/errors';
import { OWNER_ACCOUNT, publicAccount } from '../access/credentials';
import { requestSite, requireSameOrigin } from '../access/csrf';
import { hashPassword, prepareDummyHash, verifyPassword } from '../access/passwords';
import { SECRET_PATTERN, SESSION_COOKIE, SESSION_IDLE_MS, clearedSessionCookie, isHttps, newSecret, sessionCookie } from '../access/sessions';
import { LoginThrottle } from '../access/throttle';
import { principalOf } from '../auth';
import type { Services } from '../context';
import { sha256 } from '../hash';
import { readJson } from '../http';
import { clientIp } from '../client-ip';

/** Sign-in bodies are small; anything larger is not one. */
const MAX_AUTH_BODY = 4096;

const SetPasswordSchema = z.object({ token: z.string().check(z.regex(SECRET_PATTERN)), password: z.string() });

/** Signing in with a password or the owner token, signing out, who am I, and setting a password through a link. */
export function authRoutes({ store, clock, config, credentials, audit }: Services): Hono {
  const app = new Hono();
  const throttle = new LoginThrottle(store.accounts, clock);
  const secure = (c: Context) => isHttps(c, config.trustProxy);
  prepareDummyHash();

  // Wrong password, unknown name, disabled account or no password yet: one scrypt each, one answer.
  const withPassword = async (key: string, password: string): Promise<{ account?: { key: string; shown: Account }; reason: string }> => {
    const stored = await store.accounts.get(key);
    const matches = await verifyPassword(password, stored?.passwordHash);
    if (!stored) return { reason: 'unknown_username' };
    if (stored.disabled) return { reason: 'disabled' };
    if (!matches) return { reason: stored.passwordHash ? 'wrong_password' : 'no_password_yet' };
    return { account: { key: stored.key, shown: publicAccount(stored) }, reason: '' };
  };

  app.post('/auth/login', async (c) => {
    // Login CSRF: another site must not sign a visitor in as someone else.
    if (requestSite(c, config.trustProxy, config.publicUrl) === 'other') throw new AppError('csrf', 'sign in from this site\'s own pages');
    const parsed = LoginSchema.safeParse(await readJson(c, MAX_AUTH_BODY));
    if (!parsed.success) throw new AppError('bad_request', 'expected {"username": "…", "password": "…"} or {"token": "…"}');
    const body = parsed.data;
    const ip = clientIp(c, config.trustProxy);
    const key = 'token' in body ? OWNER_TOKEN_ACTOR : usernameKey(body.username);
    const target = `account:${key}`;
    try {
      await throttle.check(key, ip);
    } catch (error) {
      await audit.append(key, { action: 'login_throttled', target, details: { reason: (error as AppError).details.reason } }, ip);
      throw error;
    }
    const outcome = 'token' in body
      ? credentials.isOwnerToken(body.token) ? { account: { key: null, shown: OWNER_ACCOUNT }, reason: '' } : { reason: 'wrong_token' }
      : await withPassword(key, body.password);
    if (!outcome.account) {
      await audit.append(key, { action: 'login_failed', target, details: { reason: outcome.reason } }, ip);
      throw new AppError('invalid_credentials', 'token' in body ? 'that owner token is wrong' : 'the username or password is wrong');
    }
    const { key: accountKey, shown } = outcome.account;
    const secret = newSecret();
    const now = clock();
    await store.accounts.pruneSessions(now - SESSION_IDLE_MS);
    await store.accounts.createSession({ hash: sha256(secret), account: accountKey, via: accountKey === null ? credentials.ownerTokenDigest() : 'password', createdAt: now, lastSeenAt: now });
    c.header('Set-Cookie', sessionCookie(secret, secure(c)));
    await audit.append(shown.username, { action: 'login', target: `account:${shown.username}`, details: { via: 'token' in body ? 'owner-token' : 'password' } }, ip);
    return c.json({ account: shown });
  });

  app.post('/auth/logout', async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined && SECRET_PATTERN.test(cookie)) {
      requireSameOrigin(c, config.trustProxy, config.publicUrl);
      const found = await store.accounts.session(sha256(cookie));
      if (found) {
        await store.accounts.deleteSession(found.session.hash);
        const actor = found.session.account === null ? OWNER_TOKEN_ACTOR : (found.account?.username ?? found.session.account);
        await audit.append(actor, { action: 'logout', target: `account:${actor}` }, clientIp(c, config.trustProxy));
      }
    }
    c.header('Set-Cookie', clearedSessionCookie(secure(c)));
    return c.body(null, 204);
  });

  app.get('/auth/me', (c) => {
    const principal = principalOf(c);
    return c.json({ account: principal.account, via: principal.via });
  });

  app.post('/auth/set-password', async (c) => {
    const parsed = SetPasswordSchema.safeParse(await readJson(c, MAX_AUTH_BODY));
    if (!parsed.success) throw new AppError('bad_request', 'expected {"token": "<the secret after # in the link>", "password": "…"}');
    const problem = passwordProblem(parsed.data.password);
    if (problem) throw new AppError('invalid', problem, { issues: [{ path: 'password', message: problem }] });
    const ip = clientIp(c, config.trustProxy);
    throttle.attempt(ip);
    const key = await store.accounts.usePasswordLink(sha256(parsed.data.token), clock(), await hashPassword(parsed.data.password));
    if (!key) throw new AppError('invalid_credentials', 'this set-password link is not valid: it was used, replaced by a newer one, or is older than 72 hours');
    const account = await store.accounts.get(key);
    await audit.append(account?.username ?? key, { action: 'password_set', target: `account:${account?.username ?? key}` }, ip);
    return c.body(null, 204);
  });

  return app;
}
