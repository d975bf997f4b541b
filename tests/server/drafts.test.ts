import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { appConfig } from '../../src/server/config';
import { PgStore } from '../../src/server/store/postgres';
import { XLSX_TYPE } from '../../src/server/survey-sheet/workbook';
import { ENGINES, openTestStore } from '../support/engines';
import { pollSurvey, pollSurveyV2 } from './fixtures/surveys';
import { AUTH, TOKEN, getJson, setup } from './helpers';

type App = Awaited<ReturnType<typeof setup>>['app'];

/** Sends a draft request and returns the status, ETag and parsed body. */
async function send(app: App, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { ...AUTH, 'content-type': 'application/json', ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await app.request(`/api/v1${path}`, init);
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag'), body: text ? (JSON.parse(text) as any) : undefined };
}

const put = (app: App, id: string, body: unknown, ifMatch?: string) => send(app, 'PUT', `/surveys/${id}/draft`, body, ifMatch ? { 'if-match': ifMatch } : {});
const publish = (app: App, id: string, ifMatch?: string) => send(app, 'POST', `/surveys/${id}/draft/publish`, undefined, ifMatch ? { 'if-match': ifMatch } : {});
const { id: _id, version: _version, ...newSurvey } = { ...pollSurvey, id: 'fresh', title: { ko: '새 설문', en: 'New survey' } };

describe.each(ENGINES)('survey drafts on %s', (engine) => {
  it('saves any JSON with its problems, and reads it back with its revision', async () => {
    const { app, close } = await setup({ engine });
    try {
      const first = await put(app, 'fresh', { title: { ko: '제목', en: '' } });
      expect(first.status).toBe(200);
      expect(first.etag).toBe('"draft-1"');
      expect(first.body).toMatchObject({ surveyId: 'fresh', revision: 1, version: 1 });
      expect(first.body.problems).toEqual(expect.arrayContaining([
        { path: 'title.en', code: 'empty_text', params: { min: 1 }, message: 'the text is empty' },
        { path: 'sections', code: 'missing', params: {}, message: 'this is required' },
      ]));
      const read = await getJson(app, '/api/v1/surveys/fresh/draft', AUTH);
      expect(read.headers.get('etag')).toBe('"draft-1"');
      expect(read.body).toMatchObject({ revision: 1, definition: { title: { ko: '제목', en: '' } } });
      const whole = await put(app, 'fresh', newSurvey, '"draft-1"');
      expect(whole.body).toMatchObject({ revision: 2, problems: [] });
      expect((await put(app, 'fresh', 42, '"draft-2"')).body.problems).toEqual([expect.objectContaining({ path: '', code: 'not_object' })]);
    } finally {
      await close();
    }
  });

  it('refuses the later of two editors with 412 draft_changed instead of overwriting', async () => {
    const { app, close } = await setup({ engine });
    try {
      await put(app, 'fresh', newSurvey);
      const opened = (await getJson(app, '/api/v1/surveys/fresh/draft', AUTH)).headers.get('etag')!;
      expect((await put(app, 'fresh', { ...newSurvey, resultsPublic: false }, opened)).status).toBe(200);
      const stale = await put(app, 'fresh', { ...newSurvey, notice: { ko: '덮어쓰기', en: 'overwrite' } }, opened);
      expect(stale.status).toBe(412);
      expect(stale.body.error).toMatchObject({ code: 'draft_changed', details: { revision: 2 } });
      expect((await put(app, 'fresh', newSurvey)).status).toBe(412);
      expect((await getJson(app, '/api/v1/surveys/fresh/draft', AUTH)).body.definition.resultsPublic).toBe(false);
      expect((await put(app, 'fresh', newSurvey, '*')).body.revision).toBe(3);
      expect((await publish(app, 'fresh', opened)).status).toBe(412);
    } finally {
      await close();
    }
  });

  it('publishes as the next version, never over a published one, and only without problems', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-drafts-'));
    const { app, close } = await setup({ engine, config: { surveysDir: dir } });
    try {
      await put(app, 'poll', { ...pollSurvey, version: 1, title: { ko: '', en: 'Poll' } });
      const refused = await publish(app, 'poll');
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid', details: { issues: [expect.objectContaining({ path: 'title.ko', code: 'empty_text' })] } });
      const fixed = await put(app, 'poll', { ...pollSurveyV2, version: 1 }, '"draft-1"');
      expect(fixed.body).toMatchObject({ version: 2, problems: [] });
      const published = await publish(app, 'poll', fixed.etag!);
      expect(published).toMatchObject({ status: 201, body: { id: 'poll', version: 2 } });
      expect((await getJson(app, '/api/v1/surveys/poll/versions/1')).body).toEqual(pollSurvey);
      expect((await getJson(app, '/api/v1/surveys/poll')).body).toEqual(pollSurveyV2);
      expect((await getJson(app, '/api/v1/surveys/poll/versions/2/changes')).body.questions.filter((q: any) => q.change !== 'unchanged')).toEqual([{ id: 'agree', change: 'reworded' }]);
      expect(await readdir(dir)).toEqual(['poll-v2.json']);
      expect((await getJson(app, '/api/v1/surveys/poll/draft', AUTH)).status).toBe(404);
      expect((await publish(app, 'poll')).status).toBe(404);
      expect((await put(app, 'poll', pollSurveyV2, fixed.etag!)).status).toBe(412);
      expect((await put(app, 'poll', pollSurveyV2)).body).toMatchObject({ revision: 4, version: 3 });
    } finally {
      await close();
    }
  });

  it('round-trips a draft through its spreadsheet, and refuses a broken one with located issues', async () => {
    const { app, close } = await setup({ engine });
    try {
      await put(app, 'fresh', { ...newSurvey, title: { ko: '', en: 'For the translator' } });
      const res = await app.request('/api/v1/surveys/fresh/draft.xlsx', { headers: AUTH });
      expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
      const workbook = Buffer.from(await res.arrayBuffer());
      const upload = (bytes: Uint8Array, ifMatch: string) =>
        app.request('/api/v1/surveys/fresh/draft', { method: 'PUT', headers: { ...AUTH, 'content-type': XLSX_TYPE, 'if-match': ifMatch }, body: new Uint8Array(bytes) });
      const refused = await upload(workbook, '"draft-1"');
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.details.issues[0]).toMatchObject({ sheet: 'settings', row: 2, column: 'title::ko', code: 'missing' });
      await put(app, 'fresh', newSurvey, '"draft-1"');
      const complete = Buffer.from(await (await app.request('/api/v1/surveys/fresh/draft.xlsx', { headers: AUTH })).arrayBuffer());
      expect((await upload(complete, '"draft-2"')).status).toBe(200);
      expect((await getJson(app, '/api/v1/surveys/fresh/draft', AUTH)).body).toMatchObject({ revision: 3, problems: [], definition: { ...newSurvey, id: 'fresh', version: 1 } });
      expect((await upload(new TextEncoder().encode('not a workbook'), '"draft-3"')).status).toBe(400);
      expect((await send(app, 'PUT', '/surveys/fresh/draft', { sections: 'none' }, { 'if-match': '"draft-3"' })).status).toBe(200);
      expect((await app.request('/api/v1/surveys/fresh/draft.xlsx', { headers: AUTH })).status).toBe(400);
    } finally {
      await close();
    }
  });

  it('answers bad input with 400 and unsigned requests with 401, storing nothing', async () => {
    const { app, store, close } = await setup({ engine });
    try {
      expect((await put(app, 'fresh', '{"title": ')).body.error.code).toBe('bad_request');
      expect((await put(app, 'fresh', '{}', 'revision 3')).status).toBe(400);
      expect((await put(app, 'Not%20An%20Id', {})).status).toBe(400);
      expect((await put(app, 'fresh', 'x'.repeat(2 ** 20 + 10))).status).toBe(413);
      for (const [method, path] of [['GET', '/surveys/fresh/draft'], ['PUT', '/surveys/fresh/draft'], ['POST', '/surveys/fresh/draft/publish']]) {
        const res = await app.request(`/api/v1${path}`, { method, body: method === 'GET' ? undefined : '{}' });
        expect(res.status).toBe(401);
      }
      expect(await store.drafts.list()).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('survey drafts with two processes on one PostgreSQL database', () => {
  it('never gives two publishes one number, and the other process knows the published version', async () => {
    const { store: a, url } = await openTestStore('postgres');
    const b = await PgStore.open({ url: url!, log: () => undefined });
    try {
      const appOf = (store: typeof a) => createApp({ store, clock: Date.now, config: appConfig({ adminToken: TOKEN, rateLimit: false, log: () => undefined }) });
      const [one, two] = [appOf(a), appOf(b)];
      await a.putSurvey(pollSurvey);
      const drafted = { ...pollSurveyV2, title: { ko: '초안', en: 'Drafted' } };
      await put(one, 'poll', drafted);
      // The same draft published through both processes while one of them uploads a version 2 of its own.
      const [p1, p2, upload] = await Promise.all([publish(one, 'poll'), publish(two, 'poll'), send(two, 'POST', '/surveys', pollSurveyV2)]);
      expect([p1.status, p2.status].sort()).toEqual([201, 404]);
      const won = p1.status === 201 ? p1 : p2;
      // Whichever took version 2 first, the other got the next number or a refusal, never the same one.
      expect([201, 409]).toContain(upload.status);
      expect(won.body.version).toBe(upload.status === 201 ? 3 : 2);
      const stored = await Promise.all([2, 3].map((v) => a.getSurvey('poll', v)));
      expect(stored.filter(Boolean)).toHaveLength(won.body.version - 1);
      expect(await a.getSurvey('poll', won.body.version)).toMatchObject({ title: drafted.title });
      await expect.poll(async () => (await b.getSurvey('poll'))?.version, { timeout: 5000 }).toBe(won.body.version);
      await expect.poll(async () => (await a.getSurvey('poll'))?.version, { timeout: 5000 }).toBe(won.body.version);
    } finally {
      await b.close();
    }
  });
});
