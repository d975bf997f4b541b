import { Hono } from 'hono';
import type { Services } from '../context';

/**
 * Liveness for load balancers and operators: the engine, and whether the database answers.
 * 503 while it does not, so a load balancer can tell; cached results are still served.
 */
export function healthRoutes({ store, config, readModel }: Services): Hono {
  const app = new Hono();
  app.get('/health', async (c) => {
    const database = await store.health();
    const body = { status: database.ok ? 'ok' : 'degraded', version: config.version, storage: store.engine, database, liveSubscribers: readModel.live.size };
    return c.json(body, database.ok ? 200 : 503);
  });
  return app;
}
