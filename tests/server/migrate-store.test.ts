import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInSurveys } from '../../src/core/surveys';
import { createApp } from '../../src/server/app';
import { appConfig } from '../../src/server/config';
import { migrateStore } from '../../src/server/store/migrate';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Store } from '../../src/server/store/types';
import { loadSurveys } from '../../src/server/survey-files';
import { openTestStore } from '../support/engines';
import { pollSurvey, pollSurveyV2, privateSurvey } from './fixtures/surveys';
import { AUTH, TOKEN, getJson, pollResponse, postJson, submit } from './helpers';
import { PASSWORD, addAccount, makeToken, send, signIn } from './accounts-helpers';

const clock = () => Date.parse('2025-06-02T12:00:00.000Z');
const appOn = (store: Store, surveysDir?: string) => createApp({ store, clock, config: appConfig({ adminToken: TOKEN, rateLimit: false, surveysDir, log: () => undefined }) });

/** A SQLite deployment with every kind of data: versions added by file, waves of every setting, responses, comments hidden and not, a deletion. */
async function deployment() {
  const dir = await mkdtemp(join(tmpdir(), 'stance-migrate-'));
  const store = new SqliteStore(join(dir, 'stance.db'), clock);
  await loadSurveys(store, builtInSurveys, join(dir, 'surveys'));
  const app = appOn(store, join(dir, 'surveys'));
  for (const s of [pollSurvey, pollSurveyV2, privateSurvey]) expect((await postJson(app, '/api/v1/surveys', s, AUTH)).status).toBe(201);
  const wave = (slug: string, extra: object) => postJson(app, '/api/v1/surveys/poll/waves', { slug, label: { ko: `${slug} 세션`, en: `${slug} session` }, startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false, ...extra }, AUTH);
  await wave('am', { channel: 'field', quotas: { industry: 20, academia: 5 } });
  await wave('pm', { oneResponsePerDevice: true, test: true });
  await app.request('/api/v1/surveys/poll/waves/am/close', { method: 'POST', headers: AUTH, body: JSON.stringify({ at: '2025-06-01T12:00:00.000Z' }) });
  const items = [
    ...Array.from({ length: 14 }, (_, i) => pollResponse({ wave: 'am', channel: 'field', collector: '김연구' }, { agree: (i % 5) + 1, why: `의견 ${i}` })),
    ...Array.from({ length: 9 }, (_, i) => pollResponse({ wave: 'pm', device: `device-pm-${i}` }, { role: 'academia', spec: i - 4 })),
    ...Array.from({ length: 7 }, () => pollResponse({ surveyVersion: 2, channel: 'conference' }, { role: 'government' })),
  ];
  for (let i = 0; i < items.length; i += 10) await submit(app, items.slice(i, i + 10));
  await submit(app, [{ id: pollResponse().id, surveyId: 'private', surveyVersion: 1, wave: 'open', channel: 'web', device: 'device-0001', locale: 'en', startedAt: '2025-06-01T09:00:00.000Z', submittedAt: '2025-06-01T09:01:00.000Z', answers: { agree: 6 } }]);
  await app.request(`/api/v1/surveys/poll/responses/${items[0]!.id}`, { method: 'DELETE', headers: AUTH });
  await postJson(app, `/api/v1/surveys/poll/comments/${items[1]!.id}/why/hide`, '', AUTH);
  await app.request('/api/v1/surveys/poll/weighting', { method: 'PUT', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ shares: { industry: 0.5, academia: 0.3, government: 0.2 } }) });
  await addAccount(app, 'olivia', 'owner');
  await addAccount(app, '연구자', 'analyst', ['poll']);
  await addAccount(app, 'pending', 'viewer', ['private'], null);
  const token = await makeToken(app, await signIn(app, '연구자'), 'R export');
  const draft = (body: unknown, ifMatch?: string) =>
    app.request('/api/v1/surveys/poll/draft', { method: 'PUT', headers: { ...AUTH, 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) }, body: JSON.stringify(body) });
  await draft({ ...pollSurveyV2, title: { ko: '초안', en: 'Draft' } });
  await draft({ ...pollSurveyV2, title: { ko: '초안 2', en: '' } }, '"draft-1"');
  return { store, app, token };
}

const VIEWS = ['', '?wave=am', '?channel=field', '?group=academia', '?version=2', '?wave=pm&group=academia', '?weighted=true', '?version=2&weighted=true'];

async function figures(app: ReturnType<typeof appOn>, survey = 'poll') {
  const out: Record<string, unknown> = {};
  for (const view of VIEWS) {
    const { body } = await getJson(app, `/api/v1/surveys/${survey}/results${view}`, AUTH);
    delete body.generatedAt;
    out[view] = body;
  }
  out.overview = (await getJson(app, `/api/v1/surveys/${survey}/overview`, AUTH)).body;
  out.comments = (await getJson(app, `/api/v1/surveys/${survey}/comments`, AUTH)).body;
  out.waves = (await getJson(app, `/api/v1/surveys/${survey}/waves`, AUTH)).body;
  out.private = (await getJson(app, '/api/v1/surveys/private/results', AUTH)).body.count;
  return out;
}

describe('migrate-store: a SQLite deployment into PostgreSQL', () => {
  it('copies every kind of data, twice, with the counts and the results the same on both sides', async () => {
    const source = await deployment();
    const { store: target } = await openTestStore('postgres', { clock });
    const first = await migrateStore(source.store, target);
    expect(first.ok).toBe(true);
    expect(first.copied).toBe(30);
    expect(first.lines).toEqual(expect.arrayContaining([
      { what: 'poll: responses', source: 29, target: 29 },
      { what: 'poll: hidden comments', source: 1, target: 1 },
      { what: 'poll: waves', source: 2, target: 2 },
      { what: 'poll: weighting', source: 1, target: 1 },
      { what: 'tally rows identical', source: 1, target: 1 },
      { what: 'drafts', source: 1, target: 1 },
    ]));
    expect(first.lines).toEqual(expect.arrayContaining([
      { what: 'organiser accounts', source: 3, target: 3 },
      { what: 'API tokens', source: 1, target: 1 },
      // Three accounts, a set-password link, a sign-in and a token, and the deployment's own uploads, waves, deletion, hide and weighting.
      { what: 'audit entries', source: 15, target: 15 },
    ]));
    expect(await target.drafts.get('poll')).toEqual(await source.store.drafts.get('poll'));
    expect((await target.drafts.get('poll'))?.revision).toBe(2);
    const second = await migrateStore(source.store, target);
    expect(second.lines).toEqual(first.lines);
    expect(second.ok).toBe(true);
    const pg = appOn(target);
    expect(await figures(pg)).toEqual(await figures(source.app));
    // The same people sign in with the same passwords, scripts keep their tokens, owners read the same log.
    expect((await send(pg, 'GET', '/api/v1/surveys/poll/responses.ndjson', undefined, { Authorization: `Bearer ${source.token.token}` })).status).toBe(200);
    expect((await signIn(pg, 'olivia', PASSWORD)).length).toBeGreaterThan(0);
    const log = async (app: typeof pg) => (await send(app, 'GET', '/api/v1/audit?limit=1000', undefined, AUTH)).body.entries;
    expect((await log(pg)).map((e: { action: string }) => e.action).slice(0, 2)).toEqual(['login', 'export']);
    expect((await log(pg)).slice(2)).toEqual(await log(source.app));
  });

  it('says the counts differ when the target holds data the source does not', async () => {
    const source = await deployment();
    const { store: target } = await openTestStore('postgres', { clock });
    await target.putSurvey(pollSurvey);
    await submit(appOn(target), [pollResponse({ wave: 'elsewhere' })]);
    const report = await migrateStore(source.store, target);
    expect(report.ok).toBe(false);
    expect(report.lines.find((l) => l.what === 'poll: responses')).toEqual({ what: 'poll: responses', source: 29, target: 30 });
  });
});
