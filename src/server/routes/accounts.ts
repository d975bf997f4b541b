import { Hono } from 'hono';
import type { Context } from 'hono';
import { AccountChangeSchema, NewAccountSchema, displayUsername, passwordProblem, usernameKey, usernameProblem } from '../../core/accounts';
import { AppError } from '../../core/errors';
import { publicAccount } from '../access/credentials';
import { requestOrigin } from '../access/csrf';
import { hashPassword } from '../access/passwords';
import { PASSWORD_LINK_MS, newSecret } from '../access/sessions';
import type { Services } from '../context';
import { isoNow } from '../context';
import { sha256 } from '../hash';
import { issuePaths, readJson } from '../http';
import type { AccountChangeResult, AccountPatch, StoredAccount } from '../store/account-types';

const MAX_ACCOUNT_BODY = 16 * 1024;

const invalid = (issues: { path: string; message: string }[]) => new AppError('invalid', issues.map((i) => i.message).join('; '), { issues });

/** Problems with a username and a password, as `invalid` issues. */
function problems(fields: { username?: string; password?: string }): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const u = fields.username === undefined ? undefined : usernameProblem(fields.username);
  const p = fields.password === undefined ? undefined : passwordProblem(fields.password);
  if (u) out.push({ path: 'username', message: u });
  if (p) out.push({ path: 'password', message: p });
  return out;
}

/** 404 for an account that is not there, 409 `conflict` (reason `last_owner`) for a change that would leave no enabled owner. */
function checkChange(result: AccountChangeResult, username: string): void {
  if (result === 'missing') throw new AppError('not_found', `no account ${username}`);
  if (result === 'last_owner') throw new AppError('conflict', 'the last enabled owner cannot be demoted, disabled or deleted; make another owner first', { reason: 'last_owner' });
}

/** Account management for owners: create, change role, grants and password, disable, delete, set-password links. */
export function accountRoutes({ store, clock, config, audit }: Services): Hono {
  const app = new Hono();
  const accounts = store.accounts;
  const keyOf = (c: Context) => usernameKey(c.req.param('username') ?? '');

  // Without a mail server the owner passes the link on; it carries its secret after '#', which no server log or Referer sees.
  const issueLink = async (c: Context, account: StoredAccount) => {
    const secret = newSecret();
    const expiresAt = clock() + PASSWORD_LINK_MS;
    await accounts.putPasswordLink({ hash: sha256(secret), account: account.key, expiresAt });
    const base = config.publicUrlSource === 'configured' && config.publicUrl ? config.publicUrl.replace(/\/+$/, '') : requestOrigin(c, config.trustProxy);
    await audit.record(c, { action: 'password_link_issued', target: `account:${account.username}` });
    return { url: `${base}/organiser/set-password#${secret}`, expiresAt: new Date(expiresAt).toISOString() };
  };

  app.get('/accounts', async (c) => c.json({ accounts: (await accounts.list()).map(publicAccount) }));

  app.post('/accounts', async (c) => {
    const parsed = NewAccountSchema.safeParse(await readJson(c, MAX_ACCOUNT_BODY));
    if (!parsed.success) throw invalid(issuePaths(parsed.error.issues));
    const { username, role, surveys, password } = parsed.data;
    const found = problems({ username, password });
    if (found.length) throw invalid(found);
    const account: StoredAccount = {
      key: usernameKey(username), username: displayUsername(username), role, surveys: role === 'owner' ? '*' : surveys, disabled: false,
      createdAt: isoNow(clock), passwordHash: password === undefined ? null : await hashPassword(password),
    };
    if (!(await accounts.create(account))) {
      throw new AppError('conflict', `the username ${account.username} is taken (names differing only in case or Unicode form are the same name)`, { field: 'username' });
    }
    await audit.record(c, { action: 'account_created', target: `account:${account.username}`, details: { role, surveys: account.surveys } });
    const passwordLink = password === undefined ? await issueLink(c, account) : undefined;
    return c.json({ account: publicAccount(account), ...(passwordLink ? { passwordLink } : {}) }, 201);
  });

  app.patch('/accounts/:username', async (c) => {
    const parsed = AccountChangeSchema.safeParse(await readJson(c, MAX_ACCOUNT_BODY));
    if (!parsed.success) throw invalid(issuePaths(parsed.error.issues));
    const { password, ...rest } = parsed.data;
    if (Object.keys(parsed.data).length === 0) throw new AppError('bad_request', 'say what to change: role, surveys, disabled or password');
    const found = problems({ password });
    if (found.length) throw invalid(found);
    const patch: AccountPatch = { ...rest, ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }) };
    checkChange(await accounts.update(keyOf(c), patch), c.req.param('username'));
    const account = (await accounts.get(keyOf(c)))!;
    await audit.record(c, { action: 'account_updated', target: `account:${account.username}`, details: { ...rest, ...(password === undefined ? {} : { password: 'changed' }) } });
    return c.json({ account: publicAccount(account) });
  });

  app.delete('/accounts/:username', async (c) => {
    const account = await accounts.get(keyOf(c));
    checkChange(account ? await accounts.delete(account.key) : 'missing', c.req.param('username'));
    await audit.record(c, { action: 'account_deleted', target: `account:${account!.username}`, details: { role: account!.role } });
    return c.body(null, 204);
  });

  app.post('/accounts/:username/password-link', async (c) => {
    const account = await accounts.get(keyOf(c));
    if (!account) throw new AppError('not_found', `no account ${c.req.param('username')}`);
    return c.json(await issueLink(c, account), 201);
  });

  return app;
}
