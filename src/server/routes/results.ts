import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../core/errors';
import { CHANNELS, WaveSchema } from '../../core/response';
import type { ResultsFilters } from '../../core/results';
import { NO_GROUP } from '../../core/results';
import { SlugSchema } from '../../core/survey';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { intParam, param } from '../http';
import { eventStream, sseEvent } from '../sse';

/** The filters from the query string, each checked so it cannot smuggle anything into a cache key. */
export function filtersOf(c: Context): ResultsFilters {
  const filters: ResultsFilters = {};
  const { wave, channel, group } = c.req.query();
  if (wave) filters.wave = param(WaveSchema, wave, 'wave');
  if (channel) {
    if (!(CHANNELS as readonly string[]).includes(channel)) throw new AppError('bad_request', `channel must be one of ${CHANNELS.join(', ')}`);
    filters.channel = channel;
  }
  if (group) filters.group = group === NO_GROUP ? group : param(SlugSchema, group, 'group');
  return filters;
}

/** `?weighted=true` asks for post-stratified figures; `false` or no value for the unweighted ones. */
export function weightedParam(c: Context): boolean {
  const value = c.req.query('weighted');
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new AppError('bad_request', 'weighted must be true or false');
}

/** Results snapshots and the live stream of them. */
export function resultRoutes({ store, config, readModel }: Services): Hono {
  const app = new Hono();

  const view = async (c: Context) => {
    const latest = await surveyParam(c, store);
    const version = intParam(c.req.query('version'), 'version');
    const survey = version === undefined ? latest : await surveyParam(c, store, version);
    return { survey, filters: filtersOf(c), weighted: weightedParam(c) };
  };

  app.get('/surveys/:id/results', async (c) => {
    const { survey, filters, weighted } = await view(c);
    const { snapshot, etag } = await readModel.results.snapshot(survey, filters, weighted);
    c.header('ETag', etag);
    c.header('Cache-Control', survey.resultsPublic ? 'no-cache' : 'private, no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(snapshot);
  });

  app.get('/surveys/:id/live', async (c) => {
    const { survey, filters, weighted } = await view(c);
    const first = await readModel.results.snapshot(survey, filters, weighted);
    return eventStream(c, config.heartbeatMs, (send) => {
      send(sseEvent(first.snapshot, first.etag));
      return readModel.live.subscribe({ survey, filters, weighted, lastEtag: first.etag, send: (s, etag) => send(sseEvent(s, etag)) });
    });
  });

  return app;
}
