import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../core/errors';
import type { ResultsFilters } from '../../core/results';
import type { Survey } from '../../core/survey';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { intParam } from '../http';
import { TokenBuckets } from '../rate-limit';
import { DEFAULT_SEED } from '../read-model/map-cache';
import type { MapOptions } from '../read-model/map-compute';
import type { Store } from '../store/types';
import { filtersOf } from './results';

/** Fresh maps an organiser may have drawn: a burst of 10, then one every 5 seconds (a map of 100,000 takes about a second). */
const ORGANISER_BURST = 10;
const ORGANISER_PER_SECOND = 0.2;

/**
 * The seed and previous k from the query; k outside 2–5 is refused, so it cannot fill the
 * cache with copies. Only a signed-in organiser of the survey may choose the seed.
 */
function optionsOf(c: Context, organiser: boolean): MapOptions {
  const asked = intParam(c.req.query('seed'), 'seed');
  if (asked !== undefined && asked !== DEFAULT_SEED && !organiser) throw new AppError('unauthorized', 'only the organiser may choose the seed');
  const seed = asked ?? DEFAULT_SEED;
  const previousK = intParam(c.req.query('k'), 'k');
  if (previousK !== undefined && (previousK < 2 || previousK > 5)) throw new AppError('bad_request', 'k must be between 2 and 5');
  return previousK === undefined ? { seed } : { seed, previousK };
}

/**
 * The maps anyone may read: each version as a whole and each registered wave, with the
 * default seed and k. They are few (an organiser registers waves) and are drawn in the
 * background, so a public caller never makes the server compute anything.
 */
async function isPrecomputed(store: Store, survey: Survey, filters: ResultsFilters, options: MapOptions): Promise<boolean> {
  if (filters.channel !== undefined || filters.group !== undefined || options.previousK !== undefined || options.seed !== DEFAULT_SEED) return false;
  return filters.wave === undefined || (await store.getWave(survey.id, filters.wave)) !== undefined;
}

/** The opinion map: consensus, division, opinion groups and declared × found (issue 7). */
export function analysisRoutes({ store, readModel, clock }: Services): Hono {
  const app = new Hono();
  const fresh = new TokenBuckets(ORGANISER_BURST, ORGANISER_PER_SECOND, clock);

  app.get('/surveys/:id/analysis', async (c) => {
    const latest = await surveyParam(c, store);
    const version = intParam(c.req.query('version'), 'version');
    const survey = version === undefined ? latest : await surveyParam(c, store, version);
    // `authorize` let a viewer of this survey in as its principal; anyone else only reads a public survey.
    const organiser = c.get('principal') !== undefined;
    const filters = filtersOf(c);
    const options = optionsOf(c, organiser);
    let map;
    if (!organiser) {
      if (!(await isPrecomputed(store, survey, filters, options))) {
        throw new AppError('unauthorized', 'maps by channel, group, an unregistered wave or a chosen k are for the organiser only');
      }
      map = await readModel.maps.precomputed(survey, filters);
    } else {
      const wait = readModel.maps.isFresh(survey, filters, options) ? 0 : fresh.take('organiser');
      if (wait > 0) throw new AppError('too_many_requests', 'too many fresh opinion maps asked for; retry shortly', { retryAfter: wait });
      map = await readModel.maps.map(survey, filters, options);
    }
    c.header('ETag', map.etag);
    c.header('Cache-Control', survey.resultsPublic ? 'no-cache' : 'private, no-cache');
    if (c.req.header('if-none-match') === map.etag) return c.body(null, 304);
    return c.body(map.body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  return app;
}
