import type { Pool, PoolClient } from 'pg';
import type { AuditAction, Grants, Role } from '../../../core/accounts';
import type {
  AccountChangeResult, AccountPatch, AccountStore, AuditQuery, PasswordLink, SessionRecord, StoredAccount, StoredAuditEntry, TokenRecord,
} from '../account-types';
import { guarded, isUnreachable } from './errors';

/** The advisory lock every change to an account takes, so two owners demoting each other cannot both pass the last-owner check. */
const ACCOUNTS_LOCK = 7_301_004;

type AccountRow = { key: string; username: string; role: string; surveys: string; disabled: boolean; password_hash: string | null; created_at: string };
type TokenRow = { id: string; hash: string; account: string; name: string; t_created: string; last_used_at: string | null };
type AuditRow = { id: string; at: string; actor: string; action: string; target: string | null; survey: string | null; ip: string | null; details: string };

const ACCOUNT_COLUMNS = 'a.key, a.username, a.role, a.surveys, a.disabled, a.password_hash, a.created_at';
const accountOf = (r: AccountRow): StoredAccount => ({
  key: r.key, username: r.username, role: r.role as Role, surveys: JSON.parse(r.surveys) as Grants,
  disabled: r.disabled, passwordHash: r.password_hash, createdAt: r.created_at,
});
const tokenOf = (r: TokenRow): TokenRecord => ({ id: r.id, hash: r.hash, account: r.account, name: r.name, createdAt: r.t_created, lastUsedAt: r.last_used_at });
const entryOf = (r: AuditRow): StoredAuditEntry => ({
  id: r.id, at: r.at, actor: r.actor, action: r.action as AuditAction, target: r.target, survey: r.survey, ip: r.ip, details: JSON.parse(r.details) as Record<string, unknown>,
});

/**
 * Accounts on PostgreSQL, shared by every process. Nothing is cached: each request reads
 * its session or token and the account behind it, so disabling an account or revoking a
 * token on one process holds on the next request to any process.
 */
export class PgAccounts implements AccountStore {
  constructor(private readonly pool: Pool) {}

  list(): Promise<StoredAccount[]> {
    return guarded(async () => (await this.pool.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a ORDER BY a.key`)).rows.map(accountOf));
  }

  get(key: string): Promise<StoredAccount | undefined> {
    return guarded(async () => {
      const { rows } = await this.pool.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.key = $1`, [key]);
      return rows[0] && accountOf(rows[0]);
    });
  }

  create(a: StoredAccount): Promise<boolean> {
    return guarded(async () => {
      const result = await this.pool.query(
        'INSERT INTO accounts (key, username, role, surveys, disabled, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING',
        [a.key, a.username, a.role, JSON.stringify(a.surveys), a.disabled, a.passwordHash, a.createdAt],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  update(key: string, patch: AccountPatch): Promise<AccountChangeResult> {
    return this.locked(async (client) => {
      const before = await this.row(client, key);
      if (!before) return 'missing';
      const after = { ...accountOf(before), ...patch };
      if ((after.role !== 'owner' || after.disabled) && (await this.isLastOwner(client, before))) return 'last_owner';
      await client.query('UPDATE accounts SET role = $1, surveys = $2, disabled = $3, password_hash = $4 WHERE key = $5', [
        after.role, JSON.stringify(after.role === 'owner' ? '*' : after.surveys), after.disabled, after.passwordHash, key,
      ]);
      if (after.disabled) await this.endCredentials(client, key);
      else if (patch.passwordHash !== undefined) await client.query('DELETE FROM sessions WHERE account = $1', [key]);
      return 'changed';
    });
  }

  delete(key: string): Promise<AccountChangeResult> {
    return this.locked(async (client) => {
      const before = await this.row(client, key);
      if (!before) return 'missing';
      if (await this.isLastOwner(client, before)) return 'last_owner';
      await this.endCredentials(client, key);
      await client.query('DELETE FROM accounts WHERE key = $1', [key]);
      return 'changed';
    });
  }

  async createSession(s: SessionRecord): Promise<void> {
    await guarded(() => this.pool.query('INSERT INTO sessions (hash, account, via, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)', [s.hash, s.account, s.via, s.createdAt, s.lastSeenAt]));
  }

  session(hash: string): Promise<{ session: SessionRecord; account?: StoredAccount } | undefined> {
    return guarded(async () => {
      const { rows } = await this.pool.query<AccountRow & { s_hash: string; s_account: string | null; via: string; s_created: string; last_seen_at: string }>(
        `SELECT s.hash AS s_hash, s.account AS s_account, s.via, s.created_at AS s_created, s.last_seen_at, ${ACCOUNT_COLUMNS}
         FROM sessions s LEFT JOIN accounts a ON a.key = s.account WHERE s.hash = $1`,
        [hash],
      );
      const row = rows[0];
      if (!row) return undefined;
      const session = { hash: row.s_hash, account: row.s_account, via: row.via, createdAt: Number(row.s_created), lastSeenAt: Number(row.last_seen_at) };
      return { session, account: row.key ? accountOf(row) : undefined };
    });
  }

  async touchSession(hash: string, at: number): Promise<void> {
    await guarded(() => this.pool.query('UPDATE sessions SET last_seen_at = $1 WHERE hash = $2', [at, hash]));
  }

  async deleteSession(hash: string): Promise<void> {
    await guarded(() => this.pool.query('DELETE FROM sessions WHERE hash = $1', [hash]));
  }

  pruneSessions(before: number): Promise<number> {
    return guarded(async () => (await this.pool.query('DELETE FROM sessions WHERE last_seen_at < $1', [before])).rowCount ?? 0);
  }

  async createToken(t: TokenRecord): Promise<void> {
    await guarded(() => this.pool.query(
      'INSERT INTO tokens (id, hash, account, name, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING',
      [t.id, t.hash, t.account, t.name, t.createdAt, t.lastUsedAt],
    ));
  }

  token(hash: string): Promise<{ token: TokenRecord; account?: StoredAccount } | undefined> {
    return guarded(async () => {
      const { rows } = await this.pool.query<AccountRow & TokenRow>(
        `SELECT t.id, t.hash, t.account, t.name, t.created_at AS t_created, t.last_used_at, ${ACCOUNT_COLUMNS}
         FROM tokens t LEFT JOIN accounts a ON a.key = t.account WHERE t.hash = $1`,
        [hash],
      );
      const row = rows[0];
      return row && { token: tokenOf(row), account: row.key ? accountOf(row) : undefined };
    });
  }

  listTokens(account?: string): Promise<TokenRecord[]> {
    return guarded(async () => {
      const { rows } = await this.pool.query<TokenRow>(
        'SELECT id, hash, account, name, created_at AS t_created, last_used_at FROM tokens WHERE ($1::text IS NULL OR account = $1) ORDER BY created_at DESC, id',
        [account ?? null],
      );
      return rows.map(tokenOf);
    });
  }

  deleteToken(id: string): Promise<boolean> {
    return guarded(async () => ((await this.pool.query('DELETE FROM tokens WHERE id = $1', [id])).rowCount ?? 0) > 0);
  }

  async touchToken(id: string, at: string): Promise<void> {
    await guarded(() => this.pool.query('UPDATE tokens SET last_used_at = $1 WHERE id = $2', [at, id]));
  }

  async putPasswordLink(link: PasswordLink): Promise<void> {
    await guarded(() => this.pool.query(
      'INSERT INTO password_links (hash, account, expires_at) VALUES ($1, $2, $3) ON CONFLICT (account) DO UPDATE SET hash = excluded.hash, expires_at = excluded.expires_at',
      [link.hash, link.account, link.expiresAt],
    ));
  }

  usePasswordLink(hash: string, now: number, passwordHash: string): Promise<string | undefined> {
    return this.locked(async (client) => {
      // Deleting first makes two processes spending one link at once see it only once.
      const { rows } = await client.query<{ account: string; expires_at: string }>('DELETE FROM password_links WHERE hash = $1 RETURNING account, expires_at', [hash]);
      const link = rows[0];
      if (!link || Number(link.expires_at) <= now) return undefined;
      await client.query('UPDATE accounts SET password_hash = $1 WHERE key = $2', [passwordHash, link.account]);
      await client.query('DELETE FROM sessions WHERE account = $1', [link.account]);
      return link.account;
    });
  }

  async appendAudit(e: StoredAuditEntry): Promise<void> {
    await guarded(() => this.pool.query(
      'INSERT INTO audit (id, at, actor, action, target, survey, ip, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING',
      [e.id, e.at, e.actor, e.action, e.target, e.survey, e.ip, JSON.stringify(e.details)],
    ));
  }

  audit(q: AuditQuery): Promise<StoredAuditEntry[]> {
    return guarded(async () => {
      const { rows } = await this.pool.query<AuditRow>(
        `SELECT id, at, actor, action, target, survey, ip, details FROM audit
         WHERE ($1::text IS NULL OR seq < (SELECT seq FROM audit WHERE id = $1)) AND ($2::text IS NULL OR actor = $2)
           AND ($3::text IS NULL OR action = $3) AND ($4::text IS NULL OR survey = $4) AND ($5::text IS NULL OR target = $5)
           AND ($6::text IS NULL OR ip = $6) AND ($7::text IS NULL OR at >= $7)
         ORDER BY seq DESC LIMIT $8`,
        [q.before ?? null, q.actor ?? null, q.action ?? null, q.survey ?? null, q.target ?? null, q.ip ?? null, q.since ?? null, q.limit],
      );
      return rows.map(entryOf);
    });
  }

  pruneAudit(before: string): Promise<number> {
    return guarded(async () => (await this.pool.query('DELETE FROM audit WHERE at < $1', [before])).rowCount ?? 0);
  }

  /** Runs `work` in one transaction holding the accounts lock. */
  private locked<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return guarded(async () => {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that failed mid-transaction goes, rather than back into the pool.
        broken = isUnreachable(error);
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release(broken);
      }
    });
  }

  private async row(client: PoolClient, key: string): Promise<AccountRow | undefined> {
    return (await client.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.key = $1`, [key])).rows[0];
  }

  private async isLastOwner(client: PoolClient, row: AccountRow): Promise<boolean> {
    if (row.role !== 'owner' || row.disabled) return false;
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM accounts WHERE role = 'owner' AND NOT disabled AND key <> $1", [row.key]);
    return Number(rows[0]!.n) === 0;
  }

  private async endCredentials(client: PoolClient, key: string): Promise<void> {
    for (const table of ['sessions', 'tokens', 'password_links']) await client.query(`DELETE FROM ${table} WHERE account = $1`, [key]);
  }
}
