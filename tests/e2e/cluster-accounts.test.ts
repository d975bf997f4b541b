import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './cluster';
import { TEST_TOKEN } from './server';

const owner = { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' };

async function call(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as any) : undefined };
}

describe('accounts on two processes sharing one PostgreSQL database', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2);
  });
  afterAll(() => cluster?.stop());

  it('a session and a token made on one process work on the other, and a revocation on either holds on both at once', async () => {
    const [a, b] = cluster.servers.map((s) => s.url) as [string, string];
    // With no account yet, the start-up text says how to make the first ones.
    for (const server of cluster.servers) expect(server.output()).toContain('No organiser accounts yet. Make the first ones with the organiser token:');
    const same = (url: string) => ({ origin: url });
    expect((await call(a, 'POST', '/accounts', owner, { username: 'ana', role: 'analyst', surveys: '*', password: 'a long enough password' })).status).toBe(201);
    const login = await call(b, 'POST', '/auth/login', same(b), { username: 'ana', password: 'a long enough password' });
    expect(login.status).toBe(200);
    const cookie = { cookie: login.headers.get('set-cookie')!.split(';')[0]! };
    const made = await call(a, 'POST', '/tokens', { ...cookie, ...same(a) }, { name: 'cron' });
    expect(made.status).toBe(201);
    const token = { authorization: `Bearer ${made.body.token}` };
    for (const url of [a, b]) {
      expect((await call(url, 'GET', '/auth/me', cookie)).status).toBe(200);
      expect((await call(url, 'GET', '/surveys/sovereign-ai/responses.ndjson', token)).status).toBe(200);
    }

    // Revoking the token on B: the very next request on A refuses it.
    expect((await call(b, 'DELETE', `/tokens/${made.body.id}`, { ...cookie, ...same(b) })).status).toBe(204);
    expect((await call(a, 'GET', '/surveys/sovereign-ai/responses.ndjson', token)).status).toBe(401);

    // Disabling the account on A ends its session on B at once.
    const second = await call(a, 'POST', '/tokens', { ...cookie, ...same(a) }, { name: 'second' });
    expect((await call(a, 'PATCH', '/accounts/ana', owner, { disabled: true })).status).toBe(200);
    for (const url of [a, b]) {
      expect((await call(url, 'GET', '/auth/me', cookie)).status, url).toBe(401);
      expect((await call(url, 'GET', '/surveys/sovereign-ai/overview', { authorization: `Bearer ${second.body.token}` })).status, url).toBe(401);
    }

    // Signing out on one process ends the session on the other.
    expect((await call(b, 'PATCH', '/accounts/ana', owner, { disabled: false })).status).toBe(200);
    const again = await call(a, 'POST', '/auth/login', same(a), { username: 'ana', password: 'a long enough password' });
    const fresh = { cookie: again.headers.get('set-cookie')!.split(';')[0]! };
    expect((await call(b, 'GET', '/auth/me', fresh)).status).toBe(200);
    expect((await call(b, 'POST', '/auth/logout', { ...fresh, ...same(b) })).status).toBe(204);
    expect((await call(a, 'GET', '/auth/me', fresh)).status).toBe(401);

    // Ten failures spread over both processes lock the username on both.
    for (let i = 0; i < 10; i++) {
      const url = i % 2 ? a : b;
      expect((await call(url, 'POST', '/auth/login', same(url), { username: 'ana', password: 'wrong password' })).status).toBe(401);
    }
    for (const url of [a, b]) expect((await call(url, 'POST', '/auth/login', same(url), { username: 'ana', password: 'a long enough password' })).status, url).toBe(429);

    const audit = await call(b, 'GET', '/audit?limit=1000', owner);
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    for (const action of ['account_created', 'login', 'token_created', 'token_revoked', 'account_updated', 'logout', 'login_failed', 'login_throttled']) expect(actions, action).toContain(action);
  });
});
