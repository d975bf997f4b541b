import type { Account, AuditAction, AuditEntry, Grants, Role } from '../../core/accounts';

/** An account as stored: the API's fields, its folded key, and the password hash (null until one is set). */
export type StoredAccount = Omit<Account, 'passwordSet' | 'builtIn'> & { key: string; passwordHash: string | null };

/** What `update` may change; a new password hash ends the account's sessions. */
export type AccountPatch = { role?: Role; surveys?: Grants; disabled?: boolean; passwordHash?: string };

/** What a change to an account did: done, no such account, or refused because no enabled owner would be left. */
export type AccountChangeResult = 'changed' | 'missing' | 'last_owner';

/**
 * A sign-in session, kept by the SHA-256 of its cookie value (a copy of the table signs no
 * one in). `account` is the account's key, or null for a session the owner token opened;
 * `via` then holds the token's digest, so changing the token ends those sessions.
 */
export type SessionRecord = { hash: string; account: string | null; via: string; createdAt: number; lastSeenAt: number };

/** A personal API token, kept by the SHA-256 of its secret. */
export type TokenRecord = { id: string; hash: string; account: string; name: string; createdAt: string; lastUsedAt: string | null };

/** A one-time set-password link, kept by the SHA-256 of its secret; one per account. */
export type PasswordLink = { hash: string; account: string; expiresAt: number };

/** An audit entry as stored: the API's entry and, for sign-in events, the address it came from. */
export type StoredAuditEntry = AuditEntry & { ip: string | null };

/** Which audit entries to read, newest first: before the entry `before` (a cursor), filtered. */
export type AuditQuery = {
  limit: number;
  before?: string;
  actor?: string;
  action?: AuditAction;
  survey?: string;
  target?: string;
  ip?: string;
  /** Only entries at or after this ISO time. */
  since?: string;
};

/**
 * Organisers: accounts, their sessions, tokens and set-password links, and the audit log
 * (DESIGN §8). Every read goes to the database, never to a process's memory, so a
 * revocation on one process holds on every other at once.
 */
export interface AccountStore {
  list(): Promise<StoredAccount[]>;
  get(key: string): Promise<StoredAccount | undefined>;
  /** Adds an account; false when its key is taken. */
  create(account: StoredAccount): Promise<boolean>;
  /**
   * Changes an account in one transaction, refusing a change that would leave no enabled
   * owner. Disabling ends its sessions, tokens and link; a new password ends its sessions.
   */
  update(key: string, patch: AccountPatch): Promise<AccountChangeResult>;
  /** Deletes an account with its sessions, tokens and link; refuses to delete the last enabled owner. */
  delete(key: string): Promise<AccountChangeResult>;
  createSession(session: SessionRecord): Promise<void>;
  /** A session and its account (undefined when deleted), in one read. */
  session(hash: string): Promise<{ session: SessionRecord; account?: StoredAccount } | undefined>;
  touchSession(hash: string, at: number): Promise<void>;
  deleteSession(hash: string): Promise<void>;
  /** Deletes the sessions last seen before `before`; returns how many. */
  pruneSessions(before: number): Promise<number>;
  /** Adds a token; one whose id is already stored is left as it is (a copy run twice). */
  createToken(token: TokenRecord): Promise<void>;
  /** A token and its account, in one read. */
  token(hash: string): Promise<{ token: TokenRecord; account?: StoredAccount } | undefined>;
  /** The tokens of one account, or of every account; newest first. */
  listTokens(account?: string): Promise<TokenRecord[]>;
  deleteToken(id: string): Promise<boolean>;
  touchToken(id: string, at: string): Promise<void>;
  /** Stores the account's set-password link, replacing any earlier one. */
  putPasswordLink(link: PasswordLink): Promise<void>;
  /**
   * Spends a link: when it exists and has not expired at `now`, sets the password, deletes
   * the link and ends the account's sessions, and returns the account's key.
   */
  usePasswordLink(hash: string, now: number, passwordHash: string): Promise<string | undefined>;
  /** Appends an entry; one whose id is already stored is left as it is (a copy run twice). */
  appendAudit(entry: StoredAuditEntry): Promise<void>;
  audit(query: AuditQuery): Promise<StoredAuditEntry[]>;
  /** Deletes entries older than `before` (the retention period): the only way an entry leaves. */
  pruneAudit(before: string): Promise<number>;
}
