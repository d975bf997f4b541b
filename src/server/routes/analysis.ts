import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../core/errors';
import { DEFAULT_SEED } from '../read-model/map-cache';
import type { MapOptions } from '../read-model/map-compute';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { intParam } from '../http';
import { filtersOf } from './results';

/**
 * The seed and previous k from the query; k outside 2–5 is refused, so it cannot fill the
 * cache with copies. Only a signed-in organiser of the survey may choose the seed: each new seed is a fresh
 * computation (about a second at 100,000 responses), which a public caller must not be able
 * to ask for at will.
 */
function optionsOf(c: Context, organiser: boolean): MapOptions {
  const asked = intParam(c.req.query('seed'), 'seed');
  if (asked !== undefined && asked !== DEFAULT_SEED && !organiser) throw new AppError('unauthorized', 'only the organiser may choose the seed');
  const seed = asked ?? DEFAULT_SEED;
  const previousK = intParam(c.req.query('k'), 'k');
  if (previousK !== undefined && (previousK < 2 || previousK > 5)) throw new AppError('bad_request', 'k must be between 2 and 5');
  return previousK === undefined ? { seed } : { seed, previousK };
}

/** The opinion map: consensus, division, opinion groups and declared × found (issue 7). */
export function analysisRoutes({ store, readModel }: Services): Hono {
  const app = new Hono();

  app.get('/surveys/:id/analysis', async (c) => {
    const latest = await surveyParam(c, store);
    const version = intParam(c.req.query('version'), 'version');
    const survey = version === undefined ? latest : await surveyParam(c, store, version);
    const { body, etag } = await readModel.maps.map(survey, filtersOf(c), optionsOf(c, c.get('principal') !== undefined));
    c.header('ETag', etag);
    c.header('Cache-Control', survey.resultsPublic ? 'no-cache' : 'private, no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  return app;
}
