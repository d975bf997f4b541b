import { describe, expect, it } from 'vitest';
import type { Response as SurveyResponse } from '../../src/core/response';
import { groupOf } from '../../src/core/results';
import { addResponse, emptyTally, type Tally } from '../../src/core/tally';
import type { Store, WaveWithCode } from '../../src/server/store/types';
import { submitItems } from '../../src/server/submit';
import { ENGINES } from '../support/engines';
import { pollSurvey, pollSurveyV2, privateSurvey } from './fixtures/surveys';
import { newId, pollResponse, tallyWaveOf, withStore } from './helpers';

const wave = (slug: string, code: string, extra: Partial<WaveWithCode> = {}): WaveWithCode => ({
  slug, code, label: { ko: `${slug} 세션`, en: `${slug} session` }, startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false, ...extra,
});


/** Every stored response added up again: what the tallies must equal. */
async function recount(store: Store): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  const waveOf = await tallyWaveOf(store, 'poll');
  for await (const { response: r } of store.responses('poll', { version: 1 })) {
    const key = [waveOf(r.wave), r.channel, groupOf(pollSurvey, r.answers)].join('|');
    out.set(key, addResponse(out.get(key) ?? emptyTally(), pollSurvey, r.answers));
  }
  return out;
}

const tallies = async (store: Store) => new Map((await store.tallyRows('poll', 1)).map((row) => [[row.wave, row.channel, row.group].join('|'), row.tally]));
const statuses = async (store: Store, items: unknown[]) => (await submitItems(store, items, Date.now())).map((r) => (r.error ? `${r.status}:${r.error.code}` : r.status));

describe.each(ENGINES)('the store contract on %s', (engine) => {
  it('keeps survey versions immutable: stored, duplicate, conflict, latest and exact reads', () =>
    withStore(engine, async (store) => {
      expect(await store.putSurvey(pollSurvey)).toBe('duplicate');
      expect(await store.putSurvey({ ...pollSurvey, resultsPublic: false })).toBe('conflict');
      expect(await store.putSurvey(pollSurveyV2)).toBe('stored');
      expect(await store.putSurvey(privateSurvey)).toBe('stored');
      expect((await store.getSurvey('poll'))?.version).toBe(2);
      expect(await store.getSurvey('poll', 1)).toEqual(pollSurvey);
      expect(await store.getSurvey('poll', 3)).toBeUndefined();
      expect(await store.getSurvey('nope')).toBeUndefined();
      expect((await store.listSurveys()).map((s) => `${s.id}@${s.version}`).sort()).toEqual(['poll@1', 'poll@2', 'private@1']);
    }));

  it('stores waves with unique join codes, replaces them by slug and finds them by code', () =>
    withStore(engine, async (store) => {
      await store.putWave('poll', wave('pm', 'BBBBBB', { startsAt: '2025-06-01T14:00:00.000Z' }));
      await store.putWave('poll', wave('am', 'AAAAAA'));
      await store.putWave('poll', wave('am', 'AAAAAA', { closesAt: '2025-06-01T12:00:00.000Z', quotas: { industry: 10 } }));
      expect((await store.listWaves('poll')).map((w) => w.slug)).toEqual(['am', 'pm']);
      expect(await store.getWave('poll', 'am')).toMatchObject({ closesAt: '2025-06-01T12:00:00.000Z', quotas: { industry: 10 } });
      expect(await store.findWaveByCode('BBBBBB')).toMatchObject({ surveyId: 'poll', wave: { slug: 'pm' } });
      expect(await store.findWaveByCode('CCCCCC')).toBeUndefined();
      await expect(store.putWave('private', wave('x', 'AAAAAA'))).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.getWave('private', 'x')).toBeUndefined();
    }));

  it('stores a response once: duplicate for the same content, conflict for other content, in one batch or across batches', () =>
    withStore(engine, async (store) => {
      const a = pollResponse();
      const changed = { ...a, answers: { ...a.answers, agree: 1 } };
      expect(await statuses(store, [a, a, changed])).toEqual(['stored', 'duplicate', 'rejected:conflict']);
      expect(await statuses(store, [a, changed, { ...a, surveyVersion: 9 }])).toEqual(['duplicate', 'rejected:conflict', 'rejected:unknown_survey']);
      expect(await statuses(store, [{ ...pollResponse(), answers: { agree: 9 } }, { id: 'x' }])).toEqual(['rejected:invalid', 'rejected:invalid']);
      const stored = [];
      for await (const row of store.responses('poll', {})) stored.push(row);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ response: a, group: 'industry' });
    }));

  it('applies one response per device in a wave that asks for it, within a batch too', () =>
    withStore(engine, async (store) => {
      await store.putWave('poll', wave('strict', 'SSSSSS', { oneResponsePerDevice: true }));
      const first = pollResponse({ wave: 'strict', device: 'device-aaaa' });
      const second = pollResponse({ wave: 'strict', device: 'device-aaaa' });
      const other = pollResponse({ wave: 'strict', device: 'device-bbbb' });
      expect(await statuses(store, [first, second, other])).toEqual(['stored', 'rejected:duplicate_device', 'stored']);
      expect(await statuses(store, [first, pollResponse({ wave: 'strict', device: 'device-bbbb' })])).toEqual(['duplicate', 'rejected:duplicate_device']);
      expect(await statuses(store, [pollResponse({ device: 'device-aaaa' })])).toEqual(['stored']);
    }));

  it('rejects a response submitted after its wave closed, but counts one made before and delivered later', () =>
    withStore(engine, async (store) => {
      await store.putWave('poll', wave('am', 'AAAAAA', { closesAt: '2025-06-01T10:00:00.000Z' }));
      const late = pollResponse({ wave: 'am', submittedAt: '2025-06-01T10:00:01.000Z' });
      const early = pollResponse({ wave: 'am', submittedAt: '2025-06-01T09:59:00.000Z' });
      expect(await statuses(store, [late, early])).toEqual(['rejected:closed', 'stored']);
    }));

  it('keeps tallies equal to a recount through inserts, deletes and a deleted wave, and publishes new row objects only for changed rows', () =>
    withStore(engine, async (store) => {
      const items = [
        ...Array.from({ length: 6 }, (_, i) => pollResponse({ wave: 'am', channel: 'conference' }, { agree: (i % 5) + 1, why: `c${i}` })),
        ...Array.from({ length: 5 }, () => pollResponse({ wave: 'pm' }, { role: 'academia' })),
      ];
      await submitItems(store, items, Date.now());
      expect(await tallies(store)).toEqual(await recount(store));
      const before = await store.tallyRows('poll', 1);
      expect(await store.deleteResponse('poll', items[0]!.id)).toBe(true);
      expect(await store.deleteResponse('poll', items[0]!.id)).toBe(false);
      expect(await store.deleteResponse('private', items[1]!.id)).toBe(false);
      const after = await store.tallyRows('poll', 1);
      const pm = (rows: typeof before) => rows.find((r) => r.wave === 'pm')!;
      const am = (rows: typeof before) => rows.find((r) => r.wave === 'am')!;
      expect(pm(after).tally).toBe(pm(before).tally);
      expect(am(after).tally).not.toBe(am(before).tally);
      expect(await tallies(store)).toEqual(await recount(store));
      expect(await store.deleteWave('poll', 'am')).toBe(5);
      expect(await tallies(store)).toEqual(await recount(store));
      expect((await store.tallyRows('poll', 1)).map((r) => r.wave)).toEqual(['pm']);
      expect(await store.listComments('poll', { includeHidden: true, limit: 100, offset: 0 })).toEqual([]);
    }));

  it('exports responses page by page, oldest id first, filtered by version and wave', () =>
    withStore(engine, async (store) => {
      await store.putSurvey(pollSurveyV2);
      const v1 = Array.from({ length: 1203 }, (_, i) => pollResponse({ wave: i % 3 === 0 ? 'am' : 'open' }));
      for (let i = 0; i < v1.length; i += 200) await submitItems(store, v1.slice(i, i + 200), Date.now());
      await submitItems(store, [pollResponse({ surveyVersion: 2 })], Date.now());
      const ids: string[] = [];
      for await (const row of store.responses('poll', { version: 1 })) ids.push(row.response.id);
      expect(ids).toEqual(v1.map((r) => r.id));
      let am = 0;
      for await (const row of store.responses('poll', { wave: 'am' })) am += row.response.wave === 'am' ? 1 : 0;
      expect(am).toBe(401);
      let answers = 0;
      for await (const a of store.iterateAnswers('poll', 1, { wave: 'am', group: 'industry' })) answers += a.role === 'industry' ? 1 : 0;
      expect(answers).toBe(401);
      let none = 0;
      for await (const _ of store.iterateAnswers('poll', 1, { channel: 'field' })) none++;
      expect(none).toBe(0);
    }));

  it('lists comments newest first, filters and pages them, and hides and unhides one', () =>
    withStore(engine, async (store) => {
      const a = pollResponse({ submittedAt: '2025-06-01T09:01:00.000Z', wave: 'am' }, { why: '첫 번째' });
      const b = pollResponse({ submittedAt: '2025-06-01T09:02:00.000Z' }, { why: 'second <b>bold</b>' });
      await submitItems(store, [a, b, pollResponse()], Date.now());
      const all = await store.listComments('poll', { includeHidden: true, limit: 10, offset: 0 });
      expect(all.map((c) => c.text)).toEqual(['second <b>bold</b>', '첫 번째']);
      expect(all[1]).toEqual({ responseId: a.id, question: 'why', text: '첫 번째', version: 1, wave: 'am', channel: 'web', group: 'industry', submittedAt: a.submittedAt, hidden: false });
      expect((await store.listComments('poll', { wave: 'am', includeHidden: true, limit: 10, offset: 0 })).map((c) => c.responseId)).toEqual([a.id]);
      expect((await store.listComments('poll', { includeHidden: true, limit: 1, offset: 1 })).map((c) => c.responseId)).toEqual([a.id]);
      expect(await store.setCommentHidden('poll', a.id, 'why', true)).toBe(true);
      expect(await store.setCommentHidden('poll', a.id, 'agree', true)).toBe(false);
      expect((await store.listComments('poll', { includeHidden: false, limit: 10, offset: 0 })).map((c) => c.responseId)).toEqual([b.id]);
      expect(await store.setCommentHidden('poll', a.id, 'why', false)).toBe(true);
      expect(await store.listComments('poll', { includeHidden: false, limit: 10, offset: 0 })).toHaveLength(2);
    }));

  it('tells listeners of every change, and moves the state token only when the data changes', () =>
    withStore(engine, async (store) => {
      const heard: string[] = [];
      const stop = store.onChange((id) => heard.push(id));
      const t0 = await store.stateToken('poll', 1);
      await submitItems(store, [pollResponse()], Date.now());
      const t1 = await store.stateToken('poll', 1);
      expect(t1).not.toBe(t0);
      expect(await store.stateToken('poll', 1)).toBe(t1);
      await store.putWave('poll', wave('am', 'AAAAAA'));
      await store.putSurvey(privateSurvey);
      stop();
      await submitItems(store, [pollResponse()], Date.now());
      expect(heard).toEqual(['poll', 'poll', 'private']);
    }));

  it('shares opinion maps, keeps secrets once, and answers its health check', () =>
    withStore(engine, async (store) => {
      expect(await store.sharedMaps.read('poll', 1, 'k')).toBeUndefined();
      await store.sharedMaps.write('poll', 1, 'k', { state: 's1', etag: '"e"', body: '{}' });
      await store.sharedMaps.write('poll', 1, 'k', { state: 's2', etag: '"f"', body: '{"a":1}' });
      expect(await store.sharedMaps.read('poll', 1, 'k')).toEqual({ state: 's2', etag: '"f"', body: '{"a":1}' });
      expect(await store.sharedMaps.exclusive('poll', 1, 'k', async () => 42)).toBe(42);
      expect(await store.secret('key', () => 'first')).toEqual({ value: 'first', created: true });
      expect(await store.secret('key', () => 'second')).toEqual({ value: 'first', created: false });
      expect(await store.health()).toEqual({ ok: true });
      expect(store.engine).toBe(engine);
    }));

  it('saves drafts by revision: new, the expected one, or any; a stale save is refused and shown the current one', () =>
    withStore(engine, async (store) => {
      const at = '2025-06-01T10:00:00.000Z';
      expect(await store.drafts.get('poll')).toBeUndefined();
      expect(await store.drafts.save('poll', { title: 1 }, 'new', at)).toEqual({ ok: true, draft: { surveyId: 'poll', definition: { title: 1 }, revision: 1, updatedAt: at } });
      expect(await store.drafts.save('poll', { title: 2 }, 'new', at)).toMatchObject({ ok: false, current: { revision: 1, definition: { title: 1 } } });
      expect(await store.drafts.save('poll', { title: 2 }, 1, at)).toMatchObject({ ok: true, draft: { revision: 2 } });
      expect(await store.drafts.save('poll', 'stale', 1, at)).toMatchObject({ ok: false, current: { revision: 2, definition: { title: 2 } } });
      expect(await store.drafts.save('poll', [1, 'any JSON'], 'any', at)).toMatchObject({ ok: true, draft: { revision: 3 } });
      expect(await store.drafts.get('poll')).toEqual({ surveyId: 'poll', definition: [1, 'any JSON'], revision: 3, updatedAt: at });
      expect((await store.drafts.list()).map((d) => d.surveyId)).toEqual(['poll']);
    }));

  it('publishes a draft as the next version taken in the database, atomically, and keeps revisions growing after it', () =>
    withStore(engine, async (store) => {
      const heard: string[] = [];
      store.onChange((id) => heard.push(id));
      await store.drafts.save('poll', { ...pollSurveyV2, version: 99 }, 'new', '2025-06-01T10:00:00.000Z');
      const refuse = () => {
        throw new Error('has problems');
      };
      await expect(store.drafts.publish('poll', 1, refuse)).rejects.toThrow('has problems');
      expect((await store.getSurvey('poll'))?.version).toBe(1);
      expect(await store.drafts.publish('poll', 7, () => pollSurveyV2)).toMatchObject({ ok: false, current: { revision: 1 } });
      const published = await store.drafts.publish('poll', 1, (definition, version) => ({ ...(definition as typeof pollSurveyV2), version }));
      expect(published).toEqual({ ok: true, survey: pollSurveyV2 });
      expect(await store.getSurvey('poll')).toEqual(pollSurveyV2);
      expect(heard).toEqual(['poll']);
      expect(await store.drafts.get('poll')).toBeUndefined();
      expect(await store.drafts.list()).toEqual([]);
      expect(await store.drafts.publish('poll', 'any', () => pollSurveyV2)).toEqual({ ok: false, current: undefined });
      expect(await store.drafts.save('poll', {}, 1, '2025-06-01T11:00:00.000Z')).toEqual({ ok: false, current: undefined });
      expect(await store.drafts.save('poll', {}, 'new', '2025-06-01T11:00:00.000Z')).toMatchObject({ ok: true, draft: { revision: 3 } });
    }));

  it('restores a copied draft with its revision, never over a newer one', () =>
    withStore(engine, async (store) => {
      const draft = { surveyId: 'other', definition: { a: 1 }, revision: 5, updatedAt: '2025-06-01T10:00:00.000Z' };
      await store.drafts.restore(draft);
      await store.drafts.restore({ ...draft, revision: 4, definition: { a: 'older' } });
      expect(await store.drafts.get('other')).toEqual(draft);
      expect(await store.drafts.save('other', { a: 2 }, 5, draft.updatedAt)).toMatchObject({ ok: true, draft: { revision: 6 } });
    }));

  it('keeps ids it has never seen out of everything it answers', () =>
    withStore(engine, async (store) => {
      const r: SurveyResponse = { ...pollResponse(), id: newId() };
      expect(await store.deleteResponse('poll', r.id)).toBe(false);
      expect(await store.deleteWave('poll', 'never')).toBe(0);
      expect(await store.tallyRows('poll', 2)).toEqual([]);
    }));
});
