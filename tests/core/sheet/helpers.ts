import type { Cell, Sheet } from '../../../src/core/sheet/layout';
import type { Survey } from '../../../src/core/survey';
import { sovereignAiSurvey, sovereignAiSurveyV1 } from '../../../src/core/surveys';
import { fixtureSurvey } from '../fixtures';

/** The sheet named `name`. */
export function sheet(sheets: Sheet[], name: string): Sheet {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The spreadsheet row number (1-based) of the first row whose `name` column is `value`. */
export function rowOf(sheets: Sheet[], name: string, value: string, column = 'name'): number {
  const { rows } = sheet(sheets, name);
  const index = rows.findIndex((r) => r[rows[0]!.indexOf(column)] === value);
  if (index < 0) throw new Error(`no row with ${column} ${value} in ${name}`);
  return index + 1;
}

/** Sets a cell by sheet, spreadsheet row number and column name. */
export function setCell(sheets: Sheet[], name: string, row: number, column: string, value: Cell): void {
  const { rows } = sheet(sheets, name);
  const index = rows[0]!.indexOf(column);
  if (index < 0) throw new Error(`no column ${column} in ${name}`);
  while (rows.length < row) rows.push([]);
  rows[row - 1]![index] = value;
}

/** Inserts a row (cells by column name) before spreadsheet row `row`. */
export function insertRow(sheets: Sheet[], name: string, row: number, cells: Record<string, Cell>): void {
  const { rows } = sheet(sheets, name);
  rows.splice(row - 1, 0, rows[0]!.map((header) => cells[String(header)] ?? null));
}

/**
 * A survey using every part of the layout: help texts, a condition on a number and one on a
 * multiple choice, negative spectrum ends, an empty context list, quotes and line breaks.
 */
export const everythingSurvey: Survey = {
  ...fixtureSurvey,
  id: 'everything',
  version: 3,
  resultsPublic: true,
  context: [],
  notice: { ko: '안내\n두 번째 줄', en: 'Notice "quoted"\nsecond line' },
  sections: [
    ...fixtureSurvey.sections,
    {
      id: 's3',
      title: { ko: '셋', en: 'Three' },
      questions: [
        { id: 'neg', kind: 'spectrum', min: -5, max: 5, required: false, prompt: { ko: '음수', en: 'Negative' }, labels: { low: { ko: '왼쪽', en: 'left' }, high: { ko: '오른쪽', en: 'right' } }, help: { ko: '도움말', en: 'Help' }, dontKnow: false },
        { id: 'if-agree', kind: 'text', maxLength: 5, required: true, prompt: { ko: '동의?', en: 'Agreed?' }, showIf: { question: 'agree', anyOf: [4, 5] } },
        { id: 'if-multi', kind: 'ranking', pick: 1, required: false, prompt: { ko: "'따옴표'", en: "it's =1+1" }, options: [{ id: '1', label: { ko: '일', en: '=SUM(A1)' } }, { id: '2', label: { ko: '이', en: '2' } }], showIf: { question: 'multi', anyOf: ['x'] } },
        { id: 'single', kind: 'choice', multiple: false, required: false, prompt: { ko: '하나', en: 'One' }, options: [{ id: 'a', label: { ko: '가', en: 'a' } }, { id: 'b', label: { ko: '나', en: 'b' } }] },
      ],
    },
  ],
};

/** Surveys the round-trip tests cover. */
export const roundTripSurveys: [string, Survey][] = [
  ['the fixture', fixtureSurvey],
  ['the sovereign-AI survey ("don\'t know" on its positions)', sovereignAiSurvey],
  ['a survey using every column', everythingSurvey],
  ['the sovereign-AI survey, version 1', sovereignAiSurveyV1],
];
