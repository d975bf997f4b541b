import type Database from 'better-sqlite3';
import type { AuditAction, Grants, Role } from '../../../core/accounts';
import type {
  AccountChangeResult, AccountPatch, AccountStore, AuditQuery, PasswordLink, SessionRecord, StoredAccount, StoredAuditEntry, TokenRecord,
} from '../account-types';
import { guarded } from './errors';

type AccountRow = { key: string; username: string; role: string; surveys: string; disabled: number; password_hash: string | null; created_at: string };
type TokenRow = { id: string; hash: string; account: string; name: string; created_at: string; last_used_at: string | null };
type AuditRow = { id: string; at: string; actor: string; action: string; target: string | null; survey: string | null; ip: string | null; details: string };

const accountOf = (r: AccountRow): StoredAccount => ({
  key: r.key, username: r.username, role: r.role as Role, surveys: JSON.parse(r.surveys) as Grants,
  disabled: r.disabled === 1, passwordHash: r.password_hash, createdAt: r.created_at,
});
const tokenOf = (r: TokenRow): TokenRecord => ({ id: r.id, hash: r.hash, account: r.account, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at });
const entryOf = (r: AuditRow): StoredAuditEntry => ({
  id: r.id, at: r.at, actor: r.actor, action: r.action as AuditAction, target: r.target, survey: r.survey, ip: r.ip, details: JSON.parse(r.details) as Record<string, unknown>,
});
const ACCOUNT_COLUMNS = 'a.key, a.username, a.role, a.surveys, a.disabled, a.password_hash, a.created_at';

/**
 * Accounts on SQLite. One process owns the file and better-sqlite3 runs each transaction
 * to its end before anything else, so the last-owner check and the change it guards
 * cannot interleave with another change.
 */
export class SqliteAccounts implements AccountStore {
  constructor(private readonly db: Database.Database) {}

  async list(): Promise<StoredAccount[]> {
    return (this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a ORDER BY a.key`).all() as AccountRow[]).map(accountOf);
  }

  async get(key: string): Promise<StoredAccount | undefined> {
    const row = this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.key = ?`).get(key) as AccountRow | undefined;
    return row && accountOf(row);
  }

  async create(a: StoredAccount): Promise<boolean> {
    return guarded(() => this.db
      .prepare('INSERT INTO accounts (key, username, role, surveys, disabled, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(a.key, a.username, a.role, JSON.stringify(a.surveys), a.disabled ? 1 : 0, a.passwordHash, a.createdAt).changes > 0);
  }

  async update(key: string, patch: AccountPatch): Promise<AccountChangeResult> {
    return guarded(() => this.db.transaction((): AccountChangeResult => {
      const before = this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.key = ?`).get(key) as AccountRow | undefined;
      if (!before) return 'missing';
      const after = { ...accountOf(before), ...patch };
      if ((after.role !== 'owner' || after.disabled) && this.isLastOwner(before)) return 'last_owner';
      this.db.prepare('UPDATE accounts SET role = ?, surveys = ?, disabled = ?, password_hash = ? WHERE key = ?')
        .run(after.role, JSON.stringify(after.role === 'owner' ? '*' : after.surveys), after.disabled ? 1 : 0, after.passwordHash, key);
      if (after.disabled) this.endCredentials(key);
      else if (patch.passwordHash !== undefined) this.db.prepare('DELETE FROM sessions WHERE account = ?').run(key);
      return 'changed';
    })());
  }

  async delete(key: string): Promise<AccountChangeResult> {
    return guarded(() => this.db.transaction((): AccountChangeResult => {
      const before = this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.key = ?`).get(key) as AccountRow | undefined;
      if (!before) return 'missing';
      if (this.isLastOwner(before)) return 'last_owner';
      this.endCredentials(key);
      this.db.prepare('DELETE FROM accounts WHERE key = ?').run(key);
      return 'changed';
    })());
  }

  async createSession(s: SessionRecord): Promise<void> {
    guarded(() => this.db.prepare('INSERT INTO sessions (hash, account, via, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(s.hash, s.account, s.via, s.createdAt, s.lastSeenAt));
  }

  async session(hash: string): Promise<{ session: SessionRecord; account?: StoredAccount } | undefined> {
    const row = this.db
      .prepare(`SELECT s.hash AS s_hash, s.account AS s_account, s.via, s.created_at AS s_created, s.last_seen_at, ${ACCOUNT_COLUMNS}
                FROM sessions s LEFT JOIN accounts a ON a.key = s.account WHERE s.hash = ?`)
      .get(hash) as (AccountRow & { s_hash: string; s_account: string | null; via: string; s_created: number; last_seen_at: number }) | undefined;
    if (!row) return undefined;
    const session = { hash: row.s_hash, account: row.s_account, via: row.via, createdAt: row.s_created, lastSeenAt: row.last_seen_at };
    return { session, account: row.key ? accountOf(row) : undefined };
  }

  async touchSession(hash: string, at: number): Promise<void> {
    guarded(() => this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE hash = ?').run(at, hash));
  }

  async deleteSession(hash: string): Promise<void> {
    guarded(() => this.db.prepare('DELETE FROM sessions WHERE hash = ?').run(hash));
  }

  async pruneSessions(before: number): Promise<number> {
    return guarded(() => this.db.prepare('DELETE FROM sessions WHERE last_seen_at < ?').run(before).changes);
  }

  async createToken(t: TokenRecord): Promise<void> {
    guarded(() => this.db
      .prepare('INSERT INTO tokens (id, hash, account, name, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(t.id, t.hash, t.account, t.name, t.createdAt, t.lastUsedAt));
  }

  async token(hash: string): Promise<{ token: TokenRecord; account?: StoredAccount } | undefined> {
    const row = this.db
      .prepare(`SELECT t.id, t.hash, t.account, t.name, t.created_at AS t_created, t.last_used_at, ${ACCOUNT_COLUMNS}
                FROM tokens t LEFT JOIN accounts a ON a.key = t.account WHERE t.hash = ?`)
      .get(hash) as (AccountRow & Omit<TokenRow, 'created_at'> & { t_created: string }) | undefined;
    if (!row) return undefined;
    return { token: tokenOf({ ...row, created_at: row.t_created }), account: row.key ? accountOf(row) : undefined };
  }

  async listTokens(account?: string): Promise<TokenRecord[]> {
    const rows = this.db.prepare('SELECT * FROM tokens WHERE (? IS NULL OR account = ?) ORDER BY created_at DESC, id').all(account ?? null, account ?? null) as TokenRow[];
    return rows.map(tokenOf);
  }

  async deleteToken(id: string): Promise<boolean> {
    return guarded(() => this.db.prepare('DELETE FROM tokens WHERE id = ?').run(id).changes > 0);
  }

  async touchToken(id: string, at: string): Promise<void> {
    guarded(() => this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(at, id));
  }

  async putPasswordLink(link: PasswordLink): Promise<void> {
    guarded(() => this.db
      .prepare('INSERT INTO password_links (hash, account, expires_at) VALUES (?, ?, ?) ON CONFLICT (account) DO UPDATE SET hash = excluded.hash, expires_at = excluded.expires_at')
      .run(link.hash, link.account, link.expiresAt));
  }

  async usePasswordLink(hash: string, now: number, passwordHash: string): Promise<string | undefined> {
    return guarded(() => this.db.transaction((): string | undefined => {
      const link = this.db.prepare('SELECT account, expires_at FROM password_links WHERE hash = ?').get(hash) as { account: string; expires_at: number } | undefined;
      if (!link) return undefined;
      this.db.prepare('DELETE FROM password_links WHERE hash = ?').run(hash);
      if (link.expires_at <= now) return undefined;
      this.db.prepare('UPDATE accounts SET password_hash = ? WHERE key = ?').run(passwordHash, link.account);
      this.db.prepare('DELETE FROM sessions WHERE account = ?').run(link.account);
      return link.account;
    })());
  }

  async appendAudit(e: StoredAuditEntry): Promise<void> {
    guarded(() => this.db
      .prepare('INSERT INTO audit (id, at, actor, action, target, survey, ip, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(e.id, e.at, e.actor, e.action, e.target, e.survey, e.ip, JSON.stringify(e.details)));
  }

  async audit(q: AuditQuery): Promise<StoredAuditEntry[]> {
    const rows = this.db
      .prepare(
        `SELECT id, at, actor, action, target, survey, ip, details FROM audit
         WHERE (? IS NULL OR seq < (SELECT seq FROM audit WHERE id = ?)) AND (? IS NULL OR actor = ?) AND (? IS NULL OR action = ?)
           AND (? IS NULL OR survey = ?) AND (? IS NULL OR target = ?) AND (? IS NULL OR ip = ?) AND (? IS NULL OR at >= ?)
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(...[q.before, q.actor, q.action, q.survey, q.target, q.ip, q.since].flatMap((v) => [v ?? null, v ?? null]), q.limit) as AuditRow[];
    return rows.map(entryOf);
  }

  async pruneAudit(before: string): Promise<number> {
    return guarded(() => this.db.prepare('DELETE FROM audit WHERE at < ?').run(before).changes);
  }

  private isLastOwner(row: AccountRow): boolean {
    if (row.role !== 'owner' || row.disabled === 1) return false;
    const { n } = this.db.prepare("SELECT COUNT(*) AS n FROM accounts WHERE role = 'owner' AND disabled = 0 AND key <> ?").get(row.key) as { n: number };
    return n === 0;
  }

  private endCredentials(key: string): void {
    for (const table of ['sessions', 'tokens', 'password_links']) this.db.prepare(`DELETE FROM ${table} WHERE account = ?`).run(key);
  }
}
