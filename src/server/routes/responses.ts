import { Hono } from 'hono';
import { AppError } from '../../core/errors';
import { canonicalId } from '../../core/ids';
import { MAX_BODY_BYTES, SubmitRequestSchema } from '../../core/wire';
import { principalOf, requireGranted } from '../auth';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { DeviceIssuer } from '../device-token';
import { readBody, readJson } from '../http';
import { submitInBatches, submitItems } from '../submit';

/** Largest device backup file an organiser can import. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * The items of a device backup: `{responses: [...]}` (what field mode saves), a bare array,
 * or NDJSON with one response per line (what the NDJSON export writes).
 */
export function backupItems(text: string): unknown[] {
  try {
    const json: unknown = JSON.parse(text);
    if (Array.isArray(json)) return json;
    if (json && typeof json === 'object' && Array.isArray((json as { responses?: unknown }).responses)) {
      return (json as { responses: unknown[] }).responses;
    }
    throw new AppError('bad_request', 'a backup is {"responses": [...]}, an array of responses, or NDJSON');
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  try {
    return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
  } catch {
    throw new AppError('bad_request', 'the backup is neither JSON nor NDJSON');
  }
}

/** The survey ids a backup's items name, so an editor of some surveys cannot import into others. */
function surveysNamed(items: unknown[]): Set<string> {
  const ids = items.map((item) => (typeof item === 'object' && item !== null ? (item as { surveyId?: unknown }).surveyId : undefined));
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
}

/** Submitting responses (public), importing backups and deleting single responses (editors). */
export function responseRoutes({ store, clock, config, audit }: Services): Hono {
  const app = new Hono();
  const issuer = new DeviceIssuer(config, clock);

  app.post('/responses', async (c) => {
    const envelope = SubmitRequestSchema.safeParse(await readJson(c, MAX_BODY_BYTES));
    if (!envelope.success) {
      throw new AppError('bad_request', 'expected {"responses": [...]} with 1 to 200 items', { issues: envelope.error.issues.map((i) => i.message) });
    }
    const results = await submitItems(store, envelope.data.responses, clock());
    const token = issuer.tokenFor(c, envelope.data.responses, results);
    if (token) c.header('X-Stance-Device-Token', token);
    c.header('Cache-Control', 'no-store');
    return c.json({ results });
  });

  app.post('/imports', async (c) => {
    const items = backupItems(await readBody(c, MAX_IMPORT_BYTES));
    if (items.length === 0) throw new AppError('bad_request', 'the backup holds no responses');
    const surveys = surveysNamed(items);
    if (principalOf(c).account.surveys !== '*') for (const id of surveys) requireGranted(c, id);
    const counts = await submitInBatches(store, items, clock);
    await audit.record(c, { action: 'backup_imported', survey: surveys.size === 1 ? [...surveys][0]! : null, details: { surveys: [...surveys], stored: counts.stored, duplicate: counts.duplicate, rejected: counts.rejected } });
    return c.json(counts);
  });

  app.delete('/surveys/:id/responses/:responseId', async (c) => {
    const survey = await surveyParam(c, store);
    const id = canonicalId(c.req.param('responseId'));
    if (!(await store.deleteResponse(survey.id, id))) throw new AppError('not_found', 'no such response in this survey');
    await audit.record(c, { action: 'response_deleted', survey: survey.id, target: `response:${id}` });
    return c.json({ deleted: 1 });
  });

  return app;
}
