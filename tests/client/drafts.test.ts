import { describe, expect, it } from 'vitest';
import { draftOf, makeClient, makeResponse, rawPut } from './helpers';

describe('drafts', () => {
  it('round-trips a draft exactly, answers and step', async () => {
    const { client } = await makeClient();
    const draft = { ...draftOf(makeResponse(1, { collector: 'Kim', answers: { q1: 4, q2: ['a', 'b'], q3: { x: 60, y: 40 }, q4: '좋아요' } })), step: 3 };
    expect(await client.saveDraft(draft)).toEqual({ ok: true });
    expect(await client.loadDraft('demo')).toEqual(draft);
    expect(await client.loadDraft('other')).toBeUndefined();
    await client.discardDraft('demo');
    expect(await client.loadDraft('demo')).toBeUndefined();
  });

  it('treats a stored draft that no longer fits the schema as absent', async () => {
    const { client, factory } = await makeClient();
    await rawPut(factory, 'drafts', [{ surveyId: 'demo', step: 'two', answers: null }]);
    expect(await client.loadDraft('demo')).toBeUndefined();
    expect(await client.listDrafts()).toEqual([]);
  });

  it('debounces saves, keeps only the newest, and flush writes at once', async () => {
    const { client } = await makeClient();
    const saver = client.createDraftSaver(50);
    const base = draftOf(makeResponse(1));
    saver.save({ ...base, step: 1 });
    saver.save({ ...base, step: 2 });
    expect(saver.lastResult()).toBeUndefined();
    expect(await client.loadDraft('demo')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 120));
    expect((await client.loadDraft('demo'))?.step).toBe(2);
    expect(saver.lastResult()).toEqual({ ok: true });

    saver.save({ ...base, step: 5 });
    expect(await saver.flush()).toEqual({ ok: true });
    expect((await client.loadDraft('demo'))?.step).toBe(5);
    expect(await saver.flush()).toEqual({ ok: true });
  });

  it('a pending save that lands after the submit does not bring the draft back', async () => {
    const { client } = await makeClient();
    const response = makeResponse(1);
    const saver = client.createDraftSaver(10);
    await client.saveDraft(draftOf(response));
    saver.save(draftOf(response, 4));
    expect(await client.submitResponse(response)).toEqual({ ok: true });
    expect(await saver.flush()).toEqual({ ok: true });
    expect(await client.loadDraft('demo')).toBeUndefined();
  });

  it('keeps drafts of different surveys apart', async () => {
    const { client } = await makeClient();
    const saver = client.createDraftSaver(1000);
    saver.save(draftOf(makeResponse(1)));
    saver.save(draftOf(makeResponse(2, { surveyId: 'other' })));
    await saver.flush();
    expect((await client.listDrafts()).map((d) => d.surveyId).sort()).toEqual(['demo', 'other']);
  });
});
