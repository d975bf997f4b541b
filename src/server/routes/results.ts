import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../core/errors';
import { CHANNELS, WaveSchema } from '../../core/response';
import type { ResultsFilters, ResultsSnapshot } from '../../core/results';
import { NO_GROUP } from '../../core/results';
import { SlugSchema } from '../../core/survey';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { intParam, param } from '../http';

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

const encoder = new TextEncoder();
// Snapshots are shared between subscribers of one view, so a thousand projectors and phones
// cost one serialisation per change, not a thousand.
const encoded = new WeakMap<ResultsSnapshot, Uint8Array>();

function sseEvent(snapshot: ResultsSnapshot, etag: string): Uint8Array {
  let bytes = encoded.get(snapshot);
  if (!bytes) encoded.set(snapshot, (bytes = encoder.encode(`event: results\nid: ${etag.replaceAll('"', '')}\ndata: ${JSON.stringify(snapshot)}\n\n`)));
  return bytes;
}

/** Events queued for a client that stopped reading; past this it is dropped rather than buffered forever. */
const MAX_QUEUED = 60;

/**
 * A text/event-stream response. `open` sends the first events and subscribes, returning
 * the unsubscribe function, which runs once whichever way the stream ends: the client
 * disconnects (abort or cancel), or it stops reading while events pile up.
 */
function eventStream(signal: AbortSignal, heartbeatMs: number, open: (send: (chunk: Uint8Array) => void) => () => void): Response {
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: Uint8Array) => {
        try {
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED) throw new Error('client is not reading');
          controller.enqueue(chunk);
        } catch {
          cleanup();
          try { controller.close(); } catch { /* already closed */ }
        }
      };
      send(encoder.encode('retry: 3000\n\n'));
      const unsubscribe = open(send);
      // A comment line every so often keeps proxies and phones from closing an idle stream.
      const heartbeat = setInterval(() => send(encoder.encode(': heartbeat\n\n')), heartbeatMs);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        cleanup = () => {};
      };
    },
    cancel: () => cleanup(),
  });
  signal.addEventListener('abort', () => cleanup(), { once: true });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' },
  });
}

/** Results snapshots and the live stream of them. */
export function resultRoutes({ store, config, readModel }: Services): Hono {
  const app = new Hono();

  const view = async (c: Context) => {
    const latest = await surveyParam(c, store);
    const version = intParam(c.req.query('version'), 'version');
    const survey = version === undefined ? latest : await surveyParam(c, store, version);
    return { survey, filters: filtersOf(c) };
  };

  app.get('/surveys/:id/results', async (c) => {
    const { survey, filters } = await view(c);
    const { snapshot, etag } = await readModel.results.snapshot(survey, filters);
    c.header('ETag', etag);
    c.header('Cache-Control', survey.resultsPublic ? 'no-cache' : 'private, no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(snapshot);
  });

  app.get('/surveys/:id/live', async (c) => {
    const { survey, filters } = await view(c);
    const first = await readModel.results.snapshot(survey, filters);
    return eventStream(c.req.raw.signal, config.heartbeatMs, (send) => {
      send(sseEvent(first.snapshot, first.etag));
      return readModel.live.subscribe({ survey, filters, lastEtag: first.etag, send: (s, etag) => send(sseEvent(s, etag)) });
    });
  });

  return app;
}
