import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftOf, makeClient, makeResponse, rawPut } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('submitResponse', () => {
  it('moves the draft to the outbox in one step', async () => {
    const { client } = await makeClient();
    const response = makeResponse(1);
    await client.saveDraft(draftOf(response));
    expect(await client.submitResponse(response)).toEqual({ ok: true });
    expect(await client.loadDraft('demo')).toBeUndefined();
    expect(await client.listOutbox()).toEqual([response]);
  });

  it('keeps the draft and reports failure when the outbox add fails (duplicate key)', async () => {
    const { client, factory } = await makeClient();
    const first = makeResponse(1);
    const again = { ...first, answers: { q1: 5 } };
    await client.saveDraft(draftOf(again));
    // The same id already waiting (a double tap on an older app): the add must fail.
    await rawPut(factory, 'outbox', [first]);
    const result = await client.submitResponse(again);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('storage_failed');
    expect(await client.loadDraft('demo')).toEqual(draftOf(again));
    expect(await client.listOutbox()).toEqual([first]);
  });

  it('keeps the draft when the transaction is aborted after both writes were issued', async () => {
    const { client } = await makeClient();
    const response = makeResponse(1);
    await client.saveDraft(draftOf(response));
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = add.apply(this, args);
      // After this tick, when the draft's delete has been issued too.
      queueMicrotask(() => this.transaction.abort());
      return request;
    });
    const result = await client.submitResponse(response);
    expect(result.ok).toBe(false);
    vi.restoreAllMocks();
    expect(await client.loadDraft('demo')).toEqual(draftOf(response));
    expect(await client.listOutbox()).toEqual([]);
  });

  it('surfaces QuotaExceededError as quota_exceeded and keeps the draft', async () => {
    const { client } = await makeClient();
    const response = makeResponse(1);
    await client.saveDraft(draftOf(response));
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await client.submitResponse(response);
    expect(result.ok === false && result.error.code).toBe('quota_exceeded');
    vi.restoreAllMocks();
    expect(await client.loadDraft('demo')).toEqual(draftOf(response));
    expect(await client.countOutbox()).toBe(0);
  });

  it('turns a quota error while saving a draft into data, not an exception', async () => {
    const { client } = await makeClient();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const saver = client.createDraftSaver(5);
    saver.save(draftOf(makeResponse(1)));
    const result = await saver.flush();
    expect(result.ok === false && result.error.code).toBe('quota_exceeded');
    expect(saver.lastResult()).toEqual(result);
  });

  it("leaves another respondent's draft of the same survey alone", async () => {
    const { client } = await makeClient();
    const other = makeResponse(2);
    await client.saveDraft(draftOf(other));
    expect(await client.submitResponse(makeResponse(1))).toEqual({ ok: true });
    expect(await client.loadDraft('demo')).toEqual(draftOf(other));
  });

  it('lists the outbox oldest first and counts per collector', async () => {
    const { client } = await makeClient();
    const responses = [5, 1, 3, 2, 4].map((i) => makeResponse(i, { collector: i % 2 ? 'Kim' : 'Lee' }));
    for (const r of responses) await client.submitResponse(r);
    await client.submitResponse(makeResponse(6));
    expect((await client.listOutbox()).map((r) => r.submittedAt)).toEqual([1, 2, 3, 4, 5, 6].map((i) => makeResponse(i).submittedAt));
    expect((await client.listOutbox(2)).length).toBe(2);
    expect(await client.counts()).toEqual({ outbox: 6, sent: 0, rejected: 0, byCollector: { Kim: { outbox: 3, sent: 0 }, Lee: { outbox: 2, sent: 0 } } });
  });
});

describe('response ids (hostile hall, finding 9)', () => {
  it('keeps an id in its canonical lower-case form, and still removes the draft it was made from', async () => {
    const { client } = await makeClient();
    const response = makeResponse(1);
    const shouted = { ...response, id: response.id.toUpperCase() };
    await client.saveDraft(draftOf(shouted));
    expect(await client.submitResponse(shouted)).toEqual({ ok: true });
    expect(await client.listOutbox()).toEqual([response]);
    expect(await client.loadDraft('demo')).toBeUndefined();
    // The same response again under another spelling is the same outbox entry, not a second one.
    expect((await client.submitResponse({ ...response, id: response.id.replace(/[a-f]/, (c) => c.toUpperCase()) })).ok).toBe(false);
    expect(await client.countOutbox()).toBe(1);
  });
});
