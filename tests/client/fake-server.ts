import { canonicalJson } from '../../src/core/canonical';
import type { Response as StanceResponse } from '../../src/core/response';
import type { ItemResult } from '../../src/core/wire';

/** How the fake server treats one POST: normally, or one of the failures the network can produce. */
export type Script =
  | 'ok'
  | 'network' // the request never reaches the server
  | 'lost-answer' // the server stores the batch, then the connection drops
  | 'mismatch' // an answer for other ids
  | { status: number; retryAfter?: string; body?: unknown };

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A scripted stand-in for the Stance server's `POST /responses` and GET routes, behind a fake `fetch`. */
export function fakeServer() {
  const stored = new Map<string, string>();
  const batches: string[][] = [];
  const devices: (string | null)[] = [];
  /** The `X-Stance-Device-Token` each POST carried, and the one the fake hands out (none until set). */
  const tokens: (string | null)[] = [];
  let issue: string | undefined;
  const script: Script[] = [];
  const gets = new Map<string, () => Response>();
  const rejectSurveyVersions = new Set<number>();
  let inFlight = 0;
  let maxInFlight = 0;
  let delayMs = 0;
  let maxItems = Infinity;

  const verdict = (r: StanceResponse): ItemResult => {
    if (rejectSurveyVersions.has(r.surveyVersion)) return { id: r.id, status: 'rejected', error: { code: 'unknown_survey', message: 'unknown version' } };
    const content = canonicalJson(r);
    const before = stored.get(r.id);
    if (before === undefined) return stored.set(r.id, content), { id: r.id, status: 'stored' };
    return before === content ? { id: r.id, status: 'duplicate' } : { id: r.id, status: 'rejected', error: { code: 'conflict', message: 'other content' } };
  };

  const post = async (init: RequestInit): Promise<Response> => {
    const step = script.shift() ?? 'ok';
    if (step === 'network') throw new TypeError('Failed to fetch');
    const { responses } = JSON.parse(String(init.body)) as { responses: StanceResponse[] };
    if (typeof step === 'object') return json(step.body ?? { error: { code: 'server', message: 'scripted' } }, step.status, step.retryAfter ? { 'retry-after': step.retryAfter } : {});
    if (responses.length > maxItems) return json({ error: { code: 'too_large', message: 'too large' } }, 413);
    batches.push(responses.map((r) => r.id));
    devices.push(new Headers(init.headers).get('x-stance-device'));
    tokens.push(new Headers(init.headers).get('x-stance-device-token'));
    const results = responses.map(verdict);
    if (step === 'lost-answer') throw new TypeError('network connection lost');
    if (step === 'mismatch') return json({ results: results.map((r, i) => ({ ...r, id: responses[(i + 1) % responses.length]!.id })).slice(1) });
    return json({ results }, 200, issue ? { 'x-stance-device-token': issue } : {});
  };

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const url = String(input);
      if (init.method === 'POST' && url.endsWith('/api/v1/responses')) return await post(init);
      const route = gets.get(url.replace(/^https?:\/\/[^/]+/, ''));
      if (route) return route();
      return json({ error: { code: 'not_found', message: url } }, 404);
    } finally {
      inFlight--;
    }
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    stored,
    batches,
    devices,
    tokens,
    issueToken: (token: string | undefined) => (issue = token),
    script,
    gets,
    rejectSurveyVersions,
    json,
    maxInFlight: () => maxInFlight,
    setDelay: (ms: number) => (delayMs = ms),
    setMaxItems: (n: number) => (maxItems = n),
  };
}
