import { neutraliseFormula } from './cells';
import type { Cell } from './export/columns';

/** Byte order mark: without it Excel reads UTF-8 as the local code page and Korean turns to mojibake. */
export const BOM = '\uFEFF';

/**
 * One cell. Text is always quoted, so a spreadsheet that splits on `;` (or any separator its
 * locale picks) keeps it in one cell, and a formula in it is neutralised; numbers are ours
 * and stay bare numbers, so a spectrum answer of -3 is still -3.
 */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return `"${neutraliseFormula(value).replaceAll('"', '""')}"`;
}

/** A CSV line (CRLF, as RFC 4180 and Excel expect). */
export function csvLine(values: Cell[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
