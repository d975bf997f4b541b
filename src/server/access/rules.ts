import type { Role } from '../../core/accounts';

/** Where every API route lives. */
export const API_BASE = '/api/v1';

/**
 * What a route needs: nothing (`public`), any signed-in organiser (`signed-in`), or at
 * least a role. `survey: 'path'` means `:id` names a survey the account must be granted
 * (else 404, so its existence is not revealed); `'body'` means the route checks the
 * surveys its body names itself. `openWhen: 'resultsPublic'` lets anyone in when the
 * survey's results are public.
 */
export type Rule = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  need: 'public' | 'signed-in' | Role;
  survey?: 'path' | 'body';
  openWhen?: 'resultsPublic';
};

/**
 * The one access table of the API (DESIGN §8), read by `authorize` before any handler
 * runs. A route missing here is treated as owner-only, and tests/server/access-matrix.test.ts
 * fails until it gets its row; docs/api.md says how to choose one.
 */
export const RULES: readonly Rule[] = [
  // Respondents and anyone: nothing raw, nothing organiser.
  { method: 'GET', path: '/health', need: 'public' },
  { method: 'GET', path: '/surveys', need: 'public' },
  { method: 'GET', path: '/surveys/:id', need: 'public' },
  { method: 'GET', path: '/surveys/:id/versions/:version', need: 'public' },
  { method: 'GET', path: '/surveys/:id/versions/:version/changes', need: 'public' },
  { method: 'POST', path: '/responses', need: 'public' },
  { method: 'GET', path: '/join/:code', need: 'public' },
  // Field devices: a registered wave's quotas filling, withheld as results are (routes/quotas.ts).
  { method: 'GET', path: '/surveys/:id/waves/:slug/quotas', need: 'public' },
  // Signing in and out; the login route has throttles of its own.
  { method: 'POST', path: '/auth/login', need: 'public' },
  { method: 'POST', path: '/auth/logout', need: 'public' },
  { method: 'POST', path: '/auth/set-password', need: 'public' },
  { method: 'GET', path: '/auth/me', need: 'signed-in' },
  // Viewers: aggregated figures of the surveys granted to them.
  { method: 'GET', path: '/surveys/:id/results', need: 'viewer', survey: 'path', openWhen: 'resultsPublic' },
  { method: 'GET', path: '/surveys/:id/live', need: 'viewer', survey: 'path', openWhen: 'resultsPublic' },
  { method: 'GET', path: '/surveys/:id/analysis', need: 'viewer', survey: 'path', openWhen: 'resultsPublic' },
  { method: 'GET', path: '/surveys/:id/overview', need: 'viewer', survey: 'path' },
  { method: 'GET', path: '/surveys/:id/waves', need: 'viewer', survey: 'path' },
  // The printable report: aggregated figures (as results), fieldwork dates and the weighting.
  { method: 'GET', path: '/surveys/:id/report', need: 'viewer', survey: 'path' },
  { method: 'GET', path: '/surveys/:id/weighting', need: 'viewer', survey: 'path' },
  // Analysts: raw data and comments.
  { method: 'GET', path: '/surveys/:id/responses.csv', need: 'analyst', survey: 'path' },
  { method: 'GET', path: '/surveys/:id/responses.ndjson', need: 'analyst', survey: 'path' },
  { method: 'GET', path: '/surveys/:id/responses.xlsx', need: 'analyst', survey: 'path' },
  { method: 'GET', path: '/surveys/:id/codebook.csv', need: 'analyst', survey: 'path' },
  { method: 'GET', path: '/surveys/:id/comments', need: 'analyst', survey: 'path' },
  // Editors: surveys, waves, moderation, deletions, imports.
  { method: 'POST', path: '/surveys', need: 'editor', survey: 'body' },
  { method: 'POST', path: '/imports', need: 'editor', survey: 'body' },
  { method: 'GET', path: '/surveys/:id/draft', need: 'editor', survey: 'path' },
  { method: 'PUT', path: '/surveys/:id/draft', need: 'editor', survey: 'path' },
  { method: 'GET', path: '/surveys/:id/draft.xlsx', need: 'editor', survey: 'path' },
  { method: 'POST', path: '/surveys/:id/draft/publish', need: 'editor', survey: 'path' },
  { method: 'POST', path: '/surveys/:id/waves', need: 'editor', survey: 'path' },
  { method: 'POST', path: '/surveys/:id/waves/:slug/close', need: 'editor', survey: 'path' },
  { method: 'PUT', path: '/surveys/:id/weighting', need: 'editor', survey: 'path' },
  { method: 'DELETE', path: '/surveys/:id/weighting', need: 'editor', survey: 'path' },
  { method: 'DELETE', path: '/surveys/:id/waves/:slug/responses', need: 'editor', survey: 'path' },
  { method: 'DELETE', path: '/surveys/:id/responses/:responseId', need: 'editor', survey: 'path' },
  { method: 'POST', path: '/surveys/:id/comments/:responseId/:question/hide', need: 'editor', survey: 'path' },
  { method: 'POST', path: '/surveys/:id/comments/:responseId/:question/unhide', need: 'editor', survey: 'path' },
  // Everyone signed in: their own tokens (owners: every token).
  { method: 'GET', path: '/tokens', need: 'signed-in' },
  { method: 'POST', path: '/tokens', need: 'signed-in' },
  { method: 'DELETE', path: '/tokens/:id', need: 'signed-in' },
  // Owners: accounts and the audit log.
  { method: 'GET', path: '/accounts', need: 'owner' },
  { method: 'POST', path: '/accounts', need: 'owner' },
  { method: 'PATCH', path: '/accounts/:username', need: 'owner' },
  { method: 'DELETE', path: '/accounts/:username', need: 'owner' },
  { method: 'POST', path: '/accounts/:username/password-link', need: 'owner' },
  { method: 'GET', path: '/audit', need: 'owner' },
  { method: 'GET', path: '/audit.csv', need: 'owner' },
];

/** The rule of a route as Hono registered it (full path), or the owner-only default for a route without one. */
export function ruleFor(rules: readonly Rule[], method: string, fullPath: string): Rule {
  const path = fullPath.startsWith(API_BASE) ? fullPath.slice(API_BASE.length) : fullPath;
  return rules.find((r) => r.method === method && r.path === path) ?? { method: 'GET', path, need: 'owner' };
}

/** The value of `:name` in `path` for a route `pattern` (both without the API base), decoded. */
export function pathParam(pattern: string, path: string, name: string): string | undefined {
  const at = pattern.split('/').indexOf(`:${name}`);
  const segment = at < 0 ? undefined : path.split('/')[at];
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
