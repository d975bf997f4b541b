import { shortValue } from '../survey-problems';
import type { QuestionKind } from '../survey';
import type { RowCells, Table } from './cells';
import {
  BEGIN_SECTION,
  COMMON_COLUMNS,
  END_SECTION,
  KIND_COLUMNS,
  KIND_OF_TYPE,
  LIST_TYPES,
  SURVEY_COLUMNS,
  TYPE_WORDS,
  type TypeWord,
} from './layout';
import type { Places } from './locate';
import { parseRelevant } from './relevant';

/** An option read from the choices sheet, with its row for locating problems. */
export type ListOption = { id: string | undefined; label: unknown; row: number };
/** A named choice list; `used` is set when a question names it. */
export type ChoiceList = { row: number; options: ListOption[]; used: boolean };

type Candidate = Record<string, unknown>;
type Section = { id: string | undefined; title: unknown; questions: Candidate[]; begin: RowCells };
type Context = { lists: Map<string, ChoiceList>; places: Places };

const SECTION_COLUMNS: ReadonlySet<string> = new Set(['type', 'name', 'label::ko', 'label::en']);
const COMMON: ReadonlySet<string> = new Set(COMMON_COLUMNS);

/** Reports values in columns that a row of this type does not read. */
function checkColumns(cells: RowCells, allowed: (column: string) => boolean, type: string): void {
  for (const column of SURVEY_COLUMNS) if (!allowed(column) && cells.has(column)) cells.issue(column, 'not_applicable', { column, type });
}

function kindFields(kind: QuestionKind, word: TypeWord, cells: RowCells): Candidate {
  const labels = () => ({ low: cells.texts('low_label'), high: cells.texts('high_label') });
  // Absent when the cell is empty, as it is when written from a question without the setting.
  const dontKnow = () => (cells.has('dont_know') ? cells.yesNo('dont_know', false) : undefined);
  switch (kind) {
    case 'likert':
      return { points: cells.int('points'), labels: labels(), dontKnow: dontKnow() };
    case 'spectrum':
      return { min: cells.int('min'), max: cells.int('max'), labels: labels(), dontKnow: dontKnow() };
    case 'choice':
      return { multiple: word === 'select_multiple', maxPicks: cells.int('max_picks') };
    case 'allocation':
      return { total: cells.int('total'), step: cells.int('step'), unit: cells.texts('unit') };
    case 'ranking':
      return { pick: cells.int('pick') };
    case 'text':
      return { maxLength: cells.int('max_length') };
  }
}

/** The options of the list a question names, registered under the question's path. */
function optionsOf(list: string, cells: RowCells, path: (string | number)[], ctx: Context): Candidate[] | undefined {
  const found = ctx.lists.get(list);
  if (!found) {
    cells.issue('type', 'unknown_list', { list });
    return undefined;
  }
  found.used = true;
  found.options.forEach((o, k) => ctx.places.set([...path, 'options', k], 'choices', o.row, 'option'));
  return found.options.map((o) => ({ id: o.id, label: o.label }));
}

/**
 * A question row as a candidate question. A type it cannot read is reported and passed on as
 * given, so the question still holds its place (a later condition on it is no new problem)
 * and the schema's complaint about it lands on the cell already reported.
 */
function questionOf(type: string, cells: RowCells, path: (string | number)[], ctx: Context): Candidate {
  ctx.places.set(path, 'survey', cells.row, 'question');
  const common = { id: cells.word('name'), prompt: cells.texts('label'), help: cells.texts('hint', true), required: cells.yesNo('required', false) };
  const [first = '', list, ...rest] = type.split(/\s+/);
  const word = first.toLowerCase() as TypeWord;
  if (!TYPE_WORDS.includes(word) || rest.length || (list !== undefined && !LIST_TYPES.has(word))) {
    cells.issue('type', 'unknown_type', { value: shortValue(type) });
    return { ...common, kind: type };
  }
  const kind = KIND_OF_TYPE[word];
  checkColumns(cells, (c) => COMMON.has(c) || KIND_COLUMNS[kind].includes(c), word);
  const relevant = cells.text('relevant');
  const showIf = relevant === undefined ? undefined : parseRelevant(relevant);
  if (relevant !== undefined && !showIf) cells.issue('relevant', 'bad_relevant', { value: shortValue(relevant) });
  if (LIST_TYPES.has(word) && list === undefined) cells.issue('type', 'list_name_missing', { value: word });
  const options = list === undefined ? undefined : optionsOf(list, cells, path, ctx);
  return { ...common, kind, showIf, ...kindFields(kind, word, cells), ...(LIST_TYPES.has(word) ? { options } : {}) };
}

const normalType = (text: string) => text.trim().replace(/\s+/g, ' ');
const isBegin = (type: string) => /^begin[ _](section|group)$/i.test(type);
const isEnd = (type: string) => /^end[ _](section|group)$/i.test(type);

/**
 * The `survey` sheet as candidate sections, row by row: `begin section` opens a section,
 * `end section` closes it, every other row is a question of the open section. Rows that
 * cannot be read are reported and left out, so the checks that follow see only what was
 * understood and do not repeat the problem.
 */
export function readSections(table: Table, lists: Map<string, ChoiceList>, places: Places): Candidate[] {
  const ctx: Context = { lists, places };
  const sections: Section[] = [];
  let open: Section | undefined;
  // Nested sections are reported once and flattened: their questions stay in the outer section.
  let nested = 0;
  for (const cells of table.rows) {
    const type = normalType(cells.text('type') ?? '');
    if (!type) cells.issue('type', 'empty_cell');
    else if (isBegin(type)) {
      checkColumns(cells, (c) => SECTION_COLUMNS.has(c), BEGIN_SECTION);
      if (open) {
        cells.issue('type', 'nested_section');
        nested++;
        continue;
      }
      open = { id: cells.word('name'), title: cells.texts('label'), questions: [], begin: cells };
      places.set(['sections', sections.length], 'survey', cells.row, 'section');
      sections.push(open);
    } else if (isEnd(type)) {
      checkColumns(cells, (c) => c === 'type' || c === 'name', END_SECTION);
      if (nested) nested--;
      else if (!open) cells.issue('type', 'end_without_begin');
      else open = undefined;
    } else if (!open) cells.issue('type', 'outside_section');
    else open.questions.push(questionOf(type, cells, ['sections', sections.length - 1, 'questions', open.questions.length], ctx));
  }
  if (open) open.begin.issue('type', 'section_not_closed', { name: open.id ?? '' });
  return sections.map(({ id, title, questions }) => ({ id, title, questions }));
}
