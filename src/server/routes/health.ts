import { Hono } from 'hono';
import type { Services } from '../context';

/** Liveness for load balancers and the app's connectivity check. */
export function healthRoutes({ store, config, live }: Services): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok', version: config.version, storage: store.engine, liveSubscribers: live.size }));
  return app;
}
