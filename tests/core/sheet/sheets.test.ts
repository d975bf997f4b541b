import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonical';
import { formatSheetIssue, type SheetIssue } from '../../../src/core/sheet/issues';
import { SURVEY_COLUMNS, type Sheet } from '../../../src/core/sheet/layout';
import { sheetsToSurvey } from '../../../src/core/sheet/read';
import { surveyToSheets } from '../../../src/core/sheet/write';
import { checkSurvey } from '../../../src/core/survey-problems';
import { fixtureSurvey } from '../fixtures';
import { everythingSurvey, insertRow, rowOf, roundTripSurveys, setCell, sheet } from './helpers';

/** The located issues of the fixture's sheets after `edit`, as `sheet row column code`. */
function issues(edit: (sheets: Sheet[]) => void, survey = fixtureSurvey): SheetIssue[] {
  const sheets = surveyToSheets(survey);
  edit(sheets);
  const read = sheetsToSurvey(sheets);
  if (read.ok) throw new Error('expected problems');
  return read.issues;
}
/** Wraps the first question in a section of its own, inside the first section. */
function nest(sheets: Sheet[]): void {
  insertRow(sheets, 'survey', 4, { type: 'end section' });
  insertRow(sheets, 'survey', 3, { type: 'begin section', name: 'inner', 'label::ko': '가', 'label::en': 'a' });
}
const text = (en: string) => ({ ko: `${en} 한국어`, en });
const card = (id: string) => ({ id, title: text('Title'), body: text('Body'), source: text('Source') });
const where = (list: SheetIssue[]) => list.map((i) => `${i.sheet} ${i.row} ${i.column} ${i.code}`);

describe('surveys as sheets', () => {
  it.each(roundTripSurveys)('reads %s back exactly as written', (_name, survey) => {
    expect(checkSurvey(survey).ok).toBe(true);
    const read = sheetsToSurvey(surveyToSheets(survey));
    expect(read.ok && canonicalJson(read.survey)).toBe(canonicalJson(survey));
  });

  it('covers every question kind in the round trips', () => {
    const kinds = new Set(everythingSurvey.sections.flatMap((s) => s.questions.map((q) => (q.kind === 'choice' ? `choice-${q.multiple}` : q.kind))));
    expect([...kinds].sort()).toEqual(['allocation', 'choice-false', 'choice-true', 'likert', 'ranking', 'spectrum', 'text']);
  });

  it('writes the layout of DESIGN §9', () => {
    const sheets = surveyToSheets(fixtureSurvey);
    expect(sheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings']);
    expect(sheet(sheets, 'survey').rows[0]).toEqual(SURVEY_COLUMNS);
    expect(SURVEY_COLUMNS).toEqual(expect.arrayContaining(['type', 'name', 'label::ko', 'label::en', 'hint::ko', 'hint::en', 'required', 'relevant', 'points', 'min', 'max', 'total', 'step', 'unit::ko', 'pick', 'max_picks', 'max_length', 'low_label::ko', 'high_label::en']));
    const types = sheet(sheets, 'survey').rows.slice(1).map((r) => r[0]);
    expect(types).toEqual(['begin section', 'select_one group', 'text', 'likert', 'likert', 'end section', 'begin section', 'spectrum', 'select_multiple multi', 'allocation alloc', 'ranking rank', 'text', 'end section']);
    expect(sheet(sheets, 'survey').rows[rowOf(sheets, 'survey', 'other') - 1]).toContain("${group} = 'other'");
    expect(sheet(sheets, 'choices').rows[0]).toEqual(['list_name', 'name', 'label::ko', 'label::en']);
    expect(sheet(sheets, 'settings').rows).toEqual([
      ['id', 'version', 'title::ko', 'title::en', 'description::ko', 'description::en', 'notice::ko', 'notice::en', 'results_public', 'segment_by'],
      ['fixture', 2, 'Fixture (ko)', 'Fixture', 'A test survey (ko)', 'A test survey', 'Notice (ko)', 'Notice', 'no', 'group'],
    ]);
  });

  it('reads what a person would type: columns in any order and case, numbers as text, TRUE for yes, blank rows, XLSForm groups', () => {
    const sheets = surveyToSheets(fixtureSurvey);
    const row = rowOf(sheets, 'survey', 'agree');
    setCell(sheets, 'survey', row, 'points', '5');
    setCell(sheets, 'survey', row, 'required', true);
    setCell(sheets, 'survey', 2, 'type', 'begin group');
    const survey = sheet(sheets, 'survey');
    survey.rows = survey.rows.map((r) => [...r].reverse());
    survey.rows[0] = survey.rows[0]!.map((h) => ` ${String(h).toUpperCase()} `);
    survey.rows.splice(3, 0, [], [null, '  ']);
    const read = sheetsToSurvey(sheets);
    expect(read.ok && canonicalJson(read.survey)).toBe(canonicalJson(fixtureSurvey));
  });

  it('takes a missing choices sheet when no question has options, and an optional context sheet', () => {
    const survey = { ...fixtureSurvey, segmentBy: undefined, sections: [{ ...fixtureSurvey.sections[0]!, questions: fixtureSurvey.sections[0]!.questions.slice(2) }] };
    const sheets = surveyToSheets(survey).filter((s) => s.name !== 'choices');
    const read = sheetsToSurvey(sheets);
    expect(read.ok && canonicalJson(read.survey)).toBe(canonicalJson(survey));
  });
});

describe('problems in sheets, each with its sheet, row and column', () => {
  it('names an unknown question type the way the issue asks', () => {
    const list = issues((s) => setCell(s, 'survey', 4, 'type', 'likert9'));
    expect(where(list)).toEqual(['survey 4 type unknown_type']);
    expect(formatSheetIssue(list[0]!)).toMatch(/^survey sheet, row 4, column type: 'likert9' is not a question type; use likert, /);
    expect(formatSheetIssue(list[0]!, 'ko')).toMatch(/^survey 시트 4행 type 열: "likert9"은\(는\) 질문 유형이 아닙니다/);
  });

  it.each([
    ['a missing sheet', (s: Sheet[]) => s.splice(2, 1), ['settings null null missing_sheet']],
    ['an unknown type on a question others refer to', (s: Sheet[]) => setCell(s, 'survey', 3, 'type', 'dropdown'), ['survey 3 type unknown_type', 'choices 2 list_name unused_list']],
    ['a list that is missing', (s: Sheet[]) => setCell(s, 'survey', 3, 'type', 'select_one nowhere'), ['survey 3 type unknown_list', 'choices 2 list_name unused_list']],
    ['a list no question uses', (s: Sheet[]) => sheet(s, 'choices').rows.push(['spare', 'a', '가', 'a']), ['choices 14 list_name unused_list']],
    ['a list type without its list', (s: Sheet[]) => setCell(s, 'survey', 3, 'type', 'select_one'), ['survey 3 type list_name_missing', 'choices 2 list_name unused_list']],
    ['duplicate question names', (s: Sheet[]) => setCell(s, 'survey', rowOf(s, 'survey', 'note'), 'name', 'agree'), ['survey 13 name duplicate_question_id']],
    ['duplicate option names', (s: Sheet[]) => setCell(s, 'choices', 3, 'name', 'a'), ['choices 3 name duplicate_option_id']],
    ['a relevant that names a later question', (s: Sheet[]) => setCell(s, 'survey', rowOf(s, 'survey', 'other'), 'relevant', "${note} = 'x'"), ['survey 4 relevant show_if_not_earlier']],
    ['a relevant it cannot read', (s: Sheet[]) => setCell(s, 'survey', rowOf(s, 'survey', 'other'), 'relevant', "${group} == 'x'"), ['survey 4 relevant bad_relevant']],
    ['a missing translation', (s: Sheet[]) => setCell(s, 'survey', 5, 'label::en', ' '), ['survey 5 label::en missing']],
    ['a number that is no whole number', (s: Sheet[]) => setCell(s, 'survey', 5, 'points', 'five'), ['survey 5 points not_integer_cell']],
    ['a likert of 9 points', (s: Sheet[]) => setCell(s, 'survey', 5, 'points', 9), ['survey 5 points not_one_of']],
    ['a yes/no cell that is neither', (s: Sheet[]) => setCell(s, 'survey', 5, 'required', 'maybe'), ['survey 5 required not_yes_no']],
    ['a setting for another kind', (s: Sheet[]) => setCell(s, 'survey', rowOf(s, 'survey', 'note'), 'points', 5), ['survey 13 points not_applicable']],
    ['a spectrum whose min is not below max', (s: Sheet[]) => setCell(s, 'survey', 9, 'min', 10), ['survey 9 max min_not_below_max']],
    ['an end label missing', (s: Sheet[]) => setCell(s, 'survey', 9, 'low_label::ko', null), ['survey 9 low_label::ko missing']],
    ['a question outside any section', (s: Sheet[]) => insertRow(s, 'survey', 2, { type: 'text', name: 'loose', 'label::ko': '가', 'label::en': 'a', max_length: 9 }), ['survey 2 type outside_section']],
    ['a nested section', (s: Sheet[]) => nest(s), ['survey 3 type nested_section']],
    ['an end without a begin', (s: Sheet[]) => insertRow(s, 'survey', 2, { type: 'end section' }), ['survey 2 type end_without_begin']],
    ['a section never closed', (s: Sheet[]) => sheet(s, 'survey').rows.pop(), ['survey 8 type section_not_closed']],
    ['a row without a type', (s: Sheet[]) => setCell(s, 'survey', 5, 'type', null), ['survey 5 type empty_cell']],
    ['an unknown column', (s: Sheet[]) => sheet(s, 'survey').rows[0]!.push('lable::ko'), ['survey 1 lable::ko unknown_column']],
    ['a missing column', (s: Sheet[]) => (sheet(s, 'choices').rows[0]![3] = null), ['choices 1 label::en missing_column', 'choices 2 D unnamed_column']],
    ['a duplicate column', (s: Sheet[]) => (sheet(s, 'settings').rows[0]![9] = 'id'), ['settings 1 id duplicate_column']],
    ['a value under no header', (s: Sheet[]) => (sheet(s, 'survey').rows[4]![30] = 'stray'), ['survey 5 AE unnamed_column']],
    ['a second settings row', (s: Sheet[]) => sheet(s, 'settings').rows.push(['again']), ['settings 3 null too_many_rows']],
    ['a group question that is a multiple choice', (s: Sheet[]) => setCell(s, 'settings', 2, 'segment_by', 'multi'), ['settings 2 segment_by segment_by_not_single_choice']],
    ['a bad survey id', (s: Sheet[]) => setCell(s, 'settings', 2, 'id', 'Fixture!'), ['settings 2 id not_slug']],
  ])('reports %s', (_name, edit, expected) => {
    expect(where(issues(edit))).toEqual(expected);
  });

  it('locates problems in context cards', () => {
    const list = issues((s) => setCell(s, 'context', 3, 'body::en', null), { ...fixtureSurvey, context: [card('one'), card('two')] });
    expect(where(list)).toEqual(['context 3 body::en missing']);
  });

  it('reports more than 30 options at the 31st', () => {
    const list = issues((s) => {
      for (let i = 0; i < 30; i++) sheet(s, 'choices').rows.splice(2, 0, ['group', `extra-${i}`, '가', 'a']);
    });
    expect(where(list)).toEqual(['choices 32 name too_many_options']);
  });

  it('reports a 2 MiB Hangul label as too long, at its cell, without echoing it', () => {
    const list = issues((s) => setCell(s, 'choices', 2, 'label::ko', '한'.repeat(2 ** 21)));
    expect(where(list)).toEqual(['choices 2 label::ko text_too_long']);
    expect(JSON.stringify(list).length).toBeLessThan(1000);
  });

  it('reports a sheet with too many rows once, without reading them', () => {
    const list = issues((s) => {
      const rows = sheet(s, 'choices').rows;
      for (let i = 0; i < 20_000; i++) rows.push(['group', `o${i}`, '가', 'a']);
    });
    expect(where(list)).toContain('choices 20001 null too_many_rows');
  });

  it('reports every problem at once, in sheet and row order', () => {
    const list = issues((s) => {
      setCell(s, 'settings', 2, 'version', 0);
      setCell(s, 'survey', 13, 'max_length', -1);
      setCell(s, 'survey', 4, 'type', 'likert9');
    });
    expect(where(list)).toEqual(['survey 4 type unknown_type', 'survey 13 max_length too_small', 'settings 2 version too_small']);
  });
});
