import { Hono } from 'hono';
import type { Context } from 'hono';
import { canonicalJson } from '../../core/canonical';
import { AppError } from '../../core/errors';
import { formatSheetIssue } from '../../core/sheet/issues';
import type { Survey } from '../../core/survey';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { sha256 } from '../hash';
import { readBytes } from '../http';
import { readSurveyWorkbook, writeSurveyWorkbook, XLSX_TYPE } from '../survey-sheet/workbook';

/** Most bytes of a spreadsheet upload: a zipped workbook, so far more than a JSON body's 1 MiB. */
export const MAX_SHEET_BYTES = 8 * 2 ** 20;

/** Whether a request's Content-Type is the .xlsx one (parameters such as a charset ignored). */
export function isSpreadsheet(c: Context): boolean {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === XLSX_TYPE;
}

/**
 * The survey in an .xlsx request body, or 400 `invalid` with every problem located as
 * `{sheet, row, column, code, params, message}`; the message of the error names the first.
 */
export async function surveyFromWorkbook(c: Context): Promise<Survey> {
  const read = await readSurveyWorkbook(await readBytes(c, MAX_SHEET_BYTES));
  if (read.ok) return read.survey;
  const count = read.issues.length;
  const first = formatSheetIssue(read.issues[0]!);
  throw new AppError('invalid', `the spreadsheet has ${count} problem${count === 1 ? '' : 's'}; the first: ${first}`, { issues: read.issues });
}

/** Recently exported workbooks by content hash: versions never change, so a hit is always right. */
class WorkbookCache {
  private readonly entries = new Map<string, Buffer>();
  constructor(private readonly size: number) {}

  async get(hash: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(hash);
    if (hit) return hit;
    const made = await make();
    this.entries.set(hash, made);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return made;
  }
}

const XLSX_VERSION = /^(\d{1,9})\.xlsx$/;

/**
 * `GET /surveys/:id/versions/:v.xlsx`: one version in the spreadsheet layout of DESIGN §9.
 * Public like the JSON of the same version, which holds exactly the same information. It
 * shares its route with the JSON version (`surveys.ts`), so it must be mounted before it: a
 * version without `.xlsx` goes on to that handler, keeping one route and one access rule.
 */
export function surveySheetRoutes({ store }: Services): Hono {
  const app = new Hono();
  const cache = new WorkbookCache(16);
  app.get('/surveys/:id/versions/:version', async (c, next) => {
    const match = XLSX_VERSION.exec(c.req.param('version'));
    if (!match) return next();
    const version = Number(match[1]);
    const survey = await surveyParam(c, store, version);
    const hash = sha256(canonicalJson(survey));
    const etag = `"xlsx-${hash.slice(0, 32)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const workbook = await cache.get(hash, () => writeSurveyWorkbook(survey));
    c.header('Content-Type', XLSX_TYPE);
    c.header('Content-Disposition', `attachment; filename="${survey.id}-v${survey.version}.xlsx"`);
    return c.body(new Uint8Array(workbook));
  });
  return app;
}
