import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTH, TOKEN, pollResponse, setup, submit } from './helpers';

type App = Awaited<ReturnType<typeof setup>>['app'];

/** Every API route the app has, as `METHOD /path`, read from the app itself (middleware left out). */
function apiRoutes(app: App): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/')).map((r) => `${r.method} ${r.path}`))].sort();
}

/** What a route needs no token for when the survey's results are not public: nothing raw, nothing organiser. */
const PUBLIC = [
  'GET /api/v1/health', 'GET /api/v1/surveys', 'GET /api/v1/surveys/:id', 'GET /api/v1/surveys/:id/versions/:version',
  'GET /api/v1/surveys/:id/versions/:version/changes', 'POST /api/v1/responses', 'GET /api/v1/join/:code',
  // Signing in and out, and spending a set-password link, need no credential but their own.
  'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/set-password',
  // A field device's quota progress for a registered wave, withheld as public results are.
  'GET /api/v1/surveys/:id/waves/:slug/quotas',
];

const fill = (path: string, params: Record<string, string>) => path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));

function call(app: App, route: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const [method, path] = route.split(' ') as [string, string];
  return app.request(fill(path, params), { method, headers, body: method === 'POST' ? '{}' : undefined });
}

/** Authorization headers that must all be refused: missing, wrong, shorter, longer, huge, other schemes, two tokens. */
const WRONG: Record<string, string>[] = [
  {},
  { Authorization: '' },
  { Authorization: 'Bearer' },
  { Authorization: 'Bearer ' },
  { Authorization: 'Bearer wrong' },
  { Authorization: `Bearer ${TOKEN.slice(0, -1)}` },
  { Authorization: `Bearer ${TOKEN}x` },
  { Authorization: `Bearer ${TOKEN.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))}` },
  { Authorization: `Bearer ${'x'.repeat(8000)}` },
  { Authorization: `Bearer ${TOKEN} ${TOKEN}` },
  { Authorization: `Basic ${Buffer.from(`organiser:${TOKEN}`).toString('base64')}` },
  { Authorization: `Token ${TOKEN}` },
  { Authorization: 'Bearer \u00ff\u00fe' },
  { Cookie: `token=${TOKEN}` },
  { 'X-Stance-Token': TOKEN },
];

describe('organiser routes need the token', () => {
  it('answers 401 on every route but the public ones, with no token or a wrong one, enumerated from the app', async () => {
    const { app, store } = await setup();
    const [held] = (await submit(app, [{ ...pollResponse({ surveyId: 'private' }), answers: { agree: 3 } }])).body.results;
    const params = { id: 'private', version: '1', slug: 'open', responseId: held.id, question: 'agree' };
    const routes = apiRoutes(app);
    expect(routes.length).toBeGreaterThan(PUBLIC.length + 10);
    const open: string[] = [];
    for (const route of routes) {
      const statuses = await Promise.all(WRONG.map(async (headers) => {
        const res = await call(app, route, params, headers);
        if (res.status === 401) {
          expect(res.headers.get('www-authenticate')).toBe('Bearer realm="stance"');
          expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
        }
        return res.status;
      }));
      if (statuses.some((s) => s !== 401)) open.push(route);
      if (!PUBLIC.includes(route)) {
        expect(statuses, route).toEqual(WRONG.map(() => 401));
        // The right token gets past the check (on ids that match nothing, so nothing is deleted).
        expect((await call(app, route, { ...params, responseId: 'x', slug: 'nothing-here' }, AUTH)).status, route).not.toBe(401);
      }
    }
    expect(open).toEqual([...PUBLIC].sort());
    // Every DELETE without the token was refused: the response is still there.
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM responses').get() as { n: number }).n).toBe(1);
  });

  it('accepts the scheme in any case and refuses everything when no organiser token is configured', async () => {
    const { app } = await setup();
    expect((await app.request('/api/v1/surveys/private/results', { headers: { Authorization: `bearer ${TOKEN}` } })).status).toBe(200);
    const locked = await setup({ config: { adminToken: '' } });
    for (const headers of [{}, { Authorization: 'Bearer ' }, { Authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      expect((await locked.app.request('/api/v1/surveys/poll/responses.ndjson', { headers })).status).toBe(401);
    }
  });
});

/** Reads a text/event-stream until the first `results` event, then hangs up. */
async function firstEvent(res: Response): Promise<string> {
  const reader = res.body!.getReader();
  let text = '';
  for (let i = 0; i < 20 && !text.includes('event: results'); i++) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
  return text;
}

describe('raw responses are never public', () => {
  it('no route reachable without the token returns an id, a comment or a collector name', async () => {
    const { app } = await setup();
    const marker = 'raw-marker-7f3a';
    const items = [...Array.from({ length: 6 }, (_, i) => pollResponse({ collector: `${marker}-c${i}` }, { why: `${marker} comment ${i}` })), { ...pollResponse({ surveyId: 'private', collector: marker }), answers: { agree: 2 } }];
    expect((await submit(app, items)).body.results.every((r: { status: string }) => r.status === 'stored')).toBe(true);
    const secrets = [marker, ...items.map((r) => r.id)];
    for (const route of apiRoutes(app).filter((r) => r.startsWith('GET '))) {
      for (const id of ['poll', 'private']) {
        const params = { id, version: '1', slug: 'open', responseId: items[0]!.id, question: 'why' };
        const res = await call(app, route, params);
        const text = res.headers.get('content-type')?.startsWith('text/event-stream') ? await firstEvent(res) : await res.text();
        for (const secret of secrets) expect(text, `${route} (${id})`).not.toContain(secret);
      }
    }
  });
});

/** A minimal RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('CSV export', () => {
  it('neutralises every cell a spreadsheet would read as a formula, whatever the comment, collector, wave or device', async () => {
    const { app } = await setup();
    const lead = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '=cmd|', '@SUM(', '+1+', '-2-');
    const text = fc.tuple(lead, fc.string({ maxLength: 30 })).map(([a, b]) => `${a}${b}`);
    const slugLead = fc.constantFrom('-', '-x', '--1');
    await fc.assert(
      fc.asyncProperty(text, text, slugLead, async (comment, collector, wave) => {
        const why = comment.trim() || '=1';
        const r = pollResponse({ collector: collector.slice(0, 80) || '=1', wave: `${wave}w`, device: `-${'d'.repeat(10)}` }, { why });
        expect((await submit(app, [r])).body.results[0].status).toBe('stored');
      }),
      { numRuns: 150 },
    );
    const res = await app.request('/api/v1/surveys/poll/responses.csv', { headers: AUTH });
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows.length).toBe(151);
    const cells = rows.slice(1).flat();
    const dangerous = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell));
    expect(dangerous).toEqual([]);
    expect(cells.filter((cell) => cell.startsWith("'=")).length).toBeGreaterThan(0);
  });
});
