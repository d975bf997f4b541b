import { Hono } from 'hono';
import type { Context } from 'hono';
import { WaveSchema } from '../../core/response';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { BOM, csvColumns, csvLine } from '../csv';
import { intParam, param } from '../http';
import type { ResponseQuery } from '../store/types';

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

function download(body: ReadableStream<Uint8Array>, type: string, filename: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' },
  });
}

/** Raw data exports for analysts: CSV for spreadsheets, NDJSON for everything else. Each is an audit entry. */
export function exportRoutes({ store, audit }: Services): Hono {
  const app = new Hono();

  app.get('/surveys/:id/responses.csv', async (c) => {
    const survey = await surveyParam(c, store);
    const query = queryOf(c);
    await audit.record(c, { action: 'export', survey: survey.id, target: `survey:${survey.id}`, details: { format: 'csv', ...query } });
    const versions = (await store.listSurveys()).filter((s) => s.id === survey.id && (query.version === undefined || s.version === query.version));
    const columns = csvColumns(versions);
    async function* lines() {
      yield BOM + csvLine(columns.map((col) => col.header));
      for await (const row of store.responses(survey.id, query)) yield csvLine(columns.map((col) => col.cell(row)));
    }
    return download(streamOf(lines()), 'text/csv; charset=utf-8', `${survey.id}-responses.csv`);
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
