import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locale } from '../../core/vocabulary';
import { neutraliseFormula } from '../cells';
import type { StoredResponse } from '../store/types';
import { CODEBOOK_HEADERS, codebookRows } from './codebook';
import { cellReader, type Cell, type ExportColumn } from './columns';

/** Rows written between two yields to the event loop, so compression keeps up and memory stays flat. */
const PAGE = 500;

/**
 * A text cell as an inline string. A plain string would be written as `t="str"`, which the
 * format defines as a formula's cached text; inline rich text is a string cell proper, and
 * unlike shared strings it holds nothing in memory for the rest of the file.
 */
function text(value: string): { richText: { text: string }[] } {
  return { richText: [{ text: neutraliseFormula(value) }] };
}

const written = (value: Cell) => (typeof value === 'string' ? text(value) : (value ?? null));

/** Only what the writer needs of exceljs's streaming worksheet. */
type Sheet = {
  columns: { header: string; width: number }[];
  getRow(n: number): { font: unknown; commit(): void };
  addRow(values: unknown[]): { commit(): void };
  commit(): void;
};

function addSheet(workbook: { addWorksheet(name: string, options: object): unknown }, name: string, headers: readonly string[], width: (header: string) => number): Sheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] }) as Sheet;
  sheet.columns = headers.map((header) => ({ header, width: width(header) }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.commit();
  return sheet;
}

/**
 * Writes the labelled workbook (DESIGN §10) to `path`: sheet `responses`, one row per
 * response in `lang`, numbers as numbers and text as text, never a formula (text that
 * looks like one is neutralised as in the CSV); then sheet `codebook`. exceljs's streaming
 * writer commits each row as it goes, so a page of rows is all that is held at once.
 * Returns how many responses were written.
 */
export async function writeResponsesWorkbook(path: string, columns: ExportColumn[], rows: AsyncIterable<StoredResponse>, lang: Locale): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const output = createWriteStream(path, { mode: 0o600 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Stance';
  const responses = addSheet(workbook, 'responses', columns.map((c) => c.header), (h) => Math.min(40, Math.max(10, h.length + 2)));
  const readers = columns.map((c) => cellReader(c, lang));
  let count = 0;
  for await (const row of rows) {
    responses.addRow(readers.map((read) => written(read(row)))).commit();
    if (++count % PAGE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  responses.commit();
  const codebook = addSheet(workbook, 'codebook', CODEBOOK_HEADERS, (h) => (h.startsWith('wording') ? 60 : h.startsWith('label') ? 30 : 14));
  for (const row of codebookRows(columns)) codebook.addRow(row.map(written)).commit();
  codebook.commit();
  await workbook.commit();
  if (!output.closed) await once(output, 'close');
  return count;
}

/**
 * Runs `write` into a file in a private temporary folder and gives the file back as a
 * stream; the folder is removed once the stream is open (so nothing stays on disk after
 * the download, or a failure), and the open stream keeps the bytes readable until it ends.
 */
export async function viaTemporaryFile(name: string, write: (path: string) => Promise<unknown>): Promise<ReadStream> {
  const dir = await mkdtemp(join(tmpdir(), 'stance-export-'));
  try {
    const path = join(dir, name);
    await write(path);
    const stream = createReadStream(path);
    await once(stream, 'open');
    return stream;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
