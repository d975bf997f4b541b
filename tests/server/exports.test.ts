import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Response as SurveyResponse } from '../../src/core/response';
import { sovereignAiSurveyV1, sovereignAiSurveyV2 } from '../../src/core/surveys';
import { ENGINES } from '../support/engines';
import { AUTH, getJson, newId, setup, submit } from './helpers';

const POSITIONS = ['p-general-service', 'p-model-builders', 'p-defense', 'p-manufacturing', 'p-culture', 'p-public-finance', 'p-partnerships', 'p-data-first'];

/** A complete sovereign-AI response; `answers` replace the defaults. */
function sovereign(version: 1 | 2, answers: Record<string, unknown> = {}, overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: newId(),
    surveyId: 'sovereign-ai',
    surveyVersion: version,
    wave: 'open',
    channel: 'field',
    device: 'device-0001',
    locale: 'ko',
    startedAt: '2025-06-01T09:00:00.000Z',
    submittedAt: '2025-06-01T09:03:00.000Z',
    ...overrides,
    answers: {
      group: 'defense',
      spectrum: 7,
      allocation: { general: 20, models: 20, defense: 20, manufacturing: 10, culture: 10, 'public-finance': 10, data: 10 },
      ranking: ['health', 'defense', 'education'],
      path: 'both',
      ...Object.fromEntries(POSITIONS.map((p) => [p, 4])),
      ...answers,
    } as SurveyResponse['answers'],
  };
}

async function workbookOf(res: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  return workbook;
}

/** A sheet as rows of cells, the header row first (exceljs counts from 1, so slot 0 is dropped). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: ExcelJS.Cell[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) cells.push(row.getCell(i));
    rows.push(cells);
  });
  return rows;
}

const textOf = (cell: ExcelJS.Cell) => cell.text;

describe.each(ENGINES)('labelled spreadsheet export on %s', (engine) => {
  it('writes responses in Korean with numbers as numbers, "don\'t know" labelled, no formula cell, and a codebook of both versions', async () => {
    const { app, close } = await setup({ engine, surveys: [sovereignAiSurveyV1, sovereignAiSurveyV2] });
    const hostile = sovereign(2, { 'p-defense': 'dk', comment: '=HYPERLINK("http://example.invalid","클릭")' }, { collector: '＝1+1' });
    const older = sovereign(1, { group: 'citizen', 'p-defense': 5, comment: '@SUM(A1:A9)' }, { channel: 'web', locale: 'en', collector: ' =1+1' });
    expect((await submit(app, [hostile, older])).body.results.map((r: { status: string }) => r.status)).toEqual(['stored', 'stored']);

    const res = await app.request('/api/v1/surveys/sovereign-ai/responses.xlsx?lang=ko', { headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('sovereign-ai-responses-ko.xlsx');
    const workbook = await workbookOf(res);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['responses', 'codebook']);

    const [head, ...body] = rowsOf(workbook.getWorksheet('responses')!);
    const headers = head!.map(textOf);
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers.slice(0, 5)).toEqual(['id', 'version', 'wave', 'channel', 'group']);
    expect(headers).toContain('group:answer');
    const at = (row: ExcelJS.Cell[], header: string) => row[headers.indexOf(header)]!;
    const rowOf = (id: string) => body.find((row) => at(row, 'id').text === id)!;

    const first = rowOf(hostile.id);
    expect(at(first, 'channel').text).toBe('현장 조사');
    expect(at(first, 'group').text).toBe('국방·안보 산업');
    expect(at(first, 'group:answer').text).toBe('국방·안보 산업');
    expect(at(first, 'p-defense').text).toBe('잘 모르겠음');
    expect(at(first, 'path').text).toBe('둘을 함께');
    for (const header of ['version', 'spectrum', 'p-culture', 'allocation:general', 'ranking:health']) expect(at(first, header).type).toBe(ExcelJS.ValueType.Number);
    expect([at(first, 'spectrum').value, at(first, 'ranking:health').value, at(first, 'ranking:finance').value]).toEqual([7, 1, null]);
    expect(at(first, 'comment').text).toBe(`'=HYPERLINK("http://example.invalid","클릭")`);
    expect(at(first, 'collector').text).toBe("'＝1+1");
    expect(at(rowOf(older.id), 'comment').text).toBe("'@SUM(A1:A9)");
    expect(at(rowOf(older.id), 'collector').text).toBe("' =1+1");
    expect(at(rowOf(older.id), 'p-defense').value).toBe(5);
    expect(at(rowOf(older.id), 'locale').text).toBe('영어');

    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    }

    const [codeHead, ...codes] = rowsOf(workbook.getWorksheet('codebook')!).map((row) => row.map(textOf));
    expect(codeHead).toEqual(['column', 'kind', 'versions', 'wording_ko', 'wording_en', 'code', 'label_ko', 'label_en']);
    const defense = codes.filter((row) => row[0] === 'p-defense');
    // Two wordings (v2 reworded the question), then its codes: the scale's ends and "don't know".
    expect(defense.map((row) => row[2])).toEqual(['2', '1', '', '', '']);
    expect(defense[0]![3]).toBe('국방·안보 분야의 소버린 AI 구축을 우선 지원해야 한다.');
    expect(defense[1]![4]).toMatch(/reliance on foreign AI/);
    expect(defense.slice(2).map((row) => row.slice(5))).toEqual([['1', expect.any(String), expect.any(String)], ['5', expect.any(String), expect.any(String)], ['dk', '잘 모르겠음', "Don't know"]]);
    expect(codes.find((row) => row[0] === 'group' && row[5] === 'defense')!.slice(6)).toEqual(['국방·안보 산업', 'Defense and security industry']);
    await close();
  });

  it('writes English labels with ?lang=en, one version with ?version=, and refuses an unknown language or version', async () => {
    const { app, close } = await setup({ engine, surveys: [sovereignAiSurveyV1, sovereignAiSurveyV2] });
    await submit(app, [sovereign(2, { 'p-defense': 'dk' }), sovereign(1)]);
    const res = await app.request('/api/v1/surveys/sovereign-ai/responses.xlsx?lang=en&version=2', { headers: AUTH });
    const [head, ...body] = rowsOf((await workbookOf(res)).getWorksheet('responses')!);
    const headers = head!.map(textOf);
    expect(body).toHaveLength(1);
    const row = body[0]!;
    expect([row[headers.indexOf('group')]!.text, row[headers.indexOf('p-defense')]!.text, row[headers.indexOf('channel')]!.text]).toEqual(['Defense and security industry', "Don't know", 'Field']);
    expect((await getJson(app, '/api/v1/surveys/sovereign-ai/responses.xlsx?lang=fr', AUTH)).body).toMatchObject({ error: { code: 'bad_request' } });
    expect((await app.request('/api/v1/surveys/sovereign-ai/responses.xlsx?version=9', { headers: AUTH })).status).toBe(404);
    expect((await app.request('/api/v1/surveys/sovereign-ai/codebook.csv?version=9', { headers: AUTH })).status).toBe(404);
    await close();
  });
});

describe.each(ENGINES)('CSV exports on %s', (engine) => {
  it('writes the built-in group and the group question under two headers, codes by default and labels with ?lang', async () => {
    const { app, close } = await setup({ engine, surveys: [sovereignAiSurveyV2] });
    const response = sovereign(2, { 'p-defense': 'dk', path: 'domestic' });
    await submit(app, [response]);
    const lines = async (query: string) => (await (await app.request(`/api/v1/surveys/sovereign-ai/responses.csv${query}`, { headers: AUTH })).text()).replace(/^\uFEFF/, '').split('\r\n');
    const [head, row] = await lines('');
    const headers = head!.split(',').map((h) => JSON.parse(h) as string);
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers.filter((h) => h.startsWith('group'))).toEqual(['group', 'group:answer', 'group-other']);
    const cells = row!.split(',');
    const cell = (header: string) => cells[headers.indexOf(header)];
    expect([cell('group'), cell('group:answer'), cell('p-defense'), cell('spectrum'), cell('channel')]).toEqual(['"defense"', '"defense"', '"dk"', '7', '"field"']);
    const [, english] = await lines('?lang=en');
    const labelled = english!.split(',');
    expect(labelled[headers.indexOf('group:answer')]).toBe('"Defense and security industry"');
    expect(labelled[headers.indexOf('p-defense')]).toBe(`"Don't know"`);
    expect(labelled[headers.indexOf('spectrum')]).toBe('7');
    expect((await lines('?lang=ko'))[1]!.split(',')[headers.indexOf('channel')]).toBe('"현장 조사"');
    await close();
  });

  it('serves the codebook as CSV with a BOM, every column with both wordings and every code with both labels', async () => {
    const { app, close } = await setup({ engine, surveys: [sovereignAiSurveyV1, sovereignAiSurveyV2] });
    const res = await app.request('/api/v1/surveys/sovereign-ai/codebook.csv', { headers: AUTH });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('sovereign-ai-codebook.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe('"column","kind","versions","wording_ko","wording_en","code","label_ko","label_en"');
    expect(lines).toContain('"p-defense","","","","","dk","잘 모르겠음","Don\'t know"');
    expect(lines).toContain('"ranking:health","","","","",1,"1순위","place 1"');
    expect(lines.filter((l) => l.startsWith('"spectrum","spectrum","1, 2"'))).toHaveLength(1);
    await close();
  });
});
