import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/server/store/sqlite';
import { AUTH, type Setup, setup } from './helpers';
import { anyFragment, deep, huge, junkBody, objText, oddString } from './hostile-arbitraries';
import { expectClientError } from './hostile-build';
import { PASSWORD, SAME_ORIGIN, addAccount, browser, signIn } from './accounts-helpers';

// Hostile bodies and names for the organiser routes: only 4xx with a code, nothing created or changed.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
let ctx: Setup<SqliteStore>;
let cookie: string;

beforeAll(async () => {
  // Sign-ins are throttled; the fuzz sends many from one address, so the address is spread.
  ctx = await setup({ config: { trustProxy: true } });
  await addAccount(ctx.app, 'ana', 'owner');
  cookie = await signIn(ctx.app, 'ana');
});

let n = 0;
async function post(path: string, body: string, headers: Record<string, string>, method = 'POST') {
  const res = await ctx.app.request(path, { method, headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.${(n >> 8) & 255}.${n++ & 255}.1`, ...headers }, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const field = fc.oneof(anyFragment, oddString, deep, huge, fc.constantFrom('null', '[]', '{}', '""', '0', 'true', JSON.stringify('x'.repeat(9))));
const bodyWith = (keys: string[], good: Record<string, string>) =>
  fc.oneof(junkBody, fc.tuple(fc.constantFrom(...keys), field).map(([k, v]) => objText([...Object.entries(good).filter(([key]) => key !== k), [k, v]])));
/** A hostile name as a path segment; a lone surrogate cannot be percent-encoded, so it goes as invalid UTF-8. */
function segment(text: string): string {
  try {
    return encodeURIComponent(String(JSON.parse(text)).slice(0, 80));
  } catch {
    return '%ED%A0%80x';
  }
}
const rows = (table: string) => (ctx.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('hostile input to the organiser routes', () => {
  it('POST /auth/login and /auth/set-password: 4xx for every body, and no session made', async () => {
    const sessions = rows('sessions');
    const login = bodyWith(['username', 'password', 'token'], { username: JSON.stringify('ana'), password: JSON.stringify('wrong password!') });
    await fc.assert(
      fc.asyncProperty(login, async (body) => {
        const res = await post('/api/v1/auth/login', body, SAME_ORIGIN);
        expectClientError(res.status, res.body);
      }),
      { numRuns: 400, seed },
    );
    await fc.assert(
      fc.asyncProperty(bodyWith(['token', 'password'], { token: JSON.stringify('A'.repeat(43)), password: JSON.stringify(PASSWORD) }), async (body) => {
        expectClientError(...Object.values(await post('/api/v1/auth/set-password', body, {})) as [number, unknown]);
      }),
      { numRuns: 300, seed },
    );
    expect(rows('sessions')).toBe(sessions);
  });

  it('POST /accounts, PATCH and password links: 4xx for every body and name, and no account made or changed', async () => {
    const before = JSON.stringify(ctx.store.db.prepare('SELECT * FROM accounts').all());
    // Two fields are wrong, so replacing one never makes a good account.
    const account = bodyWith(['username', 'role', 'surveys', 'password'], { username: JSON.stringify('x'), role: '"viewer"', surveys: '"*"', password: JSON.stringify('short') });
    await fc.assert(
      fc.asyncProperty(account, async (body) => {
        const res = await post('/api/v1/accounts', body, browser(cookie));
        expectClientError(res.status, res.body);
      }),
      { numRuns: 400, seed },
    );
    const name = fc.oneof(fc.constantFrom('nobody', '..', '%2e%2e', 'ANA%00', '%ED%A0%80', '%'), oddString.map(segment));
    await fc.assert(
      fc.asyncProperty(name, bodyWith(['role', 'surveys', 'disabled', 'password'], { role: '"editor"' }), async (who, body) => {
        const target = who === 'ana' ? 'nobody' : who;
        expectClientError(...Object.values(await post(`/api/v1/accounts/${target}`, body, browser(cookie), 'PATCH')) as [number, unknown]);
        expectClientError(...Object.values(await post(`/api/v1/accounts/${target}/password-link`, body, AUTH)) as [number, unknown]);
      }),
      { numRuns: 300, seed },
    );
    expect(JSON.stringify(ctx.store.db.prepare('SELECT * FROM accounts').all())).toBe(before);
    expect(rows('password_links')).toBe(0);
  });

  it('POST /tokens: 4xx for every body that is no name, and no token made', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(junkBody, fc.oneof(deep, huge, fc.constantFrom('null', '[]', '{}', '""', '"  "', '0', 'true', JSON.stringify('n'.repeat(81)))).map((v) => objText([['name', v]]))), async (body) => {
        const res = await post('/api/v1/tokens', body, browser(cookie));
        expectClientError(res.status, res.body);
      }),
      { numRuns: 300, seed },
    );
    expect(rows('tokens')).toBe(0);
    expect(ctx.logs).toEqual([]);
  });
});
