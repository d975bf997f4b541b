import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Account } from '../../core/accounts';
import { OWNER_TOKEN_ACTOR } from '../../core/accounts';
import { AppError } from '../../core/errors';
import type { Clock } from '../../core/ids';
import { sha256 } from '../hash';
import type { AccountStore, StoredAccount } from '../store/account-types';
import { SECRET_PATTERN, SESSION_COOKIE, SESSION_IDLE_MS, TOUCH_EVERY_MS } from './sessions';

/** Who a request acts as, and by which credential. */
export type Principal = {
  account: Account;
  /** The stored account's key; null for the owner token, which is no stored account. */
  key: string | null;
  via: 'owner-token' | 'session' | 'token';
  sessionHash?: string;
  tokenId?: string;
};

/** The owner token's identity: an owner on every survey, named in the audit log as `owner-token`. */
export const OWNER_ACCOUNT: Account = { username: OWNER_TOKEN_ACTOR, role: 'owner', surveys: '*', disabled: false, createdAt: '', passwordSet: true, builtIn: true };

/** An account as the API shows it. */
export function publicAccount(a: StoredAccount): Account {
  return { username: a.username, role: a.role, surveys: a.role === 'owner' ? '*' : a.surveys, disabled: a.disabled, createdAt: a.createdAt, passwordSet: a.passwordHash !== null };
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const refused = (message: string) => new AppError('unauthorized', message);

/**
 * Turns a request's credentials into a principal, reading the session or token and its
 * account from the store on every call: nothing is cached, so a revocation anywhere holds
 * on the next request. A bearer header, when present, is the only credential looked at.
 */
export class Credentials {
  constructor(
    private readonly accounts: AccountStore,
    private readonly clock: Clock,
    private readonly ownerToken: string,
  ) {}

  /** Whether the request carries any credential at all. */
  present(c: Context): boolean {
    return c.req.header('authorization') !== undefined || getCookie(c, SESSION_COOKIE) !== undefined;
  }

  /** The principal, or 401 `unauthorized` when the credential is missing, wrong, expired or revoked. */
  async resolve(c: Context): Promise<Principal> {
    const header = c.req.header('authorization');
    if (header !== undefined) return this.bearer(header);
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie === undefined) throw refused('sign in, or send an organiser token');
    return this.session(cookie);
  }

  /** Whether `token` is the owner token: digests of equal length compared in constant time. */
  isOwnerToken(token: string): boolean {
    return this.ownerToken !== '' && timingSafeEqual(digest(token), digest(this.ownerToken));
  }

  /** What sessions opened with the owner token record, so that changing the token ends them. */
  ownerTokenDigest(): string {
    return sha256(`owner-token:${this.ownerToken}`);
  }

  private async bearer(header: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw refused('organiser token missing or wrong');
    const token = match[1]!;
    if (this.isOwnerToken(token)) return { account: OWNER_ACCOUNT, key: null, via: 'owner-token' };
    const found = await this.accounts.token(sha256(token));
    if (!found?.account || found.account.disabled) throw refused('organiser token missing or wrong');
    const now = this.clock();
    if (!found.token.lastUsedAt || now - Date.parse(found.token.lastUsedAt) >= TOUCH_EVERY_MS) {
      await this.accounts.touchToken(found.token.id, new Date(now).toISOString());
    }
    return { account: publicAccount(found.account), key: found.account.key, via: 'token', tokenId: found.token.id };
  }

  private async session(cookie: string): Promise<Principal> {
    if (!SECRET_PATTERN.test(cookie)) throw refused('the session cookie is not valid; sign in again');
    const hash = sha256(cookie);
    const found = await this.accounts.session(hash);
    if (!found) throw refused('the session has ended; sign in again');
    const now = this.clock();
    if (now - found.session.lastSeenAt > SESSION_IDLE_MS) {
      await this.accounts.deleteSession(hash);
      throw refused('the session expired after 12 idle hours; sign in again');
    }
    const account = found.session.account === null
      ? (found.session.via === this.ownerTokenDigest() && this.ownerToken !== '' ? OWNER_ACCOUNT : undefined)
      : found.account && !found.account.disabled ? publicAccount(found.account) : undefined;
    if (!account) throw refused('the session has ended; sign in again');
    if (now - found.session.lastSeenAt >= TOUCH_EVERY_MS) await this.accounts.touchSession(hash, now);
    return { account, key: found.session.account, via: 'session', sessionHash: hash };
  }
}
