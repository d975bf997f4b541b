import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/server/access/rules';
import { createApp } from '../../src/server/app';
import { appConfig } from '../../src/server/config';
import { ENGINES } from '../support/engines';
import { AUTH, TOKEN, pollResponse, setup, submit } from './helpers';
import { SAME_ORIGIN, addAccount, browser, cookieOf, makeToken, send, signIn } from './accounts-helpers';

/** Every API route the app has, as `METHOD /path` without the /api/v1 prefix, read from the app itself. */
const appRoutes = (app: Hono) =>
  [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/')).map((r) => `${r.method} ${r.path.slice('/api/v1'.length)}`))].sort();

/**
 * What each route needs, written out here apart from the server's table, so loosening a
 * rule there fails this test. `-` is public; `*` is anyone signed in.
 */
const EXPECTED: Record<string, '-' | '*' | 'viewer' | 'analyst' | 'editor' | 'owner'> = {
  'GET /health': '-', 'GET /surveys': '-', 'GET /surveys/:id': '-', 'GET /surveys/:id/versions/:version': '-', 'GET /surveys/:id/versions/:version/changes': '-', 'POST /responses': '-', 'GET /join/:code': '-', 'GET /surveys/:id/waves/:slug/quotas': '-',
  'POST /auth/login': '-', 'POST /auth/logout': '-', 'POST /auth/set-password': '-', 'GET /auth/me': '*',
  'GET /surveys/:id/results': 'viewer', 'GET /surveys/:id/live': 'viewer', 'GET /surveys/:id/analysis': 'viewer', 'GET /surveys/:id/overview': 'viewer', 'GET /surveys/:id/waves': 'viewer',
  'GET /surveys/:id/report': 'viewer', 'GET /surveys/:id/weighting': 'viewer',
  'GET /surveys/:id/responses.csv': 'analyst', 'GET /surveys/:id/responses.ndjson': 'analyst', 'GET /surveys/:id/comments': 'analyst',
  'GET /surveys/:id/responses.xlsx': 'analyst', 'GET /surveys/:id/codebook.csv': 'analyst',
  'POST /surveys': 'editor', 'POST /imports': 'editor',
  'PUT /surveys/:id/weighting': 'editor', 'DELETE /surveys/:id/weighting': 'editor',
  'GET /surveys/:id/draft': 'editor', 'PUT /surveys/:id/draft': 'editor', 'GET /surveys/:id/draft.xlsx': 'editor', 'POST /surveys/:id/draft/publish': 'editor', 'POST /surveys/:id/waves': 'editor', 'POST /surveys/:id/waves/:slug/close': 'editor',
  'DELETE /surveys/:id/waves/:slug/responses': 'editor', 'DELETE /surveys/:id/responses/:responseId': 'editor',
  'POST /surveys/:id/comments/:responseId/:question/hide': 'editor', 'POST /surveys/:id/comments/:responseId/:question/unhide': 'editor',
  'GET /tokens': '*', 'POST /tokens': '*', 'DELETE /tokens/:id': '*',
  'GET /accounts': 'owner', 'POST /accounts': 'owner', 'PATCH /accounts/:username': 'owner', 'DELETE /accounts/:username': 'owner',
  'POST /accounts/:username/password-link': 'owner', 'GET /audit': 'owner', 'GET /audit.csv': 'owner',
};
const RANK = ['viewer', 'analyst', 'editor', 'owner'];

// Ids that match nothing, so no call in the matrix deletes or changes anything that exists.
const PARAMS: Record<string, string> = { id: 'private', version: '1', slug: 'nothing-here', responseId: 'x', question: 'agree', code: 'ZZZZZZ', username: 'nobody' };
const fill = (route: string, params: Record<string, string>) => route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));

/** Calls a route as `headers`; reads a stream's first chunk only. */
async function call(app: Hono, route: string, headers: Record<string, string>, params = PARAMS): Promise<{ status: number; code?: string; message?: string }> {
  const [method, path] = route.split(' ') as [string, string];
  const body = method === 'POST' || method === 'PATCH' ? (path === '/imports' ? '{"responses":[]}' : '{}') : undefined;
  const res = await app.request(`/api/v1${fill(path, { ...params, id: path === '/tokens/:id' ? 'none' : params.id! })}`, { method, headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers }, body });
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body!.cancel();
    return { status: res.status };
  }
  const text = await res.text();
  const error = text.startsWith('{"error"') ? (JSON.parse(text) as { error: { code: string; message: string } }).error : undefined;
  return { status: res.status, code: error?.code, message: error?.message };
}

describe('the access rule table', () => {
  it('has exactly one rule for every route of the app, and no rule for a route that is not there', async () => {
    const { app } = await setup();
    const routes = appRoutes(app);
    const rules = RULES.map((r) => `${r.method} ${r.path}`).sort();
    expect(rules).toEqual(routes);
    expect(new Set(rules).size).toBe(rules.length);
    expect(Object.keys(EXPECTED).sort()).toEqual(routes);
  });

  it('says what this test expects of every route', () => {
    for (const rule of RULES) {
      const need = rule.need === 'public' ? '-' : rule.need === 'signed-in' ? '*' : rule.need;
      expect(need, `${rule.method} ${rule.path}`).toBe(EXPECTED[`${rule.method} ${rule.path}`]);
    }
  });
});

describe.each(ENGINES)('every role against every route on %s', (engine) => {
  it('lets each role through where it may, answers 403 where the role is too low and 404 on a survey not granted', async () => {
    const { app, close } = await setup({ engine });
    try {
      await submit(app, [{ ...pollResponse({ surveyId: 'private' }), answers: { agree: 3 } }]);
      const who: Record<string, Record<string, string>> = { 'owner-token': AUTH };
      for (const role of RANK) {
        await addAccount(app, role, role as never, ['private']);
        const cookie = await signIn(app, role);
        who[`${role} session`] = browser(cookie);
        who[`${role} token`] = { Authorization: `Bearer ${(await makeToken(app, cookie)).token}` };
      }
      await addAccount(app, 'elsewhere', 'editor', ['poll']);
      const elsewhere = await signIn(app, 'elsewhere');
      const routes = appRoutes(app).filter((r) => EXPECTED[r] !== '-');
      for (const route of routes) {
        const need = EXPECTED[route]!;
        for (const [name, headers] of Object.entries(who)) {
          const role = name === 'owner-token' ? 'owner' : name.split(' ')[0]!;
          const got = await call(app, route, headers);
          const label = `${name}: ${route} → ${got.status} ${got.code ?? ''}`;
          expect(got.status, label).not.toBe(401);
          const mintsToken = route === 'POST /tokens' && (name === 'owner-token' || name.endsWith('token'));
          if (need !== '*' && RANK.indexOf(role) < RANK.indexOf(need)) expect(got, label).toMatchObject({ status: 403, code: 'forbidden' });
          else if (mintsToken) expect(got, label).toMatchObject({ status: 403, code: 'forbidden' });
          else expect([403, 401].includes(got.status) || got.message === 'no survey private', label).toBe(false);
        }
        // Another survey's grant: every route about survey "private" hides it (404), whatever the role allows.
        if (route.includes(':id') && !route.startsWith('DELETE /tokens')) {
          const got = await call(app, route, browser(elsewhere));
          expect(got, `elsewhere: ${route}`).toMatchObject({ status: 404, code: 'not_found', message: 'no survey private' });
        }
      }
    } finally {
      await close();
    }
  });

  it('answers 401 unauthorized on every route that needs someone, for every kind of missing, wrong, expired or revoked credential', async () => {
    let now = Date.parse('2025-06-01T09:00:00.000Z');
    const { app, store, close } = await setup({ engine, clock: () => now });
    try {
      await addAccount(app, 'ana', 'analyst');
      await addAccount(app, 'dis', 'analyst');
      await addAccount(app, 'gone', 'analyst');
      const expiring = await signIn(app, 'ana');
      const live = await signIn(app, 'ana');
      const revoked = await makeToken(app, live, 'revoked');
      expect((await send(app, 'DELETE', `/api/v1/tokens/${revoked.id}`, undefined, browser(live))).status).toBe(204);
      const loggedOut = await signIn(app, 'ana');
      expect((await send(app, 'POST', '/api/v1/auth/logout', undefined, browser(loggedOut))).status).toBe(204);
      const disabledCookie = await signIn(app, 'dis');
      const disabledToken = await makeToken(app, disabledCookie);
      expect((await send(app, 'PATCH', '/api/v1/accounts/dis', { disabled: true }, AUTH)).status).toBe(200);
      const deletedCookie = await signIn(app, 'gone');
      const deletedToken = await makeToken(app, deletedCookie);
      expect((await send(app, 'DELETE', '/api/v1/accounts/gone', undefined, AUTH)).status).toBe(204);
      // Keep `live` fresh while 12 hours pass for `expiring`.
      now += 11 * 60 * 60 * 1000;
      expect((await send(app, 'GET', '/api/v1/auth/me', undefined, browser(live))).status).toBe(200);
      now += 60 * 60 * 1000 + 1000;
      const ownerSession = cookieOf((await send(app, 'POST', '/api/v1/auth/login', { token: TOKEN }, SAME_ORIGIN)).headers);
      // The owner token changed (a restart with a new STANCE_ADMIN_TOKEN): sessions it opened end.
      const rotated = createApp({ store, clock: () => now, config: appConfig({ adminToken: 'a-new-owner-token', rateLimit: false, log: () => undefined }) });
      expect((await send(app, 'GET', '/api/v1/auth/me', undefined, browser(ownerSession))).status).toBe(200);
      const WRONG: Record<string, Record<string, string>> = {
        none: {},
        'wrong bearer': { Authorization: 'Bearer not-a-token' },
        'revoked token': { Authorization: `Bearer ${revoked.token}` },
        "disabled account's token": { Authorization: `Bearer ${disabledToken.token}` },
        "deleted account's token": { Authorization: `Bearer ${deletedToken.token}` },
        'tampered cookie': browser(live.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))),
        'malformed cookie': browser('stance_session=../../etc/passwd'),
        'expired session': browser(expiring),
        'logged-out session': browser(loggedOut),
        "disabled account's session": browser(disabledCookie),
        "deleted account's session": browser(deletedCookie),
        'bearer beside a good cookie': { ...browser(live), Authorization: 'Bearer wrong' },
      };
      for (const route of appRoutes(app).filter((r) => EXPECTED[r] !== '-')) {
        for (const [name, headers] of Object.entries(WRONG)) {
          expect(await call(app, route, headers), `${name}: ${route}`).toMatchObject({ status: 401, code: 'unauthorized' });
        }
        expect(await call(rotated, route, browser(ownerSession)), `old owner-token session: ${route}`).toMatchObject({ status: 401, code: 'unauthorized' });
      }
      expect((await send(app, 'GET', '/api/v1/auth/me', undefined, browser(live))).status).toBe(200);
    } finally {
      await close();
    }
  });
});
