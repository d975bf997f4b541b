import { describe, expect, it } from 'vitest';
import type { Store, StoredAccount, StoredAuditEntry } from '../../src/server/store/types';
import { ENGINES, type Engine } from '../support/engines';
import { withStore } from './helpers';

const account = (key: string, extra: Partial<StoredAccount> = {}): StoredAccount => ({
  key, username: key.toUpperCase(), role: 'viewer', surveys: ['poll'], disabled: false, createdAt: '2025-06-01T09:00:00.000Z', passwordHash: 'scrypt$x', ...extra,
});
const entry = (id: string, extra: Partial<StoredAuditEntry> = {}): StoredAuditEntry => ({
  id, at: `2025-06-01T09:00:0${id}.000Z`, actor: 'ann', action: 'login', target: null, survey: null, details: { n: Number(id) }, ip: null, ...extra,
});


/** Accounts need no survey. */
const withEmptyStore = (engine: Engine, body: (store: Store) => Promise<void>) => withStore(engine, body, []);

describe.each(ENGINES)('the accounts contract on %s', (engine) => {
  it('creates accounts once by key, reads them back whole, and ends their sessions, tokens and link on disable and delete', () =>
    withEmptyStore(engine, async (store) => {
      const a = store.accounts;
      expect(await a.create(account('ann'))).toBe(true);
      expect(await a.create(account('ann', { role: 'owner' }))).toBe(false);
      expect(await a.get('ann')).toEqual(account('ann'));
      await a.create(account('ben', { surveys: '*' }));
      for (const key of ['ann', 'ben']) {
        await a.createSession({ hash: `s-${key}`, account: key, via: 'password', createdAt: 1, lastSeenAt: 2 });
        await a.createToken({ id: `t-${key}`, hash: `h-${key}`, account: key, name: 'cron', createdAt: '2025-06-01T09:00:00.000Z', lastUsedAt: null });
        await a.putPasswordLink({ hash: `l-${key}`, account: key, expiresAt: 10_000 });
      }
      expect(await a.session('s-ann')).toEqual({ session: { hash: 's-ann', account: 'ann', via: 'password', createdAt: 1, lastSeenAt: 2 }, account: account('ann') });
      expect((await a.token('h-ben'))?.account).toEqual(account('ben', { surveys: '*' }));
      expect(await a.update('ann', { disabled: true })).toBe('changed');
      expect(await a.session('s-ann')).toBeUndefined();
      expect(await a.token('h-ann')).toBeUndefined();
      expect(await a.usePasswordLink('l-ann', 0, 'scrypt$new')).toBeUndefined();
      expect(await a.delete('ben')).toBe('changed');
      expect([await a.session('s-ben'), await a.token('h-ben'), await a.get('ben')]).toEqual([undefined, undefined, undefined]);
      expect(await a.usePasswordLink('l-ben', 0, 'scrypt$new')).toBeUndefined();
      expect(await a.delete('ben')).toBe('missing');
      expect(await a.update('nobody', { role: 'owner' })).toBe('missing');
      expect((await a.list()).map((x) => [x.key, x.disabled])).toEqual([['ann', true]]);
    }));

  it('keeps sessions idle-dated, owner-token sessions accountless, and tokens and links spent once', () =>
    withEmptyStore(engine, async (store) => {
      const a = store.accounts;
      await a.create(account('ann'));
      await a.createSession({ hash: 'owner', account: null, via: 'digest', createdAt: 5, lastSeenAt: 5 });
      await a.createSession({ hash: 'old', account: 'ann', via: 'password', createdAt: 1, lastSeenAt: 1 });
      expect(await a.session('owner')).toEqual({ session: { hash: 'owner', account: null, via: 'digest', createdAt: 5, lastSeenAt: 5 } });
      await a.touchSession('old', 100);
      expect((await a.session('old'))?.session.lastSeenAt).toBe(100);
      expect(await a.pruneSessions(50)).toBe(1);
      expect(await a.session('owner')).toBeUndefined();
      await a.putPasswordLink({ hash: 'first', account: 'ann', expiresAt: 1000 });
      await a.putPasswordLink({ hash: 'second', account: 'ann', expiresAt: 1000 });
      expect(await a.usePasswordLink('first', 0, 'scrypt$a')).toBeUndefined();
      expect(await a.usePasswordLink('second', 1000, 'scrypt$a')).toBeUndefined();
      await a.putPasswordLink({ hash: 'third', account: 'ann', expiresAt: 1000 });
      expect(await a.usePasswordLink('third', 999, 'scrypt$b')).toBe('ann');
      expect((await a.get('ann'))?.passwordHash).toBe('scrypt$b');
      expect(await a.session('old')).toBeUndefined();
      const token = { id: 'tok', hash: 'h', account: 'ann', name: 'x', createdAt: '2025-06-01T09:00:00.000Z', lastUsedAt: null };
      await a.createToken(token);
      await a.createToken({ ...token, name: 'copied again' });
      await a.touchToken('tok', '2025-06-02T00:00:00.000Z');
      expect(await a.listTokens('ann')).toEqual([{ ...token, lastUsedAt: '2025-06-02T00:00:00.000Z' }]);
      expect(await a.listTokens('ben')).toEqual([]);
      expect(await a.deleteToken('tok')).toBe(true);
      expect(await a.deleteToken('tok')).toBe(false);
    }));

  it('refuses to leave no enabled owner, also when two owners demote each other at the same moment', () =>
    withEmptyStore(engine, async (store) => {
      const a = store.accounts;
      await a.create(account('solo', { role: 'owner', surveys: '*' }));
      expect(await a.update('solo', { role: 'editor' })).toBe('last_owner');
      expect(await a.update('solo', { disabled: true })).toBe('last_owner');
      expect(await a.delete('solo')).toBe('last_owner');
      expect(await a.update('solo', { passwordHash: 'scrypt$new' })).toBe('changed');
      for (let round = 0; round < 5; round++) {
        await a.create(account(`o${round}`, { role: 'owner', surveys: '*' }));
        const outcomes = await Promise.all([a.update('solo', { role: 'viewer' }), a.delete(`o${round}`)]);
        expect(outcomes.sort(), `round ${round}`).toEqual(['changed', 'last_owner']);
        const owners = (await a.list()).filter((x) => x.role === 'owner' && !x.disabled);
        expect(owners).toHaveLength(1);
        if (owners[0]!.key !== 'solo') {
          expect(await a.update('solo', { role: 'owner' })).toBe('changed');
          expect(await a.delete(owners[0]!.key)).toBe('changed');
        }
      }
      // An owner's grants are always every survey.
      expect((await a.get('solo'))?.surveys).toBe('*');
    }));

  it('appends audit entries once by id and reads them newest first, paged and filtered', () =>
    withEmptyStore(engine, async (store) => {
      const a = store.accounts;
      for (const id of ['1', '2', '3', '4']) await a.appendAudit(entry(id, id === '3' ? { action: 'login_failed', actor: 'bob', ip: '10.0.0.1', survey: 'poll', target: 'account:bob' } : {}));
      await a.appendAudit(entry('2', { actor: 'changed' }));
      expect((await a.audit({ limit: 10 })).map((e) => e.id)).toEqual(['4', '3', '2', '1']);
      expect(await a.audit({ limit: 10, before: '3' })).toEqual([entry('2'), entry('1')]);
      expect((await a.audit({ limit: 2 })).map((e) => e.id)).toEqual(['4', '3']);
      for (const filter of [{ actor: 'bob' }, { action: 'login_failed' as const }, { ip: '10.0.0.1' }, { survey: 'poll' }, { target: 'account:bob' }]) {
        expect((await a.audit({ limit: 10, ...filter })).map((e) => e.id), JSON.stringify(filter)).toEqual(['3']);
      }
      expect((await a.audit({ limit: 10, since: '2025-06-01T09:00:03.000Z' })).map((e) => e.id)).toEqual(['4', '3']);
      expect(await a.audit({ limit: 10, before: 'unknown' })).toEqual([]);
      expect(await a.pruneAudit('2025-06-01T09:00:03.000Z')).toBe(2);
      expect((await a.audit({ limit: 10 })).map((e) => e.id)).toEqual(['4', '3']);
    }));
});
