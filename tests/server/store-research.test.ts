import { describe, expect, it } from 'vitest';
import { PgStore } from '../../src/server/store/postgres';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Store } from '../../src/server/store/types';
import { submitItems } from '../../src/server/submit';
import { ENGINES, openTestStore } from '../support/engines';
import { pollSurvey, pollSurveyV2 } from './fixtures/surveys';
import { pollResponse, withStore } from './helpers';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The research part of the store contract (DESIGN §10): weightings and fieldwork dates.


/** Resolves once `store` has told its listeners about `surveyId`, or fails after `ms`. */
function heard(store: Store, surveyId: string, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no change for ${surveyId} within ${ms} ms`)), ms);
    const stop = store.onChange((id) => {
      if (id !== surveyId) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

describe.each(ENGINES)('the store contract on %s: weightings and fieldwork', (engine) => {
  it('keeps one weighting per survey: set, replaced, read back as a copy, deleted once, with a change each time', () =>
    withStore(engine, async (store) => {
      const changes: string[] = [];
      store.onChange((id) => changes.push(id));
      expect(await store.getWeighting('poll')).toBeUndefined();
      const shares = { industry: 0.5, government: 0.3, academia: 0.2 };
      await store.putWeighting('poll', { shares });
      shares.industry = 0.9;
      expect(await store.getWeighting('poll')).toEqual({ shares: { industry: 0.5, government: 0.3, academia: 0.2 } });
      await store.putWeighting('poll', { shares: { industry: 0.6, academia: 0.4 } });
      expect(await store.getWeighting('poll')).toEqual({ shares: { industry: 0.6, academia: 0.4 } });
      expect(await store.getWeighting('private')).toBeUndefined();
      expect(await store.deleteWeighting('poll')).toBe(true);
      expect(await store.deleteWeighting('poll')).toBe(false);
      expect(await store.getWeighting('poll')).toBeUndefined();
      expect(changes).toEqual(['poll', 'poll', 'poll']);
    }));

  it('says when the responses of a view were submitted, by version and filters', () =>
    withStore(engine, async (store) => {
      await store.putSurvey(pollSurveyV2);
      expect(await store.fieldwork('poll', 1, {})).toBeUndefined();
      await submitItems(store, [
        pollResponse({ submittedAt: '2025-06-01T09:05:00.000Z', wave: 'am' }),
        pollResponse({ submittedAt: '2025-06-03T18:00:00.000Z', channel: 'field' }, { role: 'academia' }),
        pollResponse({ submittedAt: '2025-06-02T10:00:00.000Z', wave: 'am' }),
        pollResponse({ surveyVersion: 2, submittedAt: '2025-07-01T10:00:00.000Z' }),
      ], Date.parse('2025-07-02T00:00:00.000Z'));
      expect(await store.fieldwork('poll', 1, {})).toEqual({ first: '2025-06-01T09:05:00.000Z', last: '2025-06-03T18:00:00.000Z' });
      expect(await store.fieldwork('poll', 1, { wave: 'am' })).toEqual({ first: '2025-06-01T09:05:00.000Z', last: '2025-06-02T10:00:00.000Z' });
      expect(await store.fieldwork('poll', 1, { channel: 'field', group: 'academia' })).toEqual({ first: '2025-06-03T18:00:00.000Z', last: '2025-06-03T18:00:00.000Z' });
      expect(await store.fieldwork('poll', 1, { group: 'government' })).toBeUndefined();
      expect(await store.fieldwork('poll', 2, {})).toEqual({ first: '2025-07-01T10:00:00.000Z', last: '2025-07-01T10:00:00.000Z' });
    }));
});

describe('weightings across processes and restarts', () => {
  it('on PostgreSQL, a weighting set or deleted through one process reaches the other and tells its listeners', async () => {
    const { store: a, url } = await openTestStore('postgres');
    const b = await PgStore.open({ url: url!, log: () => undefined });
    try {
      const known = heard(b, 'poll');
      await a.putSurvey(pollSurvey);
      await known;
      const set = heard(b, 'poll');
      await a.putWeighting('poll', { shares: { industry: 0.7, academia: 0.3 } });
      await set;
      expect(await b.getWeighting('poll')).toEqual({ shares: { industry: 0.7, academia: 0.3 } });
      const removed = heard(b, 'poll');
      expect(await a.deleteWeighting('poll')).toBe(true);
      await removed;
      expect(await b.getWeighting('poll')).toBeUndefined();
    } finally {
      await b.close();
    }
  });

  it('on SQLite, a weighting survives closing and opening the file again', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'stance-weighting-')), 'stance.db');
    const first = new SqliteStore(path);
    await first.putWeighting('poll', { shares: { industry: 1 } });
    await first.close();
    const again = new SqliteStore(path);
    expect(await again.getWeighting('poll')).toEqual({ shares: { industry: 1 } });
    await again.close();
  });
});
