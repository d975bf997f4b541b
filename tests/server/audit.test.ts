import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/core/accounts';
import { createApp } from '../../src/server/app';
import { appConfig } from '../../src/server/config';
import type { SqliteStore } from '../../src/server/store/sqlite';
import { ENGINES, openTestStore } from '../support/engines';
import { pollSurveyV2 } from './fixtures/surveys';
import { AUTH, TOKEN, pollResponse, setup, submit } from './helpers';
import { PASSWORD, SAME_ORIGIN, addAccount, browser, makeToken, send, signIn } from './accounts-helpers';

// A test wave: only a test wave's responses may be deleted together.
const wave = { slug: 'am', label: 'Morning', startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false, test: true };

/** Weighting is recorded by the weighting routes (issue 10), which are not in this build yet. */
const NOT_YET = ['weighting_set', 'weighting_cleared'];

describe.each(ENGINES)('the audit log on %s', (engine) => {
  it('records who did what, when, to what and on which survey, for every event DESIGN §8 lists; newest first', async () => {
    let now = Date.parse('2025-06-01T09:00:00.000Z');
    const { app, close } = await setup({ engine, clock: () => (now += 1000), config: { trustProxy: true } });
    try {
      await addAccount(app, 'olivia', 'owner');
      const ed = (await addAccount(app, 'ed', 'editor', ['poll'], null)).passwordLink!.url.split('#')[1]!;
      expect((await send(app, 'POST', '/api/v1/auth/set-password', { token: ed, password: PASSWORD })).status).toBe(204);
      const owner = browser(await signIn(app, 'olivia'));
      const editor = browser(await signIn(app, 'ed'));
      for (let i = 0; i < 11; i++) await send(app, 'POST', '/api/v1/auth/login', { username: 'mallory', password: 'guess' }, { ...SAME_ORIGIN, 'X-Forwarded-For': '203.0.113.5' });
      const [kept, gone] = [pollResponse({}, { why: 'a comment' }), pollResponse()];
      await submit(app, [kept, gone]);
      const steps: [string, string, unknown, Record<string, string>][] = [
        ['POST', '/api/v1/surveys', pollSurveyV2, editor],
        ['POST', '/api/v1/surveys/poll/waves', wave, editor],
        ['POST', '/api/v1/surveys/poll/waves/am/close', undefined, editor],
        ['DELETE', '/api/v1/surveys/poll/waves/am/responses', undefined, editor],
        ['DELETE', `/api/v1/surveys/poll/responses/${gone.id}`, undefined, editor],
        ['POST', `/api/v1/surveys/poll/comments/${kept.id}/why/hide`, undefined, editor],
        ['POST', `/api/v1/surveys/poll/comments/${kept.id}/why/unhide`, undefined, editor],
        ['POST', '/api/v1/imports', { responses: [pollResponse()] }, editor],
        ['GET', '/api/v1/surveys/poll/responses.csv', undefined, editor],
        ['GET', '/api/v1/surveys/poll/responses.ndjson?wave=open', undefined, AUTH],
        ['PATCH', '/api/v1/accounts/ed', { role: 'analyst' }, owner],
        ['POST', '/api/v1/accounts/ed/password-link', undefined, owner],
        ['POST', '/api/v1/auth/logout', undefined, editor],
        ['GET', '/api/v1/audit.csv', undefined, owner],
      ];
      for (const [method, path, body, headers] of steps) expect((await send(app, method, path, body, headers)).status, `${method} ${path}`).toBeLessThan(300);
      const token = await makeToken(app, owner.Cookie, 'cron');
      expect((await send(app, 'DELETE', `/api/v1/tokens/${token.id}`, undefined, { Authorization: `Bearer ${token.token}` })).status).toBe(204);
      expect((await send(app, 'DELETE', '/api/v1/accounts/ed', undefined, owner)).status).toBe(204);

      const { entries, next } = (await send(app, 'GET', '/api/v1/audit?limit=1000', undefined, AUTH)).body;
      expect(next).toBeNull();
      expect(entries.map((e: { at: string }) => e.at)).toEqual([...entries.map((e: { at: string }) => e.at)].sort().reverse());
      const seen = new Set(entries.map((e: { action: string }) => e.action));
      expect(AUDIT_ACTIONS.filter((a) => !seen.has(a))).toEqual(NOT_YET);
      const one = (action: string) => entries.find((e: { action: string }) => e.action === action);
      expect(one('response_deleted')).toMatchObject({ actor: 'ed', survey: 'poll', target: `response:${gone.id}`, details: { via: 'session' } });
      expect(one('wave_responses_deleted')).toMatchObject({ actor: 'ed', survey: 'poll', target: 'wave:am', details: { deleted: 0 } });
      expect(one('comment_hidden')).toMatchObject({ actor: 'ed', survey: 'poll', target: `comment:${kept.id}/why` });
      expect(one('survey_published')).toMatchObject({ actor: 'ed', survey: 'poll', target: 'survey:poll@2' });
      expect(one('backup_imported')).toMatchObject({ actor: 'ed', survey: 'poll', details: { stored: 1 } });
      expect(entries.filter((e: { action: string }) => e.action === 'export').map((e: any) => [e.actor, e.details.format, e.details.via])).toEqual([['owner-token', 'ndjson', 'owner-token'], ['ed', 'csv', 'session']]);
      expect(one('account_updated')).toMatchObject({ actor: 'olivia', target: 'account:ed', details: { role: 'analyst' } });
      expect(one('token_revoked')).toMatchObject({ actor: 'olivia', target: `token:${token.id}`, details: { via: 'token', tokenId: token.id, name: 'cron' } });
      expect(one('login_failed')).toMatchObject({ actor: 'mallory', target: 'account:mallory', ip: '203.0.113.5', details: { reason: 'unknown_username' } });
      expect(one('login_throttled')).toMatchObject({ actor: 'mallory', details: { reason: 'username' } });
      expect(entries.filter((e: { action: string }) => e.action === 'login_failed')).toHaveLength(10);
      expect(one('password_set')).toMatchObject({ actor: 'ed', target: 'account:ed' });
      expect(JSON.stringify(entries)).not.toContain(PASSWORD);
      expect(JSON.stringify(entries)).not.toContain(TOKEN);
      expect(JSON.stringify(entries)).not.toContain(token.token);
    } finally {
      await close();
    }
  });

  it('pages with before and limit, filters by actor, action, survey and target, and exports the same as CSV', async () => {
    const { app, close } = await setup({ engine });
    try {
      for (const name of ['ann', 'ben', 'cat']) await addAccount(app, name, 'viewer');
      await send(app, 'POST', '/api/v1/surveys/poll/waves', wave, AUTH);
      const all = (await send(app, 'GET', '/api/v1/audit', undefined, AUTH)).body.entries;
      expect(all.map((e: { action: string }) => e.action)).toEqual(['wave_saved', 'account_created', 'account_created', 'account_created']);
      const first = (await send(app, 'GET', '/api/v1/audit?limit=3', undefined, AUTH)).body;
      expect(first.entries).toEqual(all.slice(0, 3));
      expect(first.next).toBe(all[2].id);
      expect((await send(app, 'GET', `/api/v1/audit?limit=3&before=${first.next}`, undefined, AUTH)).body).toEqual({ entries: all.slice(3), next: null });
      expect((await send(app, 'GET', '/api/v1/audit?action=account_created&target=account:ben', undefined, AUTH)).body.entries).toEqual([all[2]]);
      expect((await send(app, 'GET', '/api/v1/audit?survey=poll', undefined, AUTH)).body.entries).toEqual([all[0]]);
      expect((await send(app, 'GET', '/api/v1/audit?actor=owner-token', undefined, AUTH)).body.entries).toEqual(all);
      expect((await send(app, 'GET', '/api/v1/audit?actor=ann', undefined, AUTH)).body.entries).toEqual([]);
      for (const bad of ['action=dance', 'limit=0', 'limit=1001', 'limit=x', `actor=${'a'.repeat(201)}`]) {
        expect((await send(app, 'GET', `/api/v1/audit?${bad}`, undefined, AUTH)).status, bad).toBe(400);
      }
      const csv = await app.request('/api/v1/audit.csv?action=account_created', { headers: AUTH });
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      // Every text cell is quoted (src/server/csv.ts), so a spreadsheet splitting on another separator keeps the columns.
      expect(lines[0]).toBe('"id","at","actor","action","target","survey","ip","details"');
      expect(lines.slice(1, -1).map((l) => l.split(',').slice(2, 5).map((cell) => cell.replace(/^"|"$/g, '')).join(' '))).toEqual(['owner-token account_created account:cat', 'owner-token account_created account:ben', 'owner-token account_created account:ann']);
      expect(lines[1]).toContain('"{""via"":""owner-token""');
      expect((await send(app, 'GET', '/api/v1/audit?limit=1', undefined, AUTH)).body.entries[0]).toMatchObject({ action: 'audit_exported', actor: 'owner-token' });
    } finally {
      await close();
    }
  });

  it('is append-only in the database, and entries leave only after the retention period', async () => {
    let now = Date.parse('2025-06-01T09:00:00.000Z');
    const { store, close, url } = await openTestStore(engine, { clock: () => now });
    try {
      const app = createApp({ store, clock: () => now, config: appConfig({ adminToken: TOKEN, rateLimit: false, auditRetentionDays: 30, log: () => undefined }) });
      await addAccount(app, 'ann', 'viewer');
      const update = 'UPDATE audit SET actor = \'someone else\'';
      if (engine === 'sqlite') expect(() => (store as SqliteStore).db.prepare(update).run()).toThrow(/append-only/);
      else {
        const client = new pg.Client(url);
        await client.connect();
        await expect(client.query(update)).rejects.toThrow(/append-only/);
        await client.end();
      }
      now += 31 * 24 * 60 * 60 * 1000;
      await addAccount(app, 'ben', 'viewer');
      expect((await store.accounts.audit({ limit: 10 })).map((e) => e.target)).toEqual(['account:ben']);
    } finally {
      await close();
    }
  });
});
