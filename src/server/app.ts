import { Hono } from 'hono';
import { AppError } from '../core/errors';
import type { Clock } from '../core/ids';
import type { AppConfig } from './config';
import { AuditLog } from './access/audit';
import { Credentials } from './access/credentials';
import { authorize } from './auth';
import type { Services } from './context';
import { errorResponse, readBody } from './http';
import { rateLimit } from './rate-limit';
import { ReadModel } from './read-model';
import { InlineDrawer, WorkerDrawer } from './read-model/analysis-runner';
import { accountRoutes } from './routes/accounts';
import { analysisRoutes } from './routes/analysis';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { commentRoutes } from './routes/comments';
import { draftRoutes } from './routes/drafts';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { overviewRoutes } from './routes/overview';
import { quotaRoutes } from './routes/quotas';
import { reportRoutes } from './routes/report';
import { MAX_IMPORT_BYTES, responseRoutes } from './routes/responses';
import { resultRoutes } from './routes/results';
import { surveyChangeRoutes } from './routes/survey-changes';
import { surveySheetRoutes } from './routes/survey-sheets';
import { surveyRoutes } from './routes/surveys';
import { tokenRoutes } from './routes/tokens';
import { waveRoutes } from './routes/waves';
import { weightingRoutes } from './routes/weighting';
import { securityHeaders } from './security';
import { staticSite } from './static';
import type { Store } from './store/types';

/** Opinion maps that may wait for the worker; past them a request is refused with 429. */
const ANALYSIS_QUEUE = 8;

/** What the app is built from: the store, the clock, and the configuration. */
export type AppDeps = { store: Store; clock: Clock; config: AppConfig };

/**
 * Builds the whole server as a Hono app: the API under /api/v1 (a sub-app per resource)
 * and the built PWA for everything else. Listening is main.ts's job, so tests drive the
 * same app in-process with `app.request`.
 */
export function createApp({ store, clock, config }: AppDeps): Hono {
  // In production maps are drawn in a worker thread; in-process tests, with no built worker, draw inline.
  const drawer = config.analysisWorker ? new WorkerDrawer(config.analysisWorker, ANALYSIS_QUEUE) : new InlineDrawer();
  const readModel = new ReadModel(store, clock, { liveIntervalMs: config.liveIntervalMs, log: config.log, drawer });
  const credentials = new Credentials(store.accounts, clock, config.adminToken);
  const audit = new AuditLog(store.accounts, clock, config.auditRetentionDays);
  const services: Services = { store, clock, config, readModel, credentials, audit };
  const app = new Hono();

  app.onError((error, c) => errorResponse(c, error, config.log));
  app.use('*', securityHeaders());
  app.use('/api/*', async (c, next) => {
    // Backstop for bodies no route reads: every route that reads one applies its own, smaller limit.
    if (Number(c.req.header('content-length') ?? 0) > MAX_IMPORT_BYTES) await readBody(c, MAX_IMPORT_BYTES);
    c.header('Cache-Control', 'no-store');
    await next();
  });
  if (config.rateLimit) app.use('/api/*', rateLimit(config.rateLimit, clock, config.trustProxy, config));
  // Every route's access is decided here, from the rule table, before its handler runs.
  app.use('/api/v1/*', authorize(services));

  const modules = [
    healthRoutes, surveySheetRoutes, surveyRoutes, surveyChangeRoutes, draftRoutes, responseRoutes, resultRoutes, analysisRoutes, exportRoutes, waveRoutes, commentRoutes, overviewRoutes,
    weightingRoutes, quotaRoutes, reportRoutes, authRoutes, accountRoutes, tokenRoutes, auditRoutes,
  ];
  for (const routes of modules) {
    app.route('/api/v1', routes(services));
  }
  app.all('/api/*', () => {
    throw new AppError('not_found', 'no such API endpoint');
  });

  const site = config.staticDir ? staticSite(config.staticDir) : undefined;
  app.on(['GET', 'HEAD'], '*', (c) => (site ? site(c) : c.text('Not found', 404)));
  app.notFound((c) => c.text('Not found', 404));
  return app;
}
