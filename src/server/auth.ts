import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { atLeast, granted } from '../core/accounts';
import { AppError } from '../core/errors';
import type { Principal } from './access/credentials';
import { UNSAFE_METHODS, requireSameOrigin } from './access/csrf';
import { API_BASE, type Rule, RULES, pathParam, ruleFor } from './access/rules';
import { guardStream } from './access/stream-guard';
import type { Services } from './context';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who the request acts as; set by `authorize` on every route that needs someone. */
    principal: Principal;
  }
}

/** The principal `authorize` let in; 401 if a route that needs one somehow has none. */
export function principalOf(c: Context): Principal {
  const principal = c.get('principal');
  if (!principal) throw new AppError('unauthorized', 'sign in, or send an organiser token');
  return principal;
}

/** For routes whose body names the survey (`survey: 'body'` rules): 404 unless the principal was granted it. */
export function requireGranted(c: Context, surveyId: string): void {
  if (!granted(principalOf(c).account, surveyId)) throw new AppError('not_found', `no survey ${surveyId} among this account's surveys`);
}

const versionOf = (c: Context) => {
  const raw = c.req.query('version');
  return raw && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
};

/**
 * The one place access is decided, before any handler runs: the route Hono matched is
 * looked up in the rule table (RULES), and the request is let through, or refused with 401
 * `unauthorized` (no or bad credentials), 404 (a survey not granted), 403 `forbidden` (the
 * wrong role) or 403 `csrf` (a cookie-authenticated change from another origin).
 */
export function authorize({ store, config, credentials }: Pick<Services, 'store' | 'config' | 'credentials'>, rules: readonly Rule[] = RULES): MiddlewareHandler {
  // Whether the principal may (still) do what `rule` asks on survey `surveyId`.
  const allows = (principal: Principal, rule: Rule, surveyId: string | undefined) =>
    (surveyId === undefined || granted(principal.account, surveyId)) && (rule.need === 'signed-in' || rule.need === 'public' || atLeast(principal.account.role, rule.need));

  return async (c, next) => {
    // The handler that will answer: the first matched API route (middleware and catch-alls are ALL; the site's fallback is no API route).
    const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path.startsWith(`${API_BASE}/`));
    if (!route) return next();
    const rule = ruleFor(rules, route.method, route.path);
    if (rule.need === 'public') return next();
    const surveyId = rule.survey === 'path' ? pathParam(rule.path, c.req.path.slice(API_BASE.length), 'id') : undefined;

    // Results of a public survey are open to all (and an unknown survey or version is the route's 404, as the
    // public definitions already tell); a signed-in organiser is still known (to choose an opinion map's seed).
    const opened = rule.openWhen === 'resultsPublic' && surveyId !== undefined ? await store.getSurvey(surveyId, versionOf(c)) : undefined;
    if (rule.openWhen === 'resultsPublic' && surveyId !== undefined && (!opened || opened.resultsPublic)) {
      const principal = credentials.present(c) ? await credentials.resolve(c).catch(() => undefined) : undefined;
      if (principal && allows(principal, rule, surveyId)) c.set('principal', principal);
      return next();
    }

    const principal = await credentials.resolve(c);
    if (principal.via === 'session' && UNSAFE_METHODS.has(c.req.method)) requireSameOrigin(c, config.trustProxy, config.publicUrl);
    if (surveyId !== undefined && !granted(principal.account, surveyId)) throw new AppError('not_found', `no survey ${surveyId}`);
    if (!allows(principal, rule, surveyId)) throw new AppError('forbidden', `this needs the ${rule.need} role or higher`);
    c.set('principal', principal);
    await next();

    if (c.res.headers.get('content-type')?.startsWith('text/event-stream')) {
      const again = () => credentials.resolve(c).then((p) => allows(p, rule, surveyId), (e: unknown) => (e instanceof AppError && e.code === 'unauthorized' ? false : Promise.reject(e)));
      c.res = guardStream(c.res, again, config.heartbeatMs);
    }
  };
}
