import type { Question, Survey } from '../core/survey';
import { allQuestions } from '../core/survey';
import { neutraliseFormula } from './cells';
import type { StoredResponse } from './store/types';

type Cell = string | number | undefined;
/** One CSV column: its header and how to read its cell from a stored response. */
export type Column = { header: string; cell: (row: StoredResponse) => Cell };

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

const META: Column[] = [
  { header: 'id', cell: (r) => r.response.id },
  { header: 'version', cell: (r) => r.response.surveyVersion },
  { header: 'wave', cell: (r) => r.response.wave },
  { header: 'channel', cell: (r) => r.response.channel },
  { header: 'group', cell: (r) => r.group },
  { header: 'collector', cell: (r) => r.response.collector },
  { header: 'locale', cell: (r) => r.response.locale },
  { header: 'device', cell: (r) => r.response.device },
  { header: 'startedAt', cell: (r) => r.response.startedAt },
  { header: 'submittedAt', cell: (r) => r.response.submittedAt },
  { header: 'receivedAt', cell: (r) => r.receivedAt },
];

const answer = (r: StoredResponse, id: string) => (Object.hasOwn(r.response.answers, id) ? r.response.answers[id] : undefined);

function optionColumn(q: Question, option: string): Column {
  const header = `${q.id}:${option}`;
  switch (q.kind) {
    case 'choice':
      return { header, cell: (r) => { const a = answer(r, q.id); return Array.isArray(a) ? (a.includes(option) ? 1 : 0) : undefined; } };
    case 'allocation':
      return { header, cell: (r) => { const a = answer(r, q.id); return a && typeof a === 'object' && !Array.isArray(a) ? (a[option] ?? 0) : undefined; } };
    default: // ranking: the option's place, blank when it was not ranked
      return { header, cell: (r) => { const a = answer(r, q.id); return Array.isArray(a) && a.includes(option) ? a.indexOf(option) + 1 : undefined; } };
  }
}

/**
 * Columns for every version of a survey: the response's metadata, then one column per
 * question, or one per option for multiple choice, allocation and ranking. Questions and
 * options from older versions that the latest dropped keep their columns, after the others.
 */
export function csvColumns(versions: Survey[]): Column[] {
  const columns = [...META];
  const seen = new Set<string>();
  const add = (column: Column) => {
    if (!seen.has(column.header)) columns.push(column);
    seen.add(column.header);
  };
  for (const survey of [...versions].sort((a, b) => b.version - a.version)) {
    for (const q of allQuestions(survey)) {
      const perOption = q.kind === 'allocation' || q.kind === 'ranking' || (q.kind === 'choice' && q.multiple);
      if (!perOption) add({ header: q.id, cell: (r) => { const a = answer(r, q.id); return typeof a === 'string' || typeof a === 'number' ? a : undefined; } });
      else for (const o of 'options' in q ? q.options : []) add(optionColumn(q, o.id));
    }
  }
  return columns;
}
