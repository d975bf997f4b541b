import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/engines';
import { AUTH, getJson, pollResponse, postJson, setup, submit } from './helpers';

// Findings 5, 9 and 10 of the hostile hall (issue 15): inputs that were accepted and should
// not be, refused the same way on both engines.

const statuses = (body: { results: { status: string }[] }) => body.results.map((r) => r.status);

describe.each(ENGINES)('on %s', (engine) => {
  describe('wave slugs (finding 5)', () => {
    it('refuses a slug without a letter or digit wherever one comes in', async () => {
      const { app } = await setup({ engine });
      for (const wave of ['-', '---']) {
        const { body } = await submit(app, [pollResponse({ wave })]);
        expect(body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid' } });
        expect((await getJson(app, `/api/v1/surveys/poll/results?wave=${wave}`)).status).toBe(400);
        const register = await postJson(app, '/api/v1/surveys/poll/waves', { slug: wave, label: 'x', startsAt: '2025-06-01T09:00:00Z', oneResponsePerDevice: false }, AUTH);
        expect(register.status).toBe(400);
      }
      expect(statuses((await submit(app, [pollResponse({ wave: '-1-' })])).body)).toEqual(['stored']);
    });
  });

  describe('ids that differ only in case (finding 9)', () => {
    it('stores one response for three spellings of its id, answers with the lower-case id, and finds it by any spelling', async () => {
      const { app, store } = await setup({ engine });
      const r = pollResponse();
      const upper = { ...r, id: r.id.toUpperCase() };
      const mixed = { ...r, id: r.id.replace(/[a-f]/, (ch) => ch.toUpperCase()) };
      expect(mixed.id).not.toBe(r.id);
      const { body } = await submit(app, [upper]);
      expect(body.results).toEqual([{ id: r.id, status: 'stored' }]);
      expect((await submit(app, [mixed, r])).body.results).toEqual([{ id: r.id, status: 'duplicate' }, { id: r.id, status: 'duplicate' }]);
      const conflict = await submit(app, [{ ...upper, answers: { ...r.answers, agree: 1 } }]);
      expect(conflict.body.results[0]).toMatchObject({ id: r.id, status: 'rejected', error: { code: 'conflict' } });
      const stored = async () => {
        const rows = [];
        for await (const row of store.responses('poll', {})) rows.push(row.response);
        return rows;
      };
      expect(await stored()).toEqual([r]);
      const deleted = await app.request(`/api/v1/surveys/poll/responses/${upper.id}`, { method: 'DELETE', headers: AUTH });
      expect(deleted.status).toBe(200);
      expect(await stored()).toEqual([]);
    });

    it('treats an imported backup the same way', async () => {
      const { app, store } = await setup({ engine });
      const r = pollResponse();
      const backup = { responses: [{ ...r, id: r.id.toUpperCase() }, r, { ...r, id: r.id.toUpperCase() }] };
      const { status, body } = await postJson(app, '/api/v1/imports', backup, AUTH);
      expect(status).toBe(200);
      expect(body).toMatchObject({ received: 3, stored: 1, duplicate: 2, rejected: 0 });
      const ids = [];
      for await (const row of store.responses('poll', {})) ids.push(row.response.id);
      expect(ids).toEqual([r.id]);
    });
  });

  describe('impossible timestamps (finding 10)', () => {
    const now = Date.parse('2025-06-01T12:00:00.000Z');

    it.each([
      ['30 February', { submittedAt: '2025-02-30T09:03:00.000Z', startedAt: '2025-02-01T09:00:00.000Z' }],
      ['the hour 24', { submittedAt: '2025-05-31T24:00:00.000Z' }],
      ['the year 0000', { startedAt: '0000-06-01T09:00:00.000Z' }],
      ['startedAt after submittedAt', { startedAt: '2025-06-01T09:04:00.000Z', submittedAt: '2025-06-01T09:03:00.000Z' }],
      ['a year far in the future', { submittedAt: '2999-06-01T09:03:00.000Z' }],
      ['a day and a second ahead of the clock', { submittedAt: new Date(now + 86_400_001).toISOString() }],
    ])('rejects %s as invalid, naming the field', async (_name, times) => {
      const { app } = await setup({ engine, clock: () => now });
      const { body } = await submit(app, [pollResponse(times)]);
      expect(body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid' } });
      const fields = body.results[0].error.issues.map((i: { question: string }) => i.question);
      expect(fields.some((f: string) => f === 'startedAt' || f === 'submittedAt')).toBe(true);
    });

    it('accepts a clock up to a day fast, and a response started and submitted at the same instant', async () => {
      const { app } = await setup({ engine, clock: () => now });
      const ahead = new Date(now + 86_400_000).toISOString();
      const { body } = await submit(app, [pollResponse({ startedAt: ahead, submittedAt: ahead }), pollResponse()]);
      expect(statuses(body)).toEqual(['stored', 'stored']);
    });

    it('refuses impossible wave times', async () => {
      const { app } = await setup({ engine });
      const wave = { slug: 'day-1', label: 'Day 1', startsAt: '2025-06-01T09:00:00Z', oneResponsePerDevice: false };
      expect((await postJson(app, '/api/v1/surveys/poll/waves', { ...wave, startsAt: '2025-02-30T09:00:00Z' }, AUTH)).status).toBe(400);
      expect((await postJson(app, '/api/v1/surveys/poll/waves', { ...wave, closesAt: '2025-06-01T24:00:00Z' }, AUTH)).status).toBe(400);
      expect((await postJson(app, '/api/v1/surveys/poll/waves/day-1/close', { at: '0000-01-01T00:00:00Z' }, AUTH)).status).toBe(400);
      expect((await postJson(app, '/api/v1/surveys/poll/waves', wave, AUTH)).status).toBe(201);
    });
  });
});
