import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollSurvey, pollSurveyV2 } from './fixtures/surveys';
import { AUTH, getJson, pollResponse, postJson, setup, submit } from './helpers';

const ORGANISER_ROUTES: [string, string][] = [
  ['GET', '/api/v1/surveys/poll/responses.csv'],
  ['GET', '/api/v1/surveys/poll/responses.ndjson'],
  ['GET', '/api/v1/surveys/poll/responses.xlsx'],
  ['GET', '/api/v1/surveys/poll/codebook.csv'],
  ['POST', '/api/v1/imports'],
  ['POST', '/api/v1/surveys'],
  ['GET', '/api/v1/surveys/poll/waves'],
  ['POST', '/api/v1/surveys/poll/waves'],
  ['POST', '/api/v1/surveys/poll/waves/open/close'],
  ['DELETE', '/api/v1/surveys/poll/waves/open/responses'],
  ['GET', '/api/v1/surveys/poll/comments'],
  ['POST', '/api/v1/surveys/poll/comments/x/why/hide'],
  ['POST', '/api/v1/surveys/poll/comments/x/why/unhide'],
  ['DELETE', '/api/v1/surveys/poll/responses/x'],
  ['GET', '/api/v1/surveys/poll/overview'],
  ['GET', '/api/v1/surveys/private/results'],
  ['GET', '/api/v1/surveys/private/live'],
];

describe('organiser routes', () => {
  it.each(ORGANISER_ROUTES)('%s %s answers 401 without the token or with a wrong one', async (method, path) => {
    const { app } = await setup();
    for (const headers of [{} as Record<string, string>, { Authorization: 'Bearer wrong-token' }, { Authorization: 'Basic abc' }, { Authorization: `Bearer ${'organiser-secret-token'}x` }]) {
      const res = await app.request(path, { method, headers, body: method === 'POST' ? '{}' : undefined });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('exports CSV with a BOM, a column per question or option, Korean intact and formulas neutralised', async () => {
    const { app } = await setup();
    const r1 = pollResponse({ collector: '=HYPERLINK("x")' }, { why: '국방이 먼저입니다, "정말로"', sectors: ['x', 'z'], spec: -3 });
    const r2 = pollResponse({}, { why: '+1 @everyone -minus' });
    await submit(app, [r1, r2]);
    const res = await app.request('/api/v1/surveys/poll/responses.csv', { headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('poll-responses.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n'); // the decoder drops the BOM
    const headers =
      'id,version,wave,channel,group,collector,locale,device,startedAt,submittedAt,receivedAt,role,agree,spec,' +
      'sectors:x,sectors:y,sectors:z,budget:a,budget:b,budget:c,rank:x,rank:y,rank:z,why';
    // Every text cell is quoted (a spreadsheet splitting on ";" keeps it whole); numbers are bare.
    expect(lines[0]).toBe(headers.split(',').map((h) => `"${h}"`).join(','));
    const first = lines.find((l) => l.startsWith(`"${r1.id}"`))!;
    expect(first).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(first).toContain(',"industry",4,-3,1,0,1,50,30,20,2,1,,"국방이 먼저입니다, ""정말로"""');
    expect(lines.find((l) => l.startsWith(`"${r2.id}"`))).toMatch(/,,,,50,30,20,2,1,,"'\+1 @everyone -minus"$/);
    expect(lines.at(-1)).toBe('');
  });

  it('streams NDJSON, one stored response per line', async () => {
    const { app } = await setup();
    const items = Array.from({ length: 1203 }, () => pollResponse());
    for (let i = 0; i < items.length; i += 200) await submit(app, items.slice(i, i + 200));
    const res = await app.request('/api/v1/surveys/poll/responses.ndjson', { headers: AUTH });
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const reader = res.body!.getReader();
    let chunks = 0;
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      text += new TextDecoder().decode(value);
    }
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(items.map((r) => r.id));
    expect(chunks).toBeGreaterThan(1000);
  });

  it('imports a device backup in batches with the same idempotency, and again without change', async () => {
    const { app } = await setup();
    const items = Array.from({ length: 450 }, () => pollResponse({ channel: 'field', collector: '김연구' }));
    const bad = pollResponse({}, { agree: 99 });
    const backup = { format: 'stance-backup', exportedAt: '2025-06-02T00:00:00.000Z', responses: [...items, bad] };
    const first = await postJson(app, '/api/v1/imports', backup, AUTH);
    expect(first.body).toMatchObject({ received: 451, stored: 450, duplicate: 0, rejected: 1 });
    expect(first.body.errors).toEqual([{ id: bad.id, code: 'invalid', message: expect.any(String) }]);
    const again = await postJson(app, '/api/v1/imports', backup, AUTH);
    expect(again.body).toMatchObject({ stored: 0, duplicate: 450, rejected: 1 });
    const ndjson = items.slice(0, 3).map((r) => JSON.stringify(r)).join('\n');
    expect((await postJson(app, '/api/v1/imports', ndjson, AUTH)).body).toMatchObject({ received: 3, duplicate: 3 });
    expect((await postJson(app, '/api/v1/imports', '{"nope": 1}', AUTH)).status).toBe(400);
    expect((await postJson(app, '/api/v1/imports', 'not json at all', AUTH)).status).toBe(400);
  });

  it('adds a survey version, refuses other content under the same version with 409, and points at bad paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-surveys-'));
    const { app } = await setup({ config: { surveysDir: dir } });
    expect((await postJson(app, '/api/v1/surveys', pollSurveyV2, AUTH)).body).toEqual({ status: 'stored', id: 'poll', version: 2 });
    expect(JSON.parse(await readFile(join(dir, 'poll-v2.json'), 'utf8'))).toEqual(pollSurveyV2);
    expect((await postJson(app, '/api/v1/surveys', pollSurveyV2, AUTH)).body.status).toBe('duplicate');
    const changed = await postJson(app, '/api/v1/surveys', { ...pollSurveyV2, resultsPublic: false }, AUTH);
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('conflict');
    const broken = structuredClone(pollSurvey) as any;
    broken.version = 3;
    broken.sections[0].questions[1].points = 4;
    const invalid = await postJson(app, '/api/v1/surveys', broken, AUTH);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.issues[0].path).toBe('sections[0].questions[1].points');
    expect((await getJson(app, '/api/v1/surveys/poll')).body.version).toBe(2);
    expect((await getJson(app, '/api/v1/surveys/poll/versions/1')).body).toEqual(pollSurvey);
  });

  it('registers, lists and closes waves, and deletes a test wave with its tallies', async () => {
    const { app } = await setup({ clock: () => Date.parse('2025-06-01T12:00:00.000Z') });
    const wave = { slug: 'rehearsal', label: 'Rehearsal', startsAt: '2025-06-01T08:00:00.000Z', oneResponsePerDevice: false, test: true };
    expect((await postJson(app, '/api/v1/surveys/poll/waves', wave, AUTH)).status).toBe(201);
    expect((await postJson(app, '/api/v1/surveys/poll/waves', { ...wave, label: 'Dry run' }, AUTH)).status).toBe(200);
    expect((await postJson(app, '/api/v1/surveys/poll/waves', { ...wave, slug: 'Bad Slug' }, AUTH)).status).toBe(400);
    await submit(app, [...Array.from({ length: 5 }, () => pollResponse({ wave: 'rehearsal' })), ...Array.from({ length: 5 }, () => pollResponse())]);
    const listed = (await getJson(app, '/api/v1/surveys/poll/waves', AUTH)).body;
    expect(listed).toEqual([{ ...wave, label: { ko: 'Dry run', en: 'Dry run' }, code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{6}$/), joinUrl: expect.stringMatching(/\/j\/[2-9A-HJ-NP-Z]{6}$/) }]);
    const closed = await app.request('/api/v1/surveys/poll/waves/rehearsal/close', { method: 'POST', headers: AUTH });
    expect((await closed.json()).closesAt).toBe('2025-06-01T12:00:00.000Z');
    const del = await app.request('/api/v1/surveys/poll/waves/rehearsal/responses', { method: 'DELETE', headers: AUTH });
    expect(await del.json()).toEqual({ deleted: 5 });
    const results = await getJson(app, '/api/v1/surveys/poll/results');
    expect(results.body.count).toBe(5);
    expect(results.body.waves.map((w: { wave: string }) => w.wave)).toEqual(['open']);
  });

  it('lists comments newest first, hides and unhides one', async () => {
    const { app } = await setup();
    const a = pollResponse({ submittedAt: '2025-06-01T09:01:00.000Z' }, { why: '첫 번째' });
    const b = pollResponse({ submittedAt: '2025-06-01T09:02:00.000Z' }, { why: 'second <b>bold</b>' });
    await submit(app, [a, b, pollResponse()]);
    const list = await getJson(app, '/api/v1/surveys/poll/comments', AUTH);
    expect(list.body.comments.map((c: { text: string }) => c.text)).toEqual(['second <b>bold</b>', '첫 번째']);
    expect(list.body.comments[0]).toMatchObject({ responseId: b.id, question: 'why', group: 'industry', hidden: false });
    expect((await postJson(app, `/api/v1/surveys/poll/comments/${a.id}/why/hide`, '', AUTH)).body.hidden).toBe(true);
    const visible = await getJson(app, '/api/v1/surveys/poll/comments?hidden=exclude', AUTH);
    expect(visible.body.comments.map((c: { responseId: string }) => c.responseId)).toEqual([b.id]);
    expect((await postJson(app, `/api/v1/surveys/poll/comments/${a.id}/why/unhide`, '', AUTH)).body.hidden).toBe(false);
    expect((await postJson(app, `/api/v1/surveys/poll/comments/${a.id}/agree/hide`, '', AUTH)).status).toBe(404);
  });

  it('deletes one response, and the tallies follow', async () => {
    const { app } = await setup();
    const items = Array.from({ length: 6 }, () => pollResponse({}, { why: 'x' }));
    await submit(app, items);
    const res = await app.request(`/api/v1/surveys/poll/responses/${items[0]!.id}`, { method: 'DELETE', headers: AUTH });
    expect(await res.json()).toEqual({ deleted: 1 });
    expect((await getJson(app, '/api/v1/surveys/poll/results')).body.overall.questions.why.n).toBe(5);
    expect((await getJson(app, '/api/v1/surveys/poll/comments', AUTH)).body.comments).toHaveLength(5);
    const again = await app.request(`/api/v1/surveys/poll/responses/${items[0]!.id}`, { method: 'DELETE', headers: AUTH });
    expect(again.status).toBe(404);
  });

  it('gives an overview of versions, waves, channels and groups', async () => {
    const { app } = await setup();
    await postJson(app, '/api/v1/surveys', pollSurveyV2, AUTH);
    await postJson(app, '/api/v1/surveys/poll/waves', { slug: 'am', label: 'Morning', startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false }, AUTH);
    await submit(app, [pollResponse({ wave: 'am' }), pollResponse({ surveyVersion: 2, channel: 'field' }, { role: 'academia' })]);
    const { body } = await getJson(app, '/api/v1/surveys/poll/overview', AUTH);
    expect(body).toMatchObject({
      id: 'poll',
      latestVersion: 2,
      total: 2,
      versions: [{ version: 1, count: 1 }, { version: 2, count: 1 }],
      waves: [
        { slug: 'am', label: { ko: 'Morning', en: 'Morning' }, registered: true, count: 1 },
        { slug: 'open', registered: false, count: 1 },
      ],
      channels: expect.arrayContaining([{ channel: 'web', count: 1 }, { channel: 'field', count: 1 }]),
      groups: expect.arrayContaining([{ group: 'industry', count: 1 }, { group: 'academia', count: 1 }]),
    });
  });
});

describe('public survey routes', () => {
  it('lists the latest version of each survey and serves exact versions with ETags', async () => {
    const { app } = await setup();
    const list = await getJson(app, '/api/v1/surveys');
    expect(list.body).toEqual([
      { id: 'poll', version: 1, title: pollSurvey.title },
      { id: 'private', version: 1, title: expect.any(Object) },
    ]);
    const one = await app.request('/api/v1/surveys/poll/versions/1');
    const etag = one.headers.get('etag')!;
    expect((await app.request('/api/v1/surveys/poll/versions/1', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await getJson(app, '/api/v1/surveys/poll/versions/2')).status).toBe(404);
    expect((await getJson(app, '/api/v1/surveys/poll/versions/abc')).status).toBe(400);
    expect((await getJson(app, '/api/v1/surveys/none')).body).toEqual({ error: { code: 'not_found', message: 'no survey none' } });
  });

  it('reports health', async () => {
    const { app } = await setup({ config: { version: '1.2.3' } });
    expect((await getJson(app, '/api/v1/health')).body).toEqual({ status: 'ok', version: '1.2.3', storage: 'sqlite', database: { ok: true }, liveSubscribers: 0 });
  });
});
