import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINES } from '../support/engines';
import { pollResponse, setup, submit } from './helpers';
import { PASSWORD, SAME_ORIGIN, addAccount, send } from './accounts-helpers';

// The real scrypt, watched: the test counts password hashes per sign-in, then also times them.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});
const scrypt = vi.mocked(crypto.scrypt);

const MINUTE = 60 * 1000;
const from = (ip: string) => ({ ...SAME_ORIGIN, 'X-Forwarded-For': ip });
const login = (app: Parameters<typeof send>[0], username: string, password: string, ip = '10.0.0.1') => send(app, 'POST', '/api/v1/auth/login', { username, password }, from(ip));

beforeEach(() => {
  scrypt.mockClear();
});

describe.each(ENGINES)('sign-in throttles on %s', (engine) => {
  it('refuses a username for 15 minutes after 10 failures, even with the right password, and no other username', async () => {
    let now = Date.parse('2025-06-01T09:00:00.000Z');
    const { app, close } = await setup({ engine, clock: () => now, config: { trustProxy: true } });
    try {
      await addAccount(app, 'ana', 'analyst');
      await addAccount(app, 'bo', 'analyst');
      const firstFailure = now;
      for (let i = 0; i < 10; i++) {
        expect((await login(app, i % 2 ? 'ANA' : 'ana', 'wrong password', `10.0.0.${i}`)).status).toBe(401);
        now += 30 * 1000;
      }
      const blocked = await login(app, 'ana', PASSWORD, '10.9.9.9');
      expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'too_many_requests', details: { reason: 'username' } } } });
      expect(Number(blocked.headers.get('retry-after'))).toBe(Math.ceil((firstFailure + 15 * MINUTE - now) / 1000));
      expect((await login(app, 'bo', PASSWORD)).status).toBe(200);
      now = firstFailure + 15 * MINUTE - 1000;
      expect((await login(app, 'ana', PASSWORD)).status).toBe(429);
      now = firstFailure + 15 * MINUTE + 1;
      expect((await login(app, 'ana', PASSWORD)).status).toBe(200);
    } finally {
      await close();
    }
  });

  it('throttles one address spraying many usernames, but never the respondents behind it', async () => {
    let now = Date.parse('2025-06-01T09:00:00.000Z');
    const { app, store, close } = await setup({ engine, clock: () => now, config: { trustProxy: true } });
    try {
      await addAccount(app, 'ana', 'analyst');
      // 45 failures as the sign-in route records them (each costs a scrypt, so most are written directly), then 5 more through it.
      for (let i = 0; i < 45; i++) {
        await store.accounts.appendAudit({ id: `seed-${i}`, at: new Date(now).toISOString(), actor: `user${i}`, action: 'login_failed', target: `account:user${i}`, survey: null, details: {}, ip: '198.51.100.7' });
        now += 2000;
      }
      for (let i = 45; i < 50; i++) {
        expect((await login(app, `user${i}`, 'Password123', '198.51.100.7')).status, `attempt ${i}`).toBe(401);
        now += 2000;
      }
      expect(await login(app, 'ana', PASSWORD, '198.51.100.7')).toMatchObject({ status: 429, body: { error: { details: { reason: 'address' } } } });
      expect((await login(app, 'ana', PASSWORD, '198.51.100.8')).status).toBe(200);
      // The hall behind that NAT still submits and reads results.
      const results = await submit(app, [pollResponse()], { 'X-Forwarded-For': '198.51.100.7' });
      expect(results.body.results[0].status).toBe('stored');
      expect((await app.request('/api/v1/surveys/poll/results', { headers: { 'X-Forwarded-For': '198.51.100.7' } })).status).toBe(200);
    } finally {
      await close();
    }
  });
});

describe('the same answer, at the same cost', () => {
  it('answers a wrong password, an unknown username, a disabled account and one with no password yet alike, each after one scrypt', async () => {
    let now = Date.parse('2025-06-01T09:00:00.000Z');
    const { app } = await setup({ clock: () => now, config: { trustProxy: true } });
    await addAccount(app, 'ana', 'analyst');
    await addAccount(app, 'dis', 'analyst');
    await addAccount(app, 'new', 'analyst', '*', null);
    expect((await send(app, 'PATCH', '/api/v1/accounts/dis', { disabled: true }, { Authorization: 'Bearer organiser-secret-token' })).status).toBe(200);
    const cases: [string, string][] = [['ana', 'not the password'], ['nobody-here', PASSWORD], ['dis', PASSWORD], ['new', PASSWORD]];
    // The dummy hash for unknown names is made ahead, so the first unknown name costs no more.
    await login(app, 'warm-up', 'whatever');
    const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    for (let round = 0; round < 4; round++) {
      for (const [name, password] of cases) {
        scrypt.mockClear();
        now += 20 * 1000;
        const started = performance.now();
        const res = await login(app, name, password, `192.0.2.${round}`);
        times.get(name)!.push(performance.now() - started);
        expect(res.status, name).toBe(401);
        expect(res.body, name).toEqual({ error: { code: 'invalid_credentials', message: 'the username or password is wrong' } });
        expect([...res.headers.keys()].sort(), name).toEqual(['cache-control', 'content-security-policy', 'content-type', 'referrer-policy', 'x-content-type-options', 'x-frame-options']);
        expect(scrypt, name).toHaveBeenCalledTimes(1);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const medians = cases.map(([name]) => median(times.get(name)!));
    console.log(`sign-in refusal medians (ms): ${cases.map(([name], i) => `${name} ${medians[i]!.toFixed(1)}`).join(', ')}`);
    // One scrypt dominates each; a shared, loaded machine still keeps them within a factor of two.
    expect(Math.max(...medians) / Math.min(...medians)).toBeLessThan(2);
  });
});
