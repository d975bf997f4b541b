// The spreadsheet layout of DESIGN §9, in the XLSForm way: a `survey` sheet of rows (one per
// question, with `begin section` / `end section` around them), a `choices` sheet of option
// lists, a one-row `settings` sheet, and an optional `context` sheet of fact cards. This module
// is the layout as data; `write.ts` and `read.ts` turn surveys into sheets and back, and the
// server (or the editor) moves the sheets in and out of .xlsx files.
import type { QuestionKind } from '../survey';

/** One cell's value as the mapping sees it; the .xlsx layer turns rich text, dates and formulas into these. */
export type Cell = string | number | boolean | null;

/** One worksheet: its name and its rows, `rows[0]` being spreadsheet row 1 (the header). */
export type Sheet = { name: string; rows: Cell[][] };

/** The sheet names, which are part of the contract. */
export const SHEET_NAMES = ['survey', 'choices', 'settings', 'context'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

const both = (base: string) => [`${base}::ko`, `${base}::en`] as const;

/** Columns every question row may fill, and section rows the first four. */
export const COMMON_COLUMNS = ['type', 'name', ...both('label'), ...both('hint'), 'required', 'relevant'] as const;

/** The settings columns each question kind reads; a value in any other settings column is a mistake. */
export const KIND_COLUMNS: Record<QuestionKind, readonly string[]> = {
  likert: ['points', ...both('low_label'), ...both('high_label'), 'dont_know'],
  spectrum: ['min', 'max', ...both('low_label'), ...both('high_label'), 'dont_know'],
  choice: ['max_picks'],
  allocation: ['total', 'step', ...both('unit')],
  ranking: ['pick'],
  text: ['max_length'],
};

/** Every column of the `survey` sheet, in the order the writer puts them. */
export const SURVEY_COLUMNS: readonly string[] = [
  ...COMMON_COLUMNS,
  ...new Set(Object.values(KIND_COLUMNS).flat()),
];

/** Columns of the `choices` sheet: one row per option of a named list. */
export const CHOICES_COLUMNS = ['list_name', 'name', ...both('label')] as const;

/** Columns of the `settings` sheet, whose row 2 holds the values. */
export const SETTINGS_COLUMNS = [
  'id',
  'version',
  ...both('title'),
  ...both('description'),
  ...both('notice'),
  'results_public',
  'segment_by',
] as const;

/** Columns of the optional `context` sheet: one fact card per row. */
export const CONTEXT_COLUMNS = ['name', ...both('title'), ...both('body'), ...both('source')] as const;

/** The columns each sheet must have in its header. */
export const REQUIRED_COLUMNS: Record<SheetName, readonly string[]> = {
  survey: ['type', 'name', ...both('label')],
  choices: ['list_name', 'name', ...both('label')],
  settings: ['id', 'version', ...both('title')],
  context: ['name', ...both('title'), ...both('body'), ...both('source')],
};

/** Every column each sheet may have. */
export const SHEET_COLUMNS: Record<SheetName, readonly string[]> = {
  survey: SURVEY_COLUMNS,
  choices: CHOICES_COLUMNS,
  settings: SETTINGS_COLUMNS,
  context: CONTEXT_COLUMNS,
};

/**
 * Rows each sheet may have, header included. The survey schema allows 50 sections of 100
 * questions; the bounds sit a little above what a valid survey can need, so every valid
 * survey fits and a huge sheet is refused before any row is looked at.
 */
export const MAX_ROWS: Record<SheetName, number> = { survey: 5_200, choices: 20_000, settings: 2, context: 21 };

/** The `type` of section rows. XLSForm's `begin group` / `end group` are read as the same. */
export const BEGIN_SECTION = 'begin section';
export const END_SECTION = 'end section';

/** The `type` word of each kind; choice is `select_one` or `select_multiple` as in XLSForm. */
export const TYPE_WORDS = ['likert', 'spectrum', 'select_one', 'select_multiple', 'allocation', 'ranking', 'text'] as const;
export type TypeWord = (typeof TYPE_WORDS)[number];

/** Type words followed by the name of a choice list, like `select_one roles`. */
export const LIST_TYPES: ReadonlySet<string> = new Set<TypeWord>(['select_one', 'select_multiple', 'allocation', 'ranking']);

/** The question kind each type word makes. */
export const KIND_OF_TYPE: Record<TypeWord, QuestionKind> = {
  likert: 'likert',
  spectrum: 'spectrum',
  select_one: 'choice',
  select_multiple: 'choice',
  allocation: 'allocation',
  ranking: 'ranking',
  text: 'text',
};

/** How yes/no cells are written; reading also takes true/false and boolean cells. */
export const YES = 'yes';
export const NO = 'no';
