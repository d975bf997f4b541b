import type { ExportColumn } from './columns';

/** The codebook's columns: one row per column wording, then one per code of that column. */
export const CODEBOOK_HEADERS = ['column', 'kind', 'versions', 'wording_ko', 'wording_en', 'code', 'label_ko', 'label_en'] as const;

/** One codebook row, in the order of CODEBOOK_HEADERS. */
export type CodebookRow = [string, string, string, string, string, string | number, string, string];

/**
 * The codebook of an export, in a long layout a script can filter: for each column, a row
 * per wording (with the versions that asked it; blank for every version), then a row per
 * code with its labels in both languages. A column with no codes (text, amounts, times)
 * has its wording rows only.
 */
export function codebookRows(columns: ExportColumn[]): CodebookRow[] {
  return columns.flatMap((column) => [
    ...column.wordings.map((w): CodebookRow => [column.header, column.kind, w.versions.join(', '), w.text.ko, w.text.en, '', '', '']),
    ...column.codes.map((c): CodebookRow => [column.header, '', '', '', '', c.code, c.label.ko, c.label.en]),
  ]);
}
