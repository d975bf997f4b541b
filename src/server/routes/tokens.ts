import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod/mini';
import { AppError } from '../../core/errors';
import { newSecret } from '../access/sessions';
import { principalOf } from '../auth';
import type { Services } from '../context';
import { isoNow } from '../context';
import { sha256 } from '../hash';
import { readJson } from '../http';
import type { TokenRecord } from '../store/account-types';

const NewTokenSchema = z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)) });

/** A token as listed: never its secret or hash, which exist only at creation and as a digest. */
const listed = (t: TokenRecord, username: string) => ({ id: t.id, name: t.name, account: username, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt });

/**
 * Personal API tokens for scripts. A token acts as its account (its role and grants read
 * afresh on every request, so it never has more rights than the account has now); the
 * secret is shown once, at creation, and kept as a SHA-256 digest.
 */
export function tokenRoutes({ store, clock, audit }: Services): Hono {
  const app = new Hono();

  // Owners see every account's tokens; everyone else their own.
  const visible = async (principal: ReturnType<typeof principalOf>): Promise<{ token: TokenRecord; username: string }[]> => {
    if (principal.account.role === 'owner') {
      const names = new Map((await store.accounts.list()).map((a) => [a.key, a.username]));
      return (await store.accounts.listTokens()).map((token) => ({ token, username: names.get(token.account) ?? token.account }));
    }
    return principal.key === null ? [] : (await store.accounts.listTokens(principal.key)).map((token) => ({ token, username: principal.account.username }));
  };

  app.get('/tokens', async (c) => c.json({ tokens: (await visible(principalOf(c))).map((v) => listed(v.token, v.username)) }));

  app.post('/tokens', async (c) => {
    const principal = principalOf(c);
    // A leaked token must not be able to mint replacements that outlive its revocation.
    if (principal.via === 'token') throw new AppError('forbidden', 'tokens are made by a signed-in organiser, not by another token');
    if (principal.key === null) throw new AppError('forbidden', 'the owner token is no account and holds no tokens; create an owner account and sign in with it');
    const parsed = NewTokenSchema.safeParse(await readJson(c, 4096));
    if (!parsed.success) throw new AppError('bad_request', 'expected {"name": "what the token is for"} (1 to 80 characters)');
    const token = `stance_${newSecret()}`;
    const record: TokenRecord = { id: randomBytes(9).toString('base64url'), hash: sha256(token), account: principal.key, name: parsed.data.name, createdAt: isoNow(clock), lastUsedAt: null };
    await store.accounts.createToken(record);
    await audit.record(c, { action: 'token_created', target: `token:${record.id}`, details: { name: record.name, account: principal.account.username } });
    return c.json({ ...listed(record, principal.account.username), token }, 201);
  });

  app.delete('/tokens/:id', async (c) => {
    const found = (await visible(principalOf(c))).find((v) => v.token.id === c.req.param('id'));
    if (!found || !(await store.accounts.deleteToken(found.token.id))) throw new AppError('not_found', 'no such token among the tokens this account may see');
    await audit.record(c, { action: 'token_revoked', target: `token:${found.token.id}`, details: { name: found.token.name, account: found.username } });
    return c.body(null, 204);
  });

  return app;
}
