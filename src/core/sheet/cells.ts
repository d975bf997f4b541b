import type { ProblemParams } from '../survey-problem-messages';
import { shortValue } from '../survey-problems';
import { sheetIssue, type SheetIssue, type SheetIssueCode } from './issues';
import { MAX_ROWS, NO, REQUIRED_COLUMNS, SHEET_COLUMNS, YES, type Cell, type Sheet, type SheetName } from './layout';

/** Collects located issues while the sheets are read. */
export class IssueLog {
  readonly issues: SheetIssue[] = [];
  add(sheet: SheetName | null, row: number | null, column: string | null, code: SheetIssueCode, params: ProblemParams = {}): void {
    this.issues.push(sheetIssue(sheet, row, column, code, params));
  }
}

const isEmpty = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A column's spreadsheet letter (0 → A, 26 → AA), to name a column that has no header. */
export function columnLetter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** One data row of a table, read by column name. Getters log what they cannot read and give undefined. */
export class RowCells {
  constructor(
    readonly sheet: SheetName,
    readonly row: number,
    private readonly cells: readonly Cell[],
    private readonly columns: ReadonlyMap<string, number>,
    private readonly log: IssueLog,
  ) {}

  private cell(column: string): Cell | undefined {
    const index = this.columns.get(column);
    return index === undefined ? undefined : this.cells[index];
  }

  /** Whether the column holds something. */
  has(column: string): boolean {
    return !isEmpty(this.cell(column));
  }

  /** Text as written (labels keep their spaces), numbers as digits; empty cells are undefined. */
  text(column: string): string | undefined {
    const cell = this.cell(column);
    return isEmpty(cell) ? undefined : String(cell);
  }

  /** A name or keyword: the text, trimmed. */
  word(column: string): string | undefined {
    return this.text(column)?.trim();
  }

  /** `{ko, en}` from `base::ko` and `base::en`; with `optional`, undefined when both are empty. */
  texts(base: string, optional = false): { ko: string | undefined; en: string | undefined } | undefined {
    const text = { ko: this.text(`${base}::ko`), en: this.text(`${base}::en`) };
    return optional && text.ko === undefined && text.en === undefined ? undefined : text;
  }

  /** A whole number from a number cell or digits in a text cell. */
  int(column: string): number | undefined {
    const cell = this.cell(column);
    if (isEmpty(cell)) return undefined;
    const value = typeof cell === 'number' ? cell : typeof cell === 'string' && /^\s*-?\d+\s*$/.test(cell) ? Number(cell) : NaN;
    if (Number.isSafeInteger(value)) return value;
    this.issue(column, 'not_integer_cell', { value: shortValue(cell) });
    return undefined;
  }

  /** yes/no (or true/false, or a boolean cell); `fallback` when empty. */
  yesNo(column: string, fallback: boolean): boolean {
    const cell = this.cell(column);
    if (isEmpty(cell)) return fallback;
    if (typeof cell === 'boolean') return cell;
    const word = String(cell).trim().toLowerCase();
    if (word === YES || word === 'true') return true;
    if (word === NO || word === 'false') return false;
    this.issue(column, 'not_yes_no', { value: shortValue(cell) });
    return fallback;
  }

  /** Logs an issue at this row and `column`. */
  issue(column: string | null, code: SheetIssueCode, params: ProblemParams = {}): void {
    this.log.add(this.sheet, this.row, column, code, params);
  }
}

/** A sheet's data rows, read through its header. */
export type Table = { sheet: SheetName; columns: ReadonlyMap<string, number>; rows: RowCells[] };

function readHeader(name: SheetName, header: readonly Cell[], log: IssueLog): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((cell, index) => {
    if (isEmpty(cell)) return;
    const column = String(cell).trim().toLowerCase();
    if (!SHEET_COLUMNS[name].includes(column)) log.add(name, 1, column, 'unknown_column', { column });
    else if (columns.has(column)) log.add(name, 1, column, 'duplicate_column', { column });
    else columns.set(column, index);
  });
  for (const column of REQUIRED_COLUMNS[name]) if (!columns.has(column)) log.add(name, 1, column, 'missing_column', { column });
  return columns;
}

/**
 * The header (row 1) and the non-empty rows under it. Column names are matched without case
 * or surrounding spaces, in any order. A column with values but no header is reported at its
 * first value, since it would otherwise be lost without a word; one under an unknown header
 * was reported with the header.
 */
export function readTable(name: SheetName, sheet: Sheet, log: IssueLog): Table {
  let rows = sheet.rows;
  while (rows.length && rows[rows.length - 1]!.every(isEmpty)) rows = rows.slice(0, -1);
  if (rows.length > MAX_ROWS[name]) {
    log.add(name, MAX_ROWS[name] + 1, null, 'too_many_rows', { max: MAX_ROWS[name] });
    rows = rows.slice(0, MAX_ROWS[name]);
  }
  const header = rows[0] ?? [];
  const columns = readHeader(name, header, log);
  const data: RowCells[] = [];
  const unnamed = new Set<number>();
  rows.slice(1).forEach((cells, i) => {
    if (cells.every(isEmpty)) return;
    cells.forEach((cell, index) => {
      if (isEmpty(cell) || !isEmpty(header[index]) || unnamed.has(index)) return;
      unnamed.add(index);
      log.add(name, i + 2, columnLetter(index), 'unnamed_column', { letter: columnLetter(index) });
    });
    data.push(new RowCells(name, i + 2, cells, columns, log));
  });
  return { sheet: name, columns, rows: data };
}
