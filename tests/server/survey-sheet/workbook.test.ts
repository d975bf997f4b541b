import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonical';
import type { SheetIssue } from '../../../src/core/sheet/issues';
import { surveyToSheets } from '../../../src/core/sheet/write';
import { sovereignAiSurvey } from '../../../src/core/surveys';
import { readSurveyWorkbook, SHEET_LIMITS, writeSurveyWorkbook } from '../../../src/server/survey-sheet/workbook';
import { fixtureSurvey } from '../../core/fixtures';
import { roundTripSurveys } from '../../core/sheet/helpers';
import { partsOf, zipOf } from './zip';

const where = (issues: SheetIssue[]) => issues.map((i) => `${i.sheet} ${i.row} ${i.column} ${i.code}`);

async function issuesOf(bytes: Buffer): Promise<SheetIssue[]> {
  const read = await readSurveyWorkbook(bytes);
  if (read.ok) throw new Error('expected problems');
  return read.issues;
}

/** The fixture as an exceljs workbook, to change before saving. */
async function fixtureWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of surveyToSheets(fixtureSurvey)) workbook.addWorksheet(sheet.name).addRows(sheet.rows);
  return workbook;
}
const save = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

describe('survey workbooks (.xlsx)', () => {
  it.each(roundTripSurveys)('writes and reads back %s exactly', async (_name, survey) => {
    const read = await readSurveyWorkbook(await writeSurveyWorkbook(survey));
    expect(read.ok && canonicalJson(read.survey)).toBe(canonicalJson(survey));
  });

  it('writes bold, frozen headers and text as text, never as a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeSurveyWorkbook(roundTripSurveys[2]![1])) as never);
    const survey = workbook.getWorksheet('survey')!;
    expect(survey.getRow(1).font?.bold).toBe(true);
    expect(survey.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const labels: unknown[] = [];
    workbook.getWorksheet('choices')!.eachRow((row) => labels.push(row.getCell(4).value));
    expect(labels).toContain('=SUM(A1)');
  });

  it('reads what Excel users make: rich text, hyperlinks, formulas with their values, numbers in text cells', async () => {
    const workbook = await fixtureWorkbook();
    const survey = workbook.getWorksheet('survey')!;
    survey.getCell('C3').value = { richText: [{ text: 'Group', font: { bold: true } }, { text: ' (ko)' }] };
    survey.getCell('D3').value = { text: 'Group', hyperlink: 'https://example.org' };
    survey.getCell('I5').value = { formula: '2+3', result: 5 };
    workbook.getWorksheet('settings')!.getCell('B2').value = '2';
    const read = await readSurveyWorkbook(await save(workbook));
    expect(read.ok && canonicalJson(read.survey)).toBe(canonicalJson(fixtureSurvey));
  });

  it('locates error values and formulas without a value', async () => {
    const workbook = await fixtureWorkbook();
    workbook.getWorksheet('survey')!.getCell('I5').value = { error: '#DIV/0!' };
    workbook.getWorksheet('choices')!.getCell('C2').value = { formula: 'A1&B1' } as ExcelJS.CellFormulaValue;
    expect(where(await issuesOf(await save(workbook)))).toEqual(['survey 5 points cell_error', 'choices 2 label::ko cell_error']);
  });

  it('reports a 2 MiB Hangul label at its cell', async () => {
    const workbook = await fixtureWorkbook();
    workbook.getWorksheet('survey')!.getCell('C5').value = '가나다라마바사아자차카타파하'.repeat(2 ** 21 / 14 / 3);
    expect(where(await issuesOf(await save(workbook)))).toEqual(['survey 5 label::ko text_too_long']);
  });

  it('reports a sheet with a row far down without building every row', async () => {
    const workbook = await fixtureWorkbook();
    workbook.getWorksheet('choices')!.getCell('A1000000').value = 'group';
    expect(where(await issuesOf(await save(workbook)))).toEqual(['choices 20001 null too_many_rows']);
  });

  it.each([
    ['random bytes', Buffer.from('not a spreadsheet at all, just some text'), 'not_xlsx'],
    ['an empty body', Buffer.alloc(0), 'not_xlsx'],
    ['CSV', Buffer.from('type,name\nlikert,agree\n'), 'not_xlsx'],
    ['an old .xls file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]), 'xls_format'],
    ['a ZIP without a workbook', zipOf([{ name: 'readme.txt', data: Buffer.from('hello') }]), 'not_xlsx'],
    ['a ZIP64 or many-part file', zipOf(Array.from({ length: SHEET_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `p${i}.txt`, data: Buffer.from('x') }))), 'too_many_parts'],
  ])('refuses %s', async (_name, bytes, code) => {
    expect(where(await issuesOf(bytes))).toEqual([`null null null ${code}`]);
  });

  it('refuses a workbook cut short', async () => {
    const bytes = await writeSurveyWorkbook(fixtureSurvey);
    expect((await issuesOf(bytes.subarray(0, bytes.length - 100)))[0]!.code).toBe('not_xlsx');
    expect((await issuesOf(bytes.subarray(0, 2000)))[0]!.code).toBe('not_xlsx');
  });

  it('refuses a zip bomb, even one whose header claims a small size', async () => {
    const parts = partsOf(await writeSurveyWorkbook(fixtureSurvey));
    const bomb = { name: 'xl/media/image1.png', data: Buffer.alloc(SHEET_LIMITS.maxUnpackedBytes + 1), declaredSize: 1000 };
    const bytes = zipOf([...parts, bomb]);
    expect(bytes.length).toBeLessThan(100_000);
    expect(where(await issuesOf(bytes))).toEqual(['null null null too_large']);
  });

  it('refuses XML with a DOCTYPE (entity expansion) before parsing it', async () => {
    const parts = partsOf(await writeSurveyWorkbook(fixtureSurvey));
    const strings = parts.find((p) => p.name === 'xl/sharedStrings.xml')!;
    strings.data = Buffer.from(strings.data.toString('utf8').replace('?>', '?><!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'));
    expect(where(await issuesOf(zipOf(parts)))).toEqual(['null null null unsafe_xml']);
  });

  it('refuses a workbook with more cells than it will parse', async () => {
    const parts = partsOf(await writeSurveyWorkbook(fixtureSurvey));
    const cells = '<c r="A1"><v>1</v></c>'.repeat(SHEET_LIMITS.maxCells + 1);
    parts.push({ name: 'xl/worksheets/sheet9.xml', data: Buffer.from(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`) });
    expect(where(await issuesOf(zipOf(parts)))).toEqual(['null null null too_many_cells']);
  });

  it('keeps the documented example in step with the built-in survey (remake it with scripts/make-spreadsheet-example.mjs)', async () => {
    const example = `${sovereignAiSurvey.id}-v${sovereignAiSurvey.version}.xlsx`;
    const read = await readSurveyWorkbook(await readFile(join(__dirname, '../../../docs/examples', example)));
    expect(read.ok && canonicalJson(read.survey)).toBe(canonicalJson(sovereignAiSurvey));
  });

  it('still reads a hand-packed copy of a good workbook (the guard passes real files)', async () => {
    const read = await readSurveyWorkbook(zipOf(partsOf(await writeSurveyWorkbook(fixtureSurvey))));
    expect(read.ok && read.survey.id).toBe('fixture');
  });
});
