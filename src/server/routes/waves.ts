import { randomInt } from 'node:crypto';
import { Hono } from 'hono';
import { AppError, isAppError } from '../../core/errors';
import { parseQuotas } from '../../core/quotas';
import { WaveSchema } from '../../core/response';
import type { WaveDefinition } from '../../core/waves';
import { WaveDefinitionSchema, isClosed, newJoinCode, normaliseJoinCode } from '../../core/waves';
import { isJsonObject } from '../../core/weighting-input';
import { MAX_BODY_BYTES } from '../../core/wire';
import type { Services } from '../context';
import { isoNow, joinUrlOf, surveyParam } from '../context';
import { issuePaths, param, parseJson, readBody, readJson } from '../http';
import type { Store, WaveWithCode } from '../store/types';

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

const randomUnit = () => randomInt(2 ** 32) / 2 ** 32;

/**
 * Stores a wave with its join code: the code it already has, else a new one. A new code
 * that another wave took in the meantime (another process, or a one-in-a-billion clash)
 * is drawn again.
 */
async function saveWave(store: Store, surveyId: string, wave: WaveDefinition, code: string | undefined): Promise<WaveWithCode> {
  for (let attempt = 0; ; attempt++) {
    const withCode = { ...wave, code: code ?? newJoinCode(randomUnit) };
    try {
      await store.putWave(surveyId, withCode);
      return withCode;
    } catch (error) {
      if (code !== undefined || attempt >= 5 || !isAppError(error, 'conflict')) throw error;
    }
  }
}

/** Registering, closing and clearing waves (editors), listing them (viewers), and opening one by its join code (public). */
export function waveRoutes({ store, clock, config, audit }: Services): Hono {
  const app = new Hono();
  const answer = (wave: WaveWithCode) => ({ ...wave, joinUrl: joinUrlOf(config, wave.code) });

  app.get('/surveys/:id/waves', async (c) => {
    const survey = await surveyParam(c, store);
    return c.json((await store.listWaves(survey.id)).map(answer));
  });

  app.post('/surveys/:id/waves', async (c) => {
    const survey = await surveyParam(c, store);
    const body = await readJson(c, MAX_BODY_BYTES);
    // Quotas first, against the latest version's groups, so a bad one gets its reason (unknown group, not a whole number).
    if (isJsonObject(body) && body.quotas !== undefined) parseQuotas(survey, body.quotas);
    const parsed = WaveDefinitionSchema.safeParse(body);
    if (!parsed.success) throw new AppError('invalid', 'the wave is not valid', { issues: issuePaths(parsed.error.issues) });
    const existed = await store.getWave(survey.id, parsed.data.slug);
    const saved = await saveWave(store, survey.id, parsed.data, existed?.code);
    await audit.record(c, { action: 'wave_saved', survey: survey.id, target: `wave:${saved.slug}`, details: { created: !existed } });
    return c.json(answer(saved), existed ? 200 : 201);
  });

  // Closing takes effect by submission time: responses made before `at` still count when they arrive later.
  app.post('/surveys/:id/waves/:slug/close', async (c) => {
    const survey = await surveyParam(c, store);
    const slug = param(WaveSchema, c.req.param('slug'), 'wave');
    const text = await readBody(c, MAX_BODY_BYTES);
    const now = isoNow(clock);
    const at = closeAt(text, now);
    const existing = await store.getWave(survey.id, slug);
    const wave: WaveDefinition = existing ?? { slug, label: { ko: slug, en: slug }, startsAt: now, oneResponsePerDevice: false };
    const parsed = WaveDefinitionSchema.safeParse({ ...wave, closesAt: at });
    if (!parsed.success) throw new AppError('invalid', '"at" must be an ISO 8601 UTC time', { issues: issuePaths(parsed.error.issues) });
    const saved = await saveWave(store, survey.id, parsed.data, existing?.code);
    await audit.record(c, { action: 'wave_closed', survey: survey.id, target: `wave:${slug}`, details: { at: saved.closesAt } });
    return c.json(answer(saved));
  });

  app.delete('/surveys/:id/waves/:slug/responses', async (c) => {
    const survey = await surveyParam(c, store);
    const slug = param(WaveSchema, c.req.param('slug'), 'wave');
    // Bulk deletion is for rehearsals: a real session's answers go one by one, or not at all.
    if (!(await store.getWave(survey.id, slug))?.test) {
      throw new AppError('conflict', `wave "${slug}" is not marked as a test wave, so its responses cannot be deleted together; delete single responses by id instead`, { reason: 'not_test_wave' });
    }
    const deleted = await store.deleteWave(survey.id, slug);
    await audit.record(c, { action: 'wave_responses_deleted', survey: survey.id, target: `wave:${slug}`, details: { deleted } });
    return c.json({ deleted });
  });

  // Public: a code is shown on the projector for anyone in the hall to type.
  app.get('/join/:code', async (c) => {
    const code = normaliseJoinCode(c.req.param('code'));
    const found = code ? await store.findWaveByCode(code) : undefined;
    if (!found) throw new AppError('not_found', 'no wave has this join code; check the code on the screen', { reason: 'unknown_code' });
    const { surveyId, wave } = found;
    c.header('Cache-Control', 'no-cache');
    return c.json({
      code: wave.code, surveyId, wave: wave.slug, channel: wave.channel ?? 'conference', label: wave.label,
      startsAt: wave.startsAt, closesAt: wave.closesAt ?? null, closed: isClosed(wave, clock()), oneResponsePerDevice: wave.oneResponsePerDevice,
    });
  });

  return app;
}
