import { describe, expect, it } from 'vitest';
import { AUTH, getJson, pollResponse, postJson, setup, submit } from './helpers';

describe('POST /api/v1/responses', () => {
  it('stores new responses and answers per item', async () => {
    const { app } = await setup();
    const items = [pollResponse(), pollResponse({ locale: 'en' })];
    const { status, body } = await submit(app, items);
    expect(status).toBe(200);
    expect(body.results).toEqual(items.map((r) => ({ id: r.id, status: 'stored' })));
  });

  it('answers duplicate for the same batch sent twice, and stores nothing twice', async () => {
    const { app } = await setup();
    const items = Array.from({ length: 6 }, () => pollResponse());
    await submit(app, items);
    const again = await submit(app, items);
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(Array(6).fill('duplicate'));
    const results = await getJson(app, '/api/v1/surveys/poll/results');
    expect(results.body.count).toBe(6);
  });

  it('treats key order as the same content (canonical JSON)', async () => {
    const { app } = await setup();
    const r = pollResponse();
    await submit(app, [r]);
    const reordered = Object.fromEntries(Object.entries(r).reverse());
    expect((await submit(app, [reordered])).body.results[0].status).toBe('duplicate');
  });

  it('rejects the same id with other content as conflict and keeps the stored one', async () => {
    const { app, store } = await setup();
    const r = pollResponse();
    await submit(app, [r]);
    const { body } = await submit(app, [{ ...r, answers: { ...r.answers, agree: 1 } }]);
    expect(body.results[0]).toMatchObject({ id: r.id, status: 'rejected', error: { code: 'conflict' } });
    const stored = [];
    for await (const row of store.responses('poll', {})) stored.push(row.response);
    expect(stored).toEqual([r]);
  });

  it('rejects invalid answers with per-question issues without blocking the valid ones', async () => {
    const { app } = await setup();
    const good = pollResponse();
    const bad = pollResponse({}, { agree: 9, budget: { a: 10 } });
    const { body } = await submit(app, [bad, good, { nonsense: true }]);
    expect(body.results[0]).toMatchObject({ id: bad.id, status: 'rejected', error: { code: 'invalid' } });
    expect(body.results[0].error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ question: 'agree', code: 'out_of_range' }),
        expect.objectContaining({ question: 'budget', code: 'sum_mismatch' }),
      ]),
    );
    expect(body.results[1]).toEqual({ id: good.id, status: 'stored' });
    expect(body.results[2]).toMatchObject({ id: '', status: 'rejected', error: { code: 'invalid' } });
  });

  it('rejects an unknown survey or version as unknown_survey', async () => {
    const { app } = await setup();
    const { body } = await submit(app, [pollResponse({ surveyVersion: 9 }), pollResponse({ surveyId: 'nope' })]);
    expect(body.results.map((r: { error: { code: string } }) => r.error.code)).toEqual(['unknown_survey', 'unknown_survey']);
  });

  it('accepts a response once its survey version is uploaded (a rejection is not final for the device)', async () => {
    const { app } = await setup();
    const { pollSurveyV2 } = await import('./fixtures/surveys');
    const r = pollResponse({ surveyVersion: 2 });
    expect((await submit(app, [r])).body.results[0].error.code).toBe('unknown_survey');
    expect((await postJson(app, '/api/v1/surveys', pollSurveyV2, AUTH)).status).toBe(201);
    expect((await submit(app, [r])).body.results[0].status).toBe('stored');
  });

  it('answers 400 for a bad envelope', async () => {
    const { app } = await setup();
    for (const body of [{}, { responses: [] }, { responses: Array(201).fill({}) }, [], 'null']) {
      const res = await postJson(app, '/api/v1/responses', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
  });

  it('answers 400 for malformed JSON and never leaks a stack', async () => {
    const { app } = await setup();
    const res = await postJson(app, '/api/v1/responses', '{"responses": [');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: 'the body is not valid JSON' } });
  });

  it('answers 413 for a body over 1 MiB, declared or streamed', async () => {
    const { app } = await setup();
    const big = JSON.stringify({ responses: [{ pad: 'x'.repeat(1024 * 1024) }] });
    const declared = await postJson(app, '/api/v1/responses', big);
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('too_large');
    const bytes = new TextEncoder().encode(big);
    const streamed = await app.request('/api/v1/responses', {
      method: 'POST',
      body: new ReadableStream({ start: (c) => { c.enqueue(bytes); c.close(); } }),
      // @ts-expect-error Node's fetch needs duplex for a streamed body
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
  });

  it('shares one commit between concurrent requests and answers each after it', async () => {
    const { app } = await setup();
    const batches = Array.from({ length: 20 }, () => [pollResponse()]);
    const answers = await Promise.all(batches.map((b) => submit(app, b)));
    expect(answers.every((a) => a.body.results[0].status === 'stored')).toBe(true);
    expect((await getJson(app, '/api/v1/surveys/poll/results')).body.count).toBe(20);
  });
});

describe('waves and their rules', () => {
  it('rejects a response submitted after the close, and counts one submitted before but delivered later', async () => {
    const { app } = await setup();
    const wave = { slug: 'session-1', label: 'Session 1', startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false };
    expect((await postJson(app, '/api/v1/surveys/poll/waves', wave, AUTH)).status).toBe(201);
    const close = await postJson(app, '/api/v1/surveys/poll/waves/session-1/close', { at: '2025-06-01T10:00:00.000Z' }, AUTH);
    expect(close.body.closesAt).toBe('2025-06-01T10:00:00.000Z');
    const before = pollResponse({ wave: 'session-1', submittedAt: '2025-06-01T09:59:59.000Z' });
    const after = pollResponse({ wave: 'session-1', submittedAt: '2025-06-01T10:00:01.000Z' });
    const { body } = await submit(app, [before, after]);
    expect(body.results[0].status).toBe('stored');
    expect(body.results[1]).toMatchObject({ status: 'rejected', error: { code: 'closed' } });
  });

  it('still answers duplicate for a stored response resent after its wave closed', async () => {
    const { app } = await setup();
    const r = pollResponse({ wave: 'late', submittedAt: '2025-06-01T10:00:00.000Z' });
    await submit(app, [r]);
    await postJson(app, '/api/v1/surveys/poll/waves/late/close', { at: '2025-06-01T09:00:00.000Z' }, AUTH);
    expect((await submit(app, [r])).body.results[0].status).toBe('duplicate');
  });

  it('rejects a second response from one device in a one-response-per-device wave', async () => {
    const { app } = await setup();
    const wave = { slug: 'vote', label: 'Vote', startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: true };
    await postJson(app, '/api/v1/surveys/poll/waves', wave, AUTH);
    const first = pollResponse({ wave: 'vote', device: 'phone-aaaa' });
    const second = pollResponse({ wave: 'vote', device: 'phone-aaaa' });
    const other = pollResponse({ wave: 'vote', device: 'phone-bbbb' });
    const { body } = await submit(app, [first, second, other]);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(['stored', 'rejected', 'stored']);
    expect(body.results[1].error.code).toBe('duplicate_device');
    expect((await submit(app, [first])).body.results[0].status).toBe('duplicate');
  });
});
