import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { columnLetter } from '../../core/sheet/cells';
import { sheetIssue, type SheetIssue } from '../../core/sheet/issues';
import { MAX_ROWS, SHEET_NAMES, type Cell, type Sheet, type SheetName } from '../../core/sheet/layout';
import { sheetsToSurvey, type SheetRead } from '../../core/sheet/read';
import { surveyToSheets } from '../../core/sheet/write';
import type { Survey } from '../../core/survey';
import { shortValue } from '../../core/survey-problems';
import { checkWorkbookZip, type ZipLimits } from './zip-guard';

/** The spreadsheet content type `POST /surveys` takes and the export sends. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Bounds on an upload before parsing. exceljs holds a whole workbook in memory (about 0.5 KB a
 * cell); 100,000 cells parse in about 1.5 s on a shared 2-core machine and take some 50 MB,
 * while the largest valid survey needs about 30,000. 32 MiB unpacked leaves room for a long
 * Hangul label to be reported as too long rather than refused as a file.
 */
export const SHEET_LIMITS: ZipLimits = { maxEntries: 200, maxUnpackedBytes: 32 * 2 ** 20, maxCells: 100_000 };

// exceljs is loaded on first use: most servers never see a spreadsheet, so their start stays fast.
async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

type Converted = { cell: Cell } | { error: string };

/** An exceljs value as a mapping cell: rich text joined, hyperlinks as their text, formulas as their last result. */
function convert(value: CellValue): Converted {
  if (value === null || value === undefined) return { cell: null };
  if (typeof value !== 'object') return { cell: value };
  if (value instanceof Date) return { cell: value.toISOString() };
  if ('richText' in value) return { cell: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) return { cell: String(value.text) };
  if ('error' in value) return { error: value.error };
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? { error: 'formula without a value' } : convert(value.result);
  return { error: shortValue(value) };
}

/** The header name of a column, as the reader matches it, or its letter when it has none. */
function headerOf(worksheet: Worksheet, column: number): string {
  const header = convert(worksheet.getRow(1).getCell(column).value);
  const text = 'cell' in header && header.cell !== null ? String(header.cell).trim().toLowerCase() : '';
  return text || columnLetter(column - 1);
}

/**
 * A worksheet's rows as plain cells. Rows past the sheet's limit are not copied: the first
 * one is kept, at the index just past the limit, so the reader reports the sheet as too long.
 */
function sheetOf(name: SheetName, worksheet: Worksheet, issues: SheetIssue[]): Sheet {
  const rows: Cell[][] = [];
  const limit = MAX_ROWS[name];
  worksheet.eachRow((row, number) => {
    if (number > limit + 1 && rows.length > limit) return;
    const cells: Cell[] = [];
    row.eachCell((cell, column) => {
      const converted = convert(cell.value);
      if ('cell' in converted) cells[column - 1] = converted.cell;
      else issues.push(sheetIssue(name, number, headerOf(worksheet, column), 'cell_error', { value: converted.error }));
    });
    rows[Math.min(number, limit + 1) - 1] = Array.from(cells, (c) => c ?? null);
  });
  return { name, rows: Array.from(rows, (r) => r ?? []) };
}

/**
 * Reads a survey from an .xlsx upload: the ZIP is checked first (size, cells, no DTDs),
 * then exceljs parses it, then core maps the sheets to a survey and checks it. Never throws
 * for bad input: every problem comes back located, as a sheet issue.
 */
export async function readSurveyWorkbook(bytes: Buffer): Promise<SheetRead> {
  const refused = checkWorkbookZip(bytes, SHEET_LIMITS);
  if (refused) return { ok: false, issues: [sheetIssue(null, null, null, refused.code, refused.params)] };
  const workbook = await newWorkbook();
  const issues: SheetIssue[] = [];
  let sheets: Sheet[];
  // Whatever exceljs makes of a damaged file, loading it or walking its cells, is a file it cannot read.
  try {
    // exceljs declares its own `Buffer` type (an ArrayBuffer), which Node's Buffer does not satisfy in TypeScript.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    sheets = workbook.worksheets.flatMap((worksheet) => {
      const name = SHEET_NAMES.find((n) => n === worksheet.name.trim().toLowerCase());
      return name ? [sheetOf(name, worksheet, issues)] : [];
    });
  } catch {
    return { ok: false, issues: [sheetIssue(null, null, null, 'not_xlsx')] };
  }
  return sheetsToSurvey(sheets, issues);
}

const WIDE = /^(label|hint|title|description|notice|body|source|relevant)/;

/**
 * A survey as an .xlsx workbook in the layout of DESIGN §9, ready for a person to edit: bold,
 * frozen header rows, wide wrapped text columns. Text is written as text, never as a formula,
 * whatever it starts with.
 */
export async function writeSurveyWorkbook(survey: Survey): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Stance';
  for (const sheet of surveyToSheets(survey)) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.addRows(sheet.rows);
    worksheet.getRow(1).font = { bold: true };
    sheet.rows[0]!.forEach((header, i) => {
      const column = worksheet.getColumn(i + 1);
      const wide = WIDE.test(String(header));
      column.width = wide ? 40 : 14;
      if (wide) column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
