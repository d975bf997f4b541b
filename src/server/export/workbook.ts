import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
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

/** The stream archiver reads a worksheet's XML from (readable-stream 2 keeps its state in `_writableState`). */
type ZipInput = { writableLength?: number; _writableState?: { length: number } };
/** Bytes of XML written but not yet compressed. */
const MAX_BACKLOG = 1 << 20;

/** Only what the writer needs of exceljs's streaming worksheet. */
type Sheet = {
  stream: { pipes: ZipInput[] };
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
 * Waits, after a page of rows, until compression has caught up. exceljs writes each row's
 * XML into the zip's input without heeding its backpressure, so a fast source queues the
 * whole sheet in memory (1.3 KB a row, 130 MB at 100,000); waiting for that input to drain
 * whenever it holds more than MAX_BACKLOG keeps the backlog at a page or two.
 */
async function keepUp(sheet: Sheet, output: Writable): Promise<void> {
  const queued = () => {
    const input = sheet.stream.pipes[0];
    return input ? (input.writableLength ?? input._writableState?.length ?? 0) : 0;
  };
  await new Promise((resolve) => setImmediate(resolve));
  // Polled rather than awaited on 'drain': the old stream emits it only after a refused write.
  while (queued() > MAX_BACKLOG && !output.destroyed) await sleep(2);
}

/**
 * Writes the labelled workbook (DESIGN §10) into `output`, which it ends: sheet `responses`, one row per
 * response in `lang`, numbers as numbers and text as text, never a formula (text that
 * looks like one is neutralised as in the CSV); then sheet `codebook`. exceljs's streaming
 * writer commits each row as it goes, and keepUp holds the writer back while compression
 * catches up (and the client, since the zip waits for `output`), so a page or two of
 * rows is all that is held at once. Stops early if `output` is destroyed. Returns how many
 * responses were written.
 */
export async function writeResponsesWorkbook(output: Writable, columns: ExportColumn[], rows: AsyncIterable<StoredResponse>, lang: Locale): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Stance';
  const responses = addSheet(workbook, 'responses', columns.map((c) => c.header), (h) => Math.min(40, Math.max(10, h.length + 2)));
  const readers = columns.map((c) => cellReader(c, lang));
  let count = 0;
  for await (const row of rows) {
    responses.addRow(readers.map((read) => written(read(row)))).commit();
    if (++count % PAGE === 0) await keepUp(responses, output);
    // A download the client gave up: leaving the loop closes the store's cursor too.
    if (output.destroyed) return count;
  }
  responses.commit();
  const codebook = addSheet(workbook, 'codebook', CODEBOOK_HEADERS, (h) => (h.startsWith('wording') ? 60 : h.startsWith('label') ? 30 : 14));
  for (const row of codebookRows(columns)) codebook.addRow(row.map(written)).commit();
  codebook.commit();
  // A client that leaves during the codebook ends `output` without 'finish', which commit awaits.
  await Promise.race([workbook.commit(), once(output, 'close')]);
  return count;
}
