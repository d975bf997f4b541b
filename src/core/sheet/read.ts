import { MAX_OPTIONS, type Survey } from '../survey';
import { checkSurvey } from '../survey-problems';
import { IssueLog, readTable, type Table } from './cells';
import { sheetIssue, type SheetIssue } from './issues';
import { SHEET_NAMES, type Sheet, type SheetName } from './layout';
import { Places } from './locate';
import { readSections, type ChoiceList } from './read-questions';

/** The outcome of reading a workbook's sheets: the survey, or every problem with its place. */
export type SheetRead = { ok: true; survey: Survey } | { ok: false; issues: SheetIssue[] };

function readLists(table: Table | undefined): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>();
  const overflowing = new Set<string>();
  for (const cells of table?.rows ?? []) {
    const name = cells.word('list_name');
    if (name === undefined) {
      cells.issue('list_name', 'empty_cell');
      continue;
    }
    const list = lists.get(name) ?? { row: cells.row, options: [], used: false };
    lists.set(name, list);
    // Past the limit nothing is kept, so the schema does not report the same list again.
    if (list.options.length >= MAX_OPTIONS) {
      if (!overflowing.has(name)) cells.issue('name', 'too_many_options', { list: name, max: MAX_OPTIONS });
      overflowing.add(name);
      continue;
    }
    list.options.push({ id: cells.word('name'), label: cells.texts('label'), row: cells.row });
  }
  return lists;
}

function readSettings(table: Table | undefined): Record<string, unknown> {
  const cells = table?.rows[0];
  if (!cells) return {};
  return {
    id: cells.word('id'),
    version: cells.int('version'),
    title: cells.texts('title'),
    description: cells.texts('description'),
    notice: cells.texts('notice'),
    resultsPublic: cells.yesNo('results_public', false),
    segmentBy: cells.word('segment_by'),
  };
}

function readContext(table: Table | undefined, places: Places): unknown[] | undefined {
  return table?.rows.map((cells, k) => {
    places.set(['context', k], 'context', cells.row, 'card');
    return { id: cells.word('name'), title: cells.texts('title'), body: cells.texts('body'), source: cells.texts('source') };
  });
}

/** Sheets by their contract name, matched without case or surrounding spaces; missing required ones are logged. */
function findTables(sheets: readonly Sheet[], log: IssueLog): Partial<Record<SheetName, Table>> {
  const tables: Partial<Record<SheetName, Table>> = {};
  for (const name of SHEET_NAMES) {
    const sheet = sheets.find((s) => s.name.trim().toLowerCase() === name);
    if (sheet) tables[name] = readTable(name, sheet, log);
    // choices may be left out by a survey without options; a list it names is then reported as unknown.
    else if (name === 'survey' || name === 'settings') log.add(name, null, null, 'missing_sheet', { sheet: name });
  }
  return tables;
}

const key = (i: Pick<SheetIssue, 'sheet' | 'row' | 'column'>) => `${i.sheet}|${i.row}|${i.column}`;

/**
 * Survey problems the sheet reading already explains are dropped: one at a cell that has a
 * sheet issue, one in a column or sheet reported missing, and repeats of one place and code
 * (a shared list reports a duplicate option once, not once per question).
 */
function merge(sheetIssues: SheetIssue[], problems: SheetIssue[]): SheetIssue[] {
  const cells = new Set(sheetIssues.map(key));
  const missing = new Set(sheetIssues.filter((i) => i.code === 'missing_column' || i.code === 'missing_sheet').map((i) => `${i.sheet}|${i.column ?? '*'}`));
  const seen = new Set<string>();
  const kept = problems.filter((p) => {
    const id = `${key(p)}|${p.code}`;
    const drop = cells.has(key(p)) || missing.has(`${p.sheet}|${p.column}`) || missing.has(`${p.sheet}|*`) || seen.has(id);
    seen.add(id);
    return !drop;
  });
  const order = (i: SheetIssue) => [i.sheet === null ? -1 : SHEET_NAMES.indexOf(i.sheet), i.row ?? 0];
  return [...sheetIssues, ...kept].sort((a, b) => order(a)[0]! - order(b)[0]! || order(a)[1]! - order(b)[1]!);
}

/**
 * Reads a survey from the sheets of DESIGN §9 (see docs/spreadsheet.md). The sheets become a
 * candidate definition, which core checks exactly as it checks an uploaded JSON definition;
 * every problem, from either step, names its sheet, row and column. `extra` carries problems
 * the file layer found in cells (error values) so that they are reported together.
 */
export function sheetsToSurvey(sheets: readonly Sheet[], extra: readonly SheetIssue[] = []): SheetRead {
  const log = new IssueLog();
  log.issues.push(...extra);
  const tables = findTables(sheets, log);
  const places = new Places();
  const lists = readLists(tables.choices);
  const candidate = {
    ...readSettings(tables.settings),
    sections: tables.survey ? readSections(tables.survey, lists, places) : [],
    context: readContext(tables.context, places),
  };
  for (const [name, list] of lists) if (!list.used) log.add('choices', list.row, 'list_name', 'unused_list', { list: name });
  const checked = checkSurvey(candidate);
  if (checked.ok && log.issues.length === 0) return { ok: true, survey: checked.survey };
  const problems = checked.ok
    ? []
    : checked.problems.map((p) => {
        const at = places.locate(p.path);
        return sheetIssue(at.sheet, at.row, at.column, p.code, p.params);
      });
  return { ok: false, issues: merge(log.issues, problems) };
}
