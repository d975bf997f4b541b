import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { surveyToSheets } from '../../src/core/sheet/write';
import type { Survey } from '../../src/core/survey';
import { XLSX_TYPE } from '../../src/server/survey-sheet/workbook';
import { pollSurvey, pollSurveyV2 } from './fixtures/surveys';
import { AUTH, TOKEN, getJson, postJson, setup } from './helpers';
import { partsOf, zipOf } from './survey-sheet/zip';

type App = Awaited<ReturnType<typeof setup>>['app'];

async function download(app: App, path: string) {
  const res = await app.request(path);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function upload(app: App, bytes: Buffer, headers: Record<string, string> = AUTH) {
  const res = await app.request('/api/v1/surveys', { method: 'POST', headers: { 'Content-Type': XLSX_TYPE, ...headers }, body: new Uint8Array(bytes) });
  return { status: res.status, body: (await res.json()) as any };
}

/** A survey's sheets written by exceljs after `edit` changes them, as a person's file would be. */
async function workbookOf(survey: Survey, edit: (workbook: ExcelJS.Workbook) => void = () => {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of surveyToSheets(survey)) workbook.addWorksheet(sheet.name).addRows(sheet.rows);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('GET /surveys/:id/versions/:v.xlsx', () => {
  it('exports a version as a workbook, publicly, with an ETag', async () => {
    const { app } = await setup();
    const { res, bytes } = await download(app, '/api/v1/surveys/poll/versions/1.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="poll-v1.xlsx"');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const etag = res.headers.get('etag')!;
    expect((await app.request('/api/v1/surveys/poll/versions/1.xlsx', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await download(app, '/api/v1/surveys/poll/versions/1.xlsx')).bytes.equals(bytes)).toBe(true);
  });

  it('answers 404 for an unknown survey or version and leaves the JSON route as it was', async () => {
    const { app } = await setup();
    expect((await getJson(app, '/api/v1/surveys/poll/versions/9.xlsx')).status).toBe(404);
    expect((await getJson(app, '/api/v1/surveys/nope/versions/1.xlsx')).body.error.code).toBe('not_found');
    expect((await getJson(app, '/api/v1/surveys/poll/versions/1.csv')).status).toBe(400);
    expect((await getJson(app, '/api/v1/surveys/poll/versions/abc')).status).toBe(400);
    expect((await getJson(app, '/api/v1/surveys/poll/versions/1')).body).toEqual(pollSurvey);
  });
});

describe('POST /surveys with a spreadsheet', () => {
  it('gives duplicate for an exported version uploaded unchanged', async () => {
    const { app } = await setup();
    const { bytes } = await download(app, '/api/v1/surveys/poll/versions/1.xlsx');
    expect(await upload(app, bytes)).toEqual({ status: 200, body: { status: 'duplicate', id: 'poll', version: 1 } });
  });

  it('stores a new version (201, written to the surveys folder), then duplicate, then 409 for other content', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-sheets-'));
    const { app } = await setup({ config: { surveysDir: dir } });
    expect(await upload(app, await workbookOf(pollSurveyV2))).toEqual({ status: 201, body: { status: 'stored', id: 'poll', version: 2 } });
    expect(await readdir(dir)).toEqual(['poll-v2.json']);
    expect((await getJson(app, '/api/v1/surveys/poll/versions/2')).body).toEqual(pollSurveyV2);
    expect((await upload(app, await workbookOf(pollSurveyV2))).body.status).toBe('duplicate');
    const other = await upload(app, await workbookOf({ ...pollSurveyV2, resultsPublic: false }));
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('conflict');
  });

  it('needs the organiser token', async () => {
    const { app } = await setup();
    expect((await upload(app, await workbookOf(pollSurveyV2), {})).status).toBe(401);
    expect((await upload(app, await workbookOf(pollSurveyV2), { Authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
  });

  const v3 = { ...pollSurvey, version: 3 };
  const cases: [string, Buffer | (() => Promise<Buffer>), string[]][] = [
    ['not a spreadsheet', Buffer.from('%PDF-1.7 not a workbook'), ['null null null not_xlsx']],
    ['a missing sheet', () => workbookOf(v3, (w) => w.removeWorksheet(w.getWorksheet('settings')!.id)), ['settings null null missing_sheet']],
    ['a missing choice list', () => workbookOf(v3, (w) => (w.getWorksheet('survey')!.getCell('A3').value = 'select_one roles')), ['survey 3 type unknown_list', 'choices 2 list_name unused_list']],
    ['a list no question uses', () => workbookOf(v3, (w) => w.getWorksheet('choices')!.addRow(['spare', 'a', '가', 'a'])), ['choices 14 list_name unused_list']],
    ['duplicate names', () => workbookOf(v3, (w) => (w.getWorksheet('survey')!.getCell('B5').value = 'agree')), ['survey 5 name duplicate_question_id']],
    ['a relevant naming a later question', () => workbookOf(v3, (w) => (w.getWorksheet('survey')!.getCell('H4').value = "${why} = 'x'")), ['survey 4 relevant show_if_not_earlier']],
    ['more than 30 options', () => workbookOf(v3, (w) => w.getWorksheet('choices')!.addRows(Array.from({ length: 28 }, (_, i) => ['role', `r${i}`, '가', 'a']))), ['choices 41 name too_many_options']],
    ['a 2 MiB Hangul label', () => workbookOf(v3, (w) => (w.getWorksheet('survey')!.getCell('C4').value = '한'.repeat(2 ** 21))), ['survey 4 label::ko text_too_long']],
    ['an unknown question type', () => workbookOf(v3, (w) => (w.getWorksheet('survey')!.getCell('A11').value = 'likert9')), ['survey 11 type unknown_type']],
  ];

  it.each(cases)('answers 400 with located issues for %s, and stores nothing', async (_name, make, expected) => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-sheets-'));
    const { app, store } = await setup({ config: { surveysDir: dir } });
    const { status, body } = await upload(app, typeof make === 'function' ? await make() : make);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid');
    const issues = body.error.details.issues as { sheet: string | null; row: number | null; column: string | null; code: string; message: string }[];
    expect(issues.map((i) => `${i.sheet} ${i.row} ${i.column} ${i.code}`)).toEqual(expected);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
    expect(body.error.message).toMatch(/^the spreadsheet has \d problems?; the first: /);
    expect((await store.listSurveys()).map((s) => `${s.id}@${s.version}`).sort()).toEqual(['poll@1', 'private@1']);
    expect(await readdir(dir)).toEqual([]);
  });

  it('answers damaged workbooks with 400 (or as any upload, when the damage left a valid survey), never 500, and stays up', async () => {
    const { app, store, logs } = await setup();
    const parts = partsOf(await workbookOf(v3));
    let stored = 0;
    const damage = fc.record({
      part: fc.nat(parts.length - 1),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }),
      cut: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ part, at, bytes, cut }) => {
        const damaged = parts.map((p) => ({ ...p }));
        const target = damaged[part]!;
        const from = Math.floor(at * target.data.length);
        target.data = Buffer.concat([target.data.subarray(0, from), Buffer.from(bytes), target.data.subarray(cut ? from + bytes.length : from)]);
        const { status, body } = await upload(app, zipOf(damaged));
        // Damage inside a label can leave a valid survey: stored once, then a duplicate or a conflict.
        expect([200, 201, 400, 409], JSON.stringify(body)).toContain(status);
        if (status === 201) stored++;
      }),
      { numRuns: 60, seed: 12 },
    );
    expect((await store.listSurveys()).length).toBe(2 + stored);
    expect(logs.filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it('words an unknown type the way organisers read it', async () => {
    const { app } = await setup();
    const { body } = await upload(app, await workbookOf(v3, (w) => (w.getWorksheet('survey')!.getCell('A11').value = 'likert9')));
    expect(body.error.message).toMatch(/the first: survey sheet, row 11, column type: 'likert9' is not a question type/);
  });

  it('refuses an upload over 8 MiB with 413 before reading it', async () => {
    const { app } = await setup();
    const res = await app.request('/api/v1/surveys', { method: 'POST', headers: { 'Content-Type': XLSX_TYPE, 'Content-Length': String(9 * 2 ** 20), ...AUTH }, body: 'x' });
    expect(res.status).toBe(413);
  });

  it('keeps JSON uploads, now with problem codes, params and English messages beside the paths', async () => {
    const { app } = await setup();
    const broken = structuredClone(pollSurvey) as any;
    broken.version = 3;
    broken.sections[0].questions[1].points = 4;
    delete broken.description;
    const res = await postJson(app, '/api/v1/surveys', broken, AUTH);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues).toEqual([
      { path: 'description', code: 'missing', params: {}, message: 'this is required' },
      { path: 'sections[0].questions[1].points', code: 'not_one_of', params: { value: '4', allowed: '5, 7' }, message: '4 is not allowed here; use one of 5, 7' },
    ]);
  });
});

describe('GET /surveys/:id/versions/:v/changes', () => {
  it('compares a version with the one before it, publicly', async () => {
    const { app } = await setup({ surveys: [pollSurvey, pollSurveyV2] });
    const { status, body } = await getJson(app, '/api/v1/surveys/poll/versions/2/changes');
    expect(status).toBe(200);
    expect(body.previous).toBe(1);
    expect(body.questions.filter((q: { change: string }) => q.change !== 'unchanged')).toEqual([{ id: 'agree', change: 'reworded' }]);
    expect(body.questions).toHaveLength(7);
  });

  it('calls everything added in a first version, skips missing versions, and 404s an unknown one', async () => {
    const v5 = { ...pollSurveyV2, version: 5, sections: pollSurveyV2.sections.slice(0, 1) };
    const { app } = await setup({ surveys: [pollSurvey, v5] });
    const first = await getJson(app, '/api/v1/surveys/poll/versions/1/changes');
    expect(first.body.previous).toBeNull();
    expect(new Set(first.body.questions.map((q: { change: string }) => q.change))).toEqual(new Set(['added']));
    const fifth = await getJson(app, '/api/v1/surveys/poll/versions/5/changes');
    expect(fifth.body.previous).toBe(1);
    expect(fifth.body.questions.map((q: { id: string; change: string }) => `${q.id} ${q.change}`)).toEqual([
      'role unchanged',
      'agree reworded',
      'spec unchanged',
      'sectors removed',
      'budget removed',
      'rank removed',
      'why removed',
    ]);
    expect((await getJson(app, '/api/v1/surveys/poll/versions/3/changes')).status).toBe(404);
    expect((await getJson(app, '/api/v1/surveys/poll/versions/x/changes')).status).toBe(400);
  });
});
