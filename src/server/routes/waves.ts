import { Hono } from 'hono';
import { AppError } from '../../core/errors';
import { WaveSchema } from '../../core/response';
import { WaveDefinitionSchema } from '../../core/waves';
import type { WaveDefinition } from '../../core/waves';
import { MAX_BODY_BYTES } from '../../core/wire';
import { organiserOnly } from '../auth';
import type { Services } from '../context';
import { isoNow, surveyParam } from '../context';
import { issuePaths, param, parseJson, readBody, readJson } from '../http';

/**
 * When to close: now for an empty body, else the `at` of a `{"at": …}` object (null or
 * absent also meaning now). Any other JSON, or another key (a typo of `at`), is refused
 * rather than read as "close now".
 */
function closeAt(text: string, now: string): unknown {
  if (text.trim() === '') return now;
  const body = parseJson(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).some((key) => key !== 'at')) {
    throw new AppError('bad_request', 'expected no body or {"at": "<ISO 8601 UTC time>"}');
  }
  return (Object.hasOwn(body, 'at') ? (body as { at: unknown }).at : undefined) ?? now;
}

/** Registering, listing, closing and clearing waves; all organiser only. */
export function waveRoutes({ store, clock, config }: Services): Hono {
  const app = new Hono();
  const organiser = organiserOnly(config.adminToken);

  app.get('/surveys/:id/waves', organiser, async (c) => {
    const survey = await surveyParam(c, store);
    return c.json(await store.listWaves(survey.id));
  });

  app.post('/surveys/:id/waves', organiser, async (c) => {
    const survey = await surveyParam(c, store);
    const parsed = WaveDefinitionSchema.safeParse(await readJson(c, MAX_BODY_BYTES));
    if (!parsed.success) throw new AppError('invalid', 'the wave is not valid', { issues: issuePaths(parsed.error.issues) });
    const existed = await store.getWave(survey.id, parsed.data.slug);
    await store.putWave(survey.id, parsed.data);
    return c.json(parsed.data, existed ? 200 : 201);
  });

  // Closing takes effect by submission time: responses made before `at` still count when they arrive later.
  app.post('/surveys/:id/waves/:slug/close', organiser, async (c) => {
    const survey = await surveyParam(c, store);
    const slug = param(WaveSchema, c.req.param('slug'), 'wave');
    const text = await readBody(c, MAX_BODY_BYTES);
    const now = isoNow(clock);
    const at = closeAt(text, now);
    const wave: WaveDefinition = (await store.getWave(survey.id, slug)) ?? { slug, label: slug, startsAt: now, oneResponsePerDevice: false };
    const parsed = WaveDefinitionSchema.safeParse({ ...wave, closesAt: at });
    if (!parsed.success) throw new AppError('invalid', '"at" must be an ISO 8601 UTC time', { issues: issuePaths(parsed.error.issues) });
    await store.putWave(survey.id, parsed.data);
    return c.json(parsed.data);
  });

  app.delete('/surveys/:id/waves/:slug/responses', organiser, async (c) => {
    const survey = await surveyParam(c, store);
    const slug = param(WaveSchema, c.req.param('slug'), 'wave');
    return c.json({ deleted: await store.deleteWave(survey.id, slug) });
  });

  return app;
}
