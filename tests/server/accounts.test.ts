import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/engines';
import { AUTH, setup } from './helpers';
import { PASSWORD, SAME_ORIGIN, addAccount, browser, cookieOf, makeToken, send, signIn } from './accounts-helpers';

const HOUR = 60 * 60 * 1000;

describe.each(ENGINES)('organiser accounts on %s', (engine) => {
  it('creates accounts, refuses a name equal to another after case folding and NFKC, and signs in under any of its forms', async () => {
    const { app, close } = await setup({ engine });
    try {
      await addAccount(app, 'Straße', 'viewer');
      await addAccount(app, '한국', 'viewer');
      await addAccount(app, 'fiona', 'viewer');
      for (const twin of ['STRASSE', 'strasse', 'straẞe', '\u1112\u1161\u11ab\u1100\u116e\u11a8', 'ﬁona', 'ＦＩＯＮＡ', ' fiona ']) {
        const res = await send(app, 'POST', '/api/v1/accounts', { username: twin, role: 'editor', surveys: '*', password: PASSWORD }, AUTH);
        expect(res, twin).toMatchObject({ status: 409, body: { error: { code: 'conflict', details: { field: 'username' } } } });
      }
      expect((await send(app, 'GET', '/api/v1/accounts', undefined, AUTH)).body.accounts.map((a: { username: string }) => a.username)).toEqual(['fiona', 'Straße', '한국']);
      for (const form of ['STRASSE', 'straße', 'Straße']) expect((await send(app, 'POST', '/api/v1/auth/login', { username: form, password: PASSWORD }, SAME_ORIGIN)).status, form).toBe(200);
      expect((await send(app, 'POST', '/api/v1/auth/login', { username: '\u1112\u1161\u11ab\u1100\u116e\u11a8', password: PASSWORD }, SAME_ORIGIN)).body.account.username).toBe('한국');
    } finally {
      await close();
    }
  });

  it('refuses bad accounts with 400 and a code: short passwords, bad names, the reserved name, unknown roles, malformed bodies', async () => {
    const { app, close } = await setup({ engine });
    try {
      const cases: [unknown, string][] = [
        [{ username: 'sam', role: 'viewer', surveys: '*', password: 'nine-char' }, 'invalid'],
        [{ username: 'x', role: 'viewer', surveys: '*', password: PASSWORD }, 'invalid'],
        [{ username: 'has space', role: 'viewer', surveys: '*', password: PASSWORD }, 'invalid'],
        [{ username: 'Owner-Token', role: 'viewer', surveys: '*', password: PASSWORD }, 'invalid'],
        [{ username: 'sam', role: 'admin', surveys: '*', password: PASSWORD }, 'invalid'],
        [{ username: 'sam', role: 'viewer', surveys: ['Not A Slug'], password: PASSWORD }, 'invalid'],
        [{ username: 'sam', role: 'viewer', surveys: 'all', password: PASSWORD }, 'invalid'],
        [{ username: 'sam', role: 'viewer', surveys: '*', password: 'x'.repeat(1025) }, 'invalid'],
        ['{"username":', 'bad_request'],
        ['[]', 'invalid'],
      ];
      for (const [body, code] of cases) expect(await send(app, 'POST', '/api/v1/accounts', body, AUTH), JSON.stringify(body)).toMatchObject({ status: 400, body: { error: { code } } });
      expect((await send(app, 'POST', '/api/v1/accounts', { username: 'sam', role: 'viewer', surveys: '*', password: 'ten-chars!' }, AUTH)).status).toBe(201);
      for (const body of ['{}', '{"role":"boss"}', 'null', '{"disabled":"yes"}']) {
        expect((await send(app, 'PATCH', '/api/v1/accounts/sam', body, AUTH)).status, body).toBe(400);
      }
      for (const body of ['', 'nope', '{}', '{"username":"sam"}', '{"username":5,"password":"x"}', JSON.stringify({ username: 'sam', password: 'p'.repeat(2000) })]) {
        expect(await send(app, 'POST', '/api/v1/auth/login', body, SAME_ORIGIN), body).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
      }
    } finally {
      await close();
    }
  });

  it('never deletes, disables or demotes the last enabled owner', async () => {
    const { app, close } = await setup({ engine });
    try {
      await addAccount(app, 'olivia', 'owner');
      const lastOwner = { status: 409, body: { error: { code: 'conflict', details: { reason: 'last_owner' } } } };
      expect(await send(app, 'PATCH', '/api/v1/accounts/olivia', { role: 'editor' }, AUTH)).toMatchObject(lastOwner);
      expect(await send(app, 'PATCH', '/api/v1/accounts/olivia', { disabled: true }, AUTH)).toMatchObject(lastOwner);
      expect(await send(app, 'DELETE', '/api/v1/accounts/olivia', undefined, AUTH)).toMatchObject(lastOwner);
      await addAccount(app, 'oscar', 'owner');
      const olivia = await signIn(app, 'olivia');
      expect((await send(app, 'PATCH', '/api/v1/accounts/oscar', { role: 'viewer', surveys: ['poll'] }, browser(olivia))).body.account).toMatchObject({ role: 'viewer', surveys: ['poll'] });
      expect(await send(app, 'DELETE', '/api/v1/accounts/olivia', undefined, browser(olivia))).toMatchObject(lastOwner);
      expect((await send(app, 'PATCH', '/api/v1/accounts/oscar', { role: 'owner' }, browser(olivia))).body.account).toMatchObject({ role: 'owner', surveys: '*' });
      expect((await send(app, 'DELETE', '/api/v1/accounts/olivia', undefined, browser(olivia))).status).toBe(204);
      expect((await send(app, 'GET', '/api/v1/auth/me', undefined, browser(olivia))).status).toBe(401);
      expect((await send(app, 'DELETE', '/api/v1/accounts/olivia', undefined, AUTH)).status).toBe(404);
    } finally {
      await close();
    }
  });

  it('ends sessions and tokens at once when an account is disabled, and a token follows its account down a role at once', async () => {
    const { app, close } = await setup({ engine });
    try {
      await addAccount(app, 'ana', 'analyst', ['private']);
      const cookie = await signIn(app, 'ana');
      const { token } = await makeToken(app, cookie);
      const bearer = { Authorization: `Bearer ${token}` };
      expect((await send(app, 'GET', '/api/v1/surveys/private/comments', undefined, bearer)).status).toBe(200);
      expect((await send(app, 'PATCH', '/api/v1/accounts/ana', { role: 'viewer' }, AUTH)).status).toBe(200);
      expect((await send(app, 'GET', '/api/v1/surveys/private/comments', undefined, bearer)).status).toBe(403);
      expect((await send(app, 'GET', '/api/v1/surveys/private/overview', undefined, bearer)).status).toBe(200);
      expect((await send(app, 'PATCH', '/api/v1/accounts/ana', { surveys: ['poll'] }, AUTH)).status).toBe(200);
      expect((await send(app, 'GET', '/api/v1/surveys/private/overview', undefined, browser(cookie))).status).toBe(404);
      expect((await send(app, 'PATCH', '/api/v1/accounts/ana', { disabled: true }, AUTH)).body.account).toMatchObject({ disabled: true });
      for (const headers of [bearer, browser(cookie)]) expect((await send(app, 'GET', '/api/v1/surveys/poll/overview', undefined, headers)).status).toBe(401);
      expect(await send(app, 'POST', '/api/v1/auth/login', { username: 'ana', password: PASSWORD }, SAME_ORIGIN)).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } });
      expect((await send(app, 'PATCH', '/api/v1/accounts/ana', { disabled: false }, AUTH)).status).toBe(200);
      // Enabling again brings no old session or token back.
      for (const headers of [bearer, browser(cookie)]) expect((await send(app, 'GET', '/api/v1/surveys/poll/overview', undefined, headers)).status).toBe(401);
      expect((await send(app, 'GET', '/api/v1/tokens', undefined, browser(await signIn(app, 'ana')))).body.tokens).toEqual([]);
    } finally {
      await close();
    }
  });

  it('issues a set-password link valid for 72 hours, once, replaced by a newer one; setting the password ends old sessions', async () => {
    let now = Date.parse('2025-06-01T09:00:00.000Z');
    const { app, close } = await setup({ engine, clock: () => now });
    try {
      const created = await addAccount(app, 'nina', 'viewer', '*', null);
      expect(created.account).toMatchObject({ username: 'nina', passwordSet: false });
      expect(created.passwordLink!.expiresAt).toBe('2025-06-04T09:00:00.000Z');
      const secretOf = (url: string) => url.split('#')[1]!;
      expect(created.passwordLink!.url).toMatch(/^http:\/\/localhost\/organiser\/set-password#[A-Za-z0-9_-]{43}$/);
      const first = secretOf(created.passwordLink!.url);
      expect((await send(app, 'POST', '/api/v1/auth/login', { username: 'nina', password: 'anything at all' }, SAME_ORIGIN)).status).toBe(401);
      const set = (token: string, password = 'a brand new one') => send(app, 'POST', '/api/v1/auth/set-password', { token, password });
      expect(await set(first, 'short')).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
      const second = (await send(app, 'POST', '/api/v1/accounts/nina/password-link', undefined, AUTH)).body;
      expect(await set(first)).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } });
      now += 72 * HOUR - 1000;
      expect((await set(secretOf(second.url))).status).toBe(204);
      expect((await set(secretOf(second.url))).status).toBe(401);
      const session = await signIn(app, 'nina', 'a brand new one');
      const third = (await send(app, 'POST', '/api/v1/accounts/nina/password-link', undefined, AUTH)).body;
      now += 72 * HOUR;
      expect((await set(secretOf(third.url))).status).toBe(401);
      const fourth = (await send(app, 'POST', '/api/v1/accounts/nina/password-link', undefined, AUTH)).body;
      expect((await set(secretOf(fourth.url), 'the third password')).status).toBe(204);
      expect((await send(app, 'GET', '/api/v1/auth/me', undefined, browser(session))).status).toBe(401);
      expect((await send(app, 'GET', '/api/v1/accounts', undefined, AUTH)).body.accounts[0]).toMatchObject({ username: 'nina', passwordSet: true });
    } finally {
      await close();
    }
  });

  it('shows a token once, lists it without its secret, lets its account or an owner revoke it, and no one else', async () => {
    const { app, store, close } = await setup({ engine });
    try {
      await addAccount(app, 'olivia', 'owner');
      await addAccount(app, 'ana', 'analyst');
      await addAccount(app, 'vic', 'viewer');
      const [olivia, ana, vic] = [await signIn(app, 'olivia'), await signIn(app, 'ana'), await signIn(app, 'vic')];
      const made = await makeToken(app, ana, 'R export');
      expect(made.token).toMatch(/^stance_[A-Za-z0-9_-]{43}$/);
      const listed = (await send(app, 'GET', '/api/v1/tokens', undefined, browser(ana))).body.tokens;
      expect(listed).toEqual([{ id: made.id, name: 'R export', account: 'ana', createdAt: expect.any(String), lastUsedAt: null }]);
      expect(JSON.stringify(await store.accounts.listTokens())).not.toContain(made.token);
      expect((await send(app, 'GET', '/api/v1/tokens', undefined, browser(vic))).body.tokens).toEqual([]);
      expect((await send(app, 'GET', '/api/v1/tokens', undefined, browser(olivia))).body.tokens.map((t: { id: string }) => t.id)).toEqual([made.id]);
      const bearer = { Authorization: `Bearer ${made.token}` };
      expect((await send(app, 'GET', '/api/v1/surveys/poll/responses.ndjson', undefined, bearer)).status).toBe(200);
      expect((await send(app, 'GET', '/api/v1/tokens', undefined, browser(ana))).body.tokens[0].lastUsedAt).toEqual(expect.any(String));
      expect(await send(app, 'POST', '/api/v1/tokens', { name: 'child' }, bearer)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      expect(await send(app, 'POST', '/api/v1/tokens', { name: 'owner token' }, AUTH)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      for (const body of ['{}', '{"name":""}', '{"name":"   "}', JSON.stringify({ name: 'n'.repeat(81) })]) expect((await send(app, 'POST', '/api/v1/tokens', body, browser(ana))).status, body).toBe(400);
      expect((await send(app, 'DELETE', `/api/v1/tokens/${made.id}`, undefined, browser(vic))).status).toBe(404);
      expect((await send(app, 'DELETE', `/api/v1/tokens/${made.id}`, undefined, browser(olivia))).status).toBe(204);
      expect((await send(app, 'GET', '/api/v1/surveys/poll/responses.ndjson', undefined, bearer)).status).toBe(401);
      const again = await makeToken(app, ana);
      expect((await send(app, 'DELETE', `/api/v1/tokens/${again.id}`, undefined, { Authorization: `Bearer ${again.token}` })).status).toBe(204);
      expect((await send(app, 'DELETE', `/api/v1/tokens/${again.id}`, undefined, browser(ana))).status).toBe(404);
    } finally {
      await close();
    }
  });
});

describe('sign-in sessions', () => {
  it('sets stance_session HttpOnly, SameSite=Strict, Path=/, Secure only over HTTPS (directly, or via a trusted proxy)', async () => {
    const plain = await setup();
    await addAccount(plain.app, 'ana', 'analyst');
    const login = (app: typeof plain.app, url = 'http://localhost/api/v1/auth/login', headers: Record<string, string> = {}) =>
      app.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username: 'ana', password: PASSWORD }) });
    const attributes = async (res: Response) => {
      expect(res.status).toBe(200);
      return res.headers.get('set-cookie')!.split(';').slice(1).map((a) => a.trim()).sort();
    };
    expect(await attributes(await login(plain.app))).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    expect(await attributes(await login(plain.app, 'https://stance.example/api/v1/auth/login'))).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
    expect(await attributes(await login(plain.app, undefined, { 'X-Forwarded-Proto': 'https' }))).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    const proxied = await setup({ config: { trustProxy: true } });
    await addAccount(proxied.app, 'ana', 'analyst');
    expect(await attributes(await login(proxied.app, undefined, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '10.0.0.9' }))).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
    const out = await send(proxied.app, 'POST', '/api/v1/auth/logout', undefined, { ...browser(cookieOf((await login(proxied.app)).headers)) });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toBe('stance_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
  });

  it('answers the account, ends after 12 idle hours (each use moves the end on), and ends on the server at sign-out', async () => {
    let now = Date.parse('2025-06-01T09:00:00.000Z');
    const { app } = await setup({ clock: () => now });
    await addAccount(app, 'ana', 'analyst', ['private']);
    const cookie = await signIn(app, 'ana');
    expect((await send(app, 'GET', '/api/v1/auth/me', undefined, { Cookie: cookie })).body).toEqual({
      account: { username: 'ana', role: 'analyst', surveys: ['private'], disabled: false, createdAt: '2025-06-01T09:00:00.000Z', passwordSet: true }, via: 'session',
    });
    for (let i = 0; i < 3; i++) {
      now += 11 * HOUR;
      expect((await send(app, 'GET', '/api/v1/surveys/private/overview', undefined, { Cookie: cookie })).status).toBe(200);
    }
    now += 12 * HOUR + 1;
    expect(await send(app, 'GET', '/api/v1/auth/me', undefined, { Cookie: cookie })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: expect.stringContaining('12 idle hours') } } });
    const second = await signIn(app, 'ana');
    expect((await send(app, 'POST', '/api/v1/auth/logout', undefined, browser(second))).status).toBe(204);
    expect((await send(app, 'GET', '/api/v1/auth/me', undefined, { Cookie: second })).status).toBe(401);
    expect((await send(app, 'POST', '/api/v1/auth/logout', undefined, browser(second))).status).toBe(204);
  });

  it('signs the owner in with the owner token, which keeps working as a bearer token', async () => {
    const { app } = await setup();
    const res = await send(app, 'POST', '/api/v1/auth/login', { token: 'organiser-secret-token' }, SAME_ORIGIN);
    expect(res.body).toEqual({ account: { username: 'owner-token', role: 'owner', surveys: '*', disabled: false, createdAt: '', passwordSet: true, builtIn: true } });
    const cookie = cookieOf(res.headers);
    expect((await send(app, 'POST', '/api/v1/accounts', { username: 'first', role: 'owner', surveys: '*', password: PASSWORD }, browser(cookie))).status).toBe(201);
    expect((await send(app, 'GET', '/api/v1/accounts', undefined, AUTH)).status).toBe(200);
    expect(await send(app, 'POST', '/api/v1/auth/login', { token: 'organiser-secret-tokeN' }, SAME_ORIGIN)).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } });
  });
});

describe('cross-site request forgery', () => {
  it('refuses a change made with the session cookie unless the browser says it comes from this origin', async () => {
    const { app } = await setup({ config: { publicUrl: 'https://stance.example' } });
    await addAccount(app, 'ed', 'editor');
    const cookie = await signIn(app, 'ed');
    const wave = { slug: 'am', label: 'Morning', startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false };
    const post = (headers: Record<string, string>) => send(app, 'POST', '/api/v1/surveys/poll/waves', wave, { Cookie: cookie, ...headers });
    const refused: Record<string, string>[] = [{}, { Origin: 'https://evil.example' }, { Origin: 'null' }, { Origin: 'http://localhost:8081' }, { 'Sec-Fetch-Site': 'cross-site' }, { 'Sec-Fetch-Site': 'same-site' }, { 'Sec-Fetch-Site': 'none' }, { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://localhost' }];
    for (const headers of refused) {
      expect(await post(headers), JSON.stringify(headers)).toMatchObject({ status: 403, body: { error: { code: 'csrf' } } });
    }
    expect((await app.request('/api/v1/surveys/poll/waves', { headers: { Cookie: cookie, Origin: 'https://evil.example' } })).status).toBe(200);
    expect((await post({ Origin: 'http://localhost' })).status).toBe(201);
    expect((await post({ Origin: 'https://stance.example' })).status).toBe(200);
    expect((await post({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    // Bearer tokens cannot be sent by another site's page, so scripts need no Origin.
    expect((await send(app, 'POST', '/api/v1/surveys/poll/waves', wave, AUTH)).status).toBe(200);
    expect((await send(app, 'POST', '/api/v1/auth/logout', undefined, { Cookie: cookie, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await send(app, 'POST', '/api/v1/auth/login', { username: 'ed', password: PASSWORD }, { 'Sec-Fetch-Site': 'cross-site' })).body.error.code).toBe('csrf');
    expect((await send(app, 'POST', '/api/v1/auth/login', { username: 'ed', password: PASSWORD })).status).toBe(200);
  });
});
