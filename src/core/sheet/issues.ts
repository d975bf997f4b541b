import { fillMessage, SURVEY_PROBLEM_MESSAGES, type ProblemParams, type SurveyProblemCode } from '../survey-problem-messages';
import type { Locale } from '../vocabulary';
import type { SheetName } from './layout';

/** Problems only a spreadsheet can have, in both languages. */
export const SHEET_ISSUE_MESSAGES = {
  not_xlsx: { ko: '엑셀 통합 문서(.xlsx)가 아닙니다.', en: 'this is not an Excel workbook (.xlsx)' },
  xls_format: { ko: '예전 엑셀 형식(.xls)입니다. .xlsx로 저장해서 올려 주세요.', en: 'this is the old Excel format (.xls); save it as .xlsx and upload that' },
  too_large: { ko: '압축을 풀면 {max} MiB를 넘습니다.', en: 'the workbook unpacks to more than {max} MiB' },
  too_many_parts: { ko: '통합 문서의 구성 요소가 {max}개를 넘습니다.', en: 'the workbook has more than {max} parts' },
  too_many_cells: { ko: '워크시트의 셀이 모두 {max}개를 넘습니다.', en: 'the worksheets hold more than {max} cells' },
  unsafe_xml: { ko: '문서 정의(DTD)나 엔터티가 있는 파일은 받지 않습니다.', en: 'workbooks with document type definitions or entities are refused' },
  missing_sheet: { ko: '"{sheet}" 시트가 없습니다.', en: 'the workbook has no "{sheet}" sheet' },
  missing_column: { ko: '"{column}" 열이 없습니다.', en: 'the header has no "{column}" column' },
  unknown_column: { ko: '"{column}"은(는) 이 시트의 열 이름이 아닙니다.', en: '"{column}" is not a column of this sheet' },
  duplicate_column: { ko: '"{column}" 열이 두 번 있습니다.', en: 'the column "{column}" appears twice' },
  unnamed_column: { ko: '{letter} 열에 값이 있지만 머리글이 없습니다.', en: 'column {letter} has a value but no header' },
  too_many_rows: { ko: '행이 {max}개를 넘습니다.', en: 'the sheet has more than {max} rows' },
  cell_error: { ko: '셀 값이 오류({value})입니다.', en: 'the cell holds an error ({value})' },
  empty_cell: { ko: '이 칸을 채워야 합니다.', en: 'this cell must not be empty' },
  unknown_type: {
    ko: '"{value}"은(는) 질문 유형이 아닙니다. likert, spectrum, select_one 목록, select_multiple 목록, allocation 목록, ranking 목록, text, begin section, end section 중 하나를 쓰세요.',
    en: "'{value}' is not a question type; use likert, spectrum, select_one LIST, select_multiple LIST, allocation LIST, ranking LIST, text, begin section or end section",
  },
  list_name_missing: { ko: '"{value}" 다음에 선택지 목록 이름을 써야 합니다.', en: "'{value}' needs the name of a choice list after it" },
  unknown_list: { ko: '"choices" 시트에 "{list}" 목록이 없습니다.', en: 'the choices sheet has no list "{list}"' },
  unused_list: { ko: '"{list}" 목록을 쓰는 질문이 없습니다.', en: 'no question uses the list "{list}"' },
  too_many_options: { ko: '"{list}" 목록의 선택지가 {max}개를 넘습니다.', en: 'the list "{list}" has more than {max} options' },
  not_applicable: { ko: '"{column}" 열은 {type} 질문에 쓰지 않습니다.', en: 'the column "{column}" does not apply to {type} rows' },
  not_integer_cell: { ko: '"{value}"은(는) 정수가 아닙니다.', en: "'{value}' is not a whole number" },
  not_yes_no: { ko: '"{value}" 대신 yes 또는 no를 쓰세요.', en: "'{value}' is not yes or no" },
  bad_relevant: {
    ko: '"{value}"을(를) 이해할 수 없습니다. ${질문} = \'값\' 이나 selected(${질문}, \'값\') 을 or로 이어 쓰세요.',
    en: "'{value}' is not understood; write ${question} = 'value' or selected(${question}, 'value'), joined by or",
  },
  nested_section: { ko: '섹션 안에 섹션을 둘 수 없습니다. 앞 섹션을 먼저 end section으로 닫으세요.', en: 'sections cannot be nested; close the open section with end section first' },
  end_without_begin: { ko: '열린 섹션이 없는데 end section이 있습니다.', en: 'end section without a begin section' },
  section_not_closed: { ko: '섹션 "{name}"이(가) end section으로 닫히지 않았습니다.', en: 'the section "{name}" has no end section' },
  outside_section: { ko: '질문은 begin section과 end section 사이에 있어야 합니다.', en: 'questions must sit between begin section and end section' },
} as const satisfies Record<string, { ko: string; en: string }>;

/** What is wrong, for spreadsheet-only problems; schema and rule problems keep their survey codes. */
export type SheetIssueCode = keyof typeof SHEET_ISSUE_MESSAGES;

/**
 * One problem in a workbook, where a person can find it: the sheet, the row as the
 * spreadsheet numbers it (1 is the header) and the column by its header name. Any of the
 * three is null when the problem is about something larger (a missing sheet, the whole file).
 */
export type SheetIssue = {
  sheet: SheetName | null;
  row: number | null;
  column: string | null;
  code: SheetIssueCode | SurveyProblemCode;
  params: ProblemParams;
  message: string;
};

const PLACE = {
  sheet: { ko: '{sheet} 시트', en: '{sheet} sheet' },
  row: { ko: '{row}행', en: 'row {row}' },
  column: { ko: '{column} 열', en: 'column {column}' },
} as const;

const MESSAGES: Record<SheetIssueCode | SurveyProblemCode, { ko: string; en: string }> = { ...SURVEY_PROBLEM_MESSAGES, ...SHEET_ISSUE_MESSAGES };

/** A sheet issue's message in `locale`. */
export function sheetIssueMessage(code: SheetIssueCode | SurveyProblemCode, params: ProblemParams, locale: Locale): string {
  return fillMessage(MESSAGES[code][locale], params);
}

/** A sheet issue in full, like "survey sheet, row 14, column type: 'likert9' is not a question type". */
export function formatSheetIssue(issue: Omit<SheetIssue, 'message'>, locale: Locale = 'en'): string {
  const parts = (['sheet', 'row', 'column'] as const)
    .filter((key) => issue[key] !== null)
    .map((key) => fillMessage(PLACE[key][locale], { [key]: issue[key]! }));
  const what = sheetIssueMessage(issue.code, issue.params, locale);
  return parts.length ? `${parts.join(locale === 'ko' ? ' ' : ', ')}: ${what}` : what;
}

/** A located issue with its English message, as the API sends it. */
export function sheetIssue(sheet: SheetName | null, row: number | null, column: string | null, code: SheetIssueCode | SurveyProblemCode, params: ProblemParams = {}): SheetIssue {
  return { sheet, row, column, code, params, message: sheetIssueMessage(code, params, 'en') };
}
