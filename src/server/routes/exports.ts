import { PassThrough, Readable } from 'node:stream';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { AppError } from '../../core/errors';
import { WaveSchema } from '../../core/response';
import type { Survey } from '../../core/survey';
import { LOCALES, type Locale } from '../../core/vocabulary';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { BOM, csvLine } from '../csv';
import { CODEBOOK_HEADERS, codebookRows } from '../export/codebook';
import { cellReader, exportColumns } from '../export/columns';
import { writeResponsesWorkbook } from '../export/workbook';
import { intParam, param } from '../http';
import type { ResponseQuery, Store } from '../store/types';
import { XLSX_TYPE } from '../survey-sheet/workbook';

const encoder = new TextEncoder();

/**
 * A response body pulled from an async iterator of text chunks: each pull reads only as
 * far as the client has consumed, so an export of a million rows never sits in memory.
 */
function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function queryOf(c: Context): ResponseQuery {
  const wave = c.req.query('wave');
  return { version: intParam(c.req.query('version'), 'version'), wave: wave ? param(WaveSchema, wave, 'wave') : undefined };
}

/** `?lang=ko|en`: write labels in that language; absent, `fallback` (codes for the CSV). */
function langOf<T extends Locale | undefined>(c: Context, fallback: T): Locale | T {
  const lang = c.req.query('lang');
  if (lang === undefined || lang === '') return fallback;
  if (!(LOCALES as readonly string[]).includes(lang)) throw new AppError('bad_request', `lang must be one of ${LOCALES.join(', ')}`);
  return lang as Locale;
}

/** The versions an export covers: the one asked for (404 if unknown), or every version. */
async function versionsOf(store: Store, survey: Survey, query: ResponseQuery): Promise<Survey[]> {
  const versions = (await store.listSurveys()).filter((s) => s.id === survey.id && (query.version === undefined || s.version === query.version));
  if (versions.length === 0) throw new AppError('not_found', `no survey ${survey.id} version ${query.version}`);
  return versions;
}

function download(body: ReadableStream<Uint8Array> | string, type: string, filename: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' },
  });
}

/** Raw data exports for analysts: CSV and a labelled workbook for spreadsheets, NDJSON for everything else, each an audit entry; and their codebook. */
export function exportRoutes({ store, audit }: Services): Hono {
  const app = new Hono();
  const columnsOf = async (survey: Survey, query: ResponseQuery) => exportColumns(await versionsOf(store, survey, query), await store.listWaves(survey.id));

  app.get('/surveys/:id/responses.csv', async (c) => {
    const survey = await surveyParam(c, store);
    const query = queryOf(c);
    const lang = langOf(c, undefined);
    const columns = await columnsOf(survey, query);
    await audit.record(c, { action: 'export', survey: survey.id, target: `survey:${survey.id}`, details: { format: 'csv', ...query, lang } });
    const readers = columns.map((column) => cellReader(column, lang));
    async function* lines() {
      yield BOM + csvLine(columns.map((col) => col.header));
      for await (const row of store.responses(survey.id, query)) yield csvLine(readers.map((read) => read(row)));
    }
    return download(streamOf(lines()), 'text/csv; charset=utf-8', `${survey.id}-responses.csv`);
  });

  app.get('/surveys/:id/responses.xlsx', async (c) => {
    const survey = await surveyParam(c, store);
    const query = queryOf(c);
    const lang = langOf(c, 'ko');
    const columns = await columnsOf(survey, query);
    await audit.record(c, { action: 'export', survey: survey.id, target: `survey:${survey.id}`, details: { format: 'xlsx', ...query, lang } });
    const body = new PassThrough();
    // Streamed as it is written, like the CSV: a failure midway ends the download short.
    writeResponsesWorkbook(body, columns, store.responses(survey.id, query), lang).catch((error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))));
    return download(Readable.toWeb(body) as ReadableStream<Uint8Array>, XLSX_TYPE, `${survey.id}-responses-${lang}.xlsx`);
  });

  app.get('/surveys/:id/codebook.csv', async (c) => {
    const survey = await surveyParam(c, store);
    const rows = codebookRows(await columnsOf(survey, queryOf(c)));
    const text = BOM + csvLine([...CODEBOOK_HEADERS]) + rows.map(csvLine).join('');
    return download(text, 'text/csv; charset=utf-8', `${survey.id}-codebook.csv`);
  });

  app.get('/surveys/:id/responses.ndjson', async (c) => {
    const survey = await surveyParam(c, store);
    const query = queryOf(c);
    await audit.record(c, { action: 'export', survey: survey.id, target: `survey:${survey.id}`, details: { format: 'ndjson', ...query } });
    async function* lines() {
      for await (const row of store.responses(survey.id, query)) yield `${JSON.stringify(row.response)}\n`;
    }
    return download(streamOf(lines()), 'application/x-ndjson; charset=utf-8', `${survey.id}-responses.ndjson`);
  });

  return app;
}
