import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { appConfig } from '../../src/server/config';
import { PgStore } from '../../src/server/store/postgres';
import { ENGINES, openTestStore } from '../support/engines';
import { pollSurvey } from './fixtures/surveys';
import { openLive } from './live-reader';
import { AUTH, TOKEN, getJson, pollResponse, setup, submit } from './helpers';

type App = Awaited<ReturnType<typeof setup>>['app'];

const put = (app: App, body: unknown, headers: Record<string, string> = AUTH, survey = 'poll') =>
  app.request(`/api/v1/surveys/${survey}/weighting`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** The planted sample of the issue: 10 industry respondents all at 1, 10 academia all at 5. */
const planted = () => [
  ...Array.from({ length: 10 }, () => pollResponse({}, { role: 'industry', agree: 1 })),
  ...Array.from({ length: 10 }, () => pollResponse({}, { role: 'academia', agree: 5 })),
];

describe.each(ENGINES)('weighting over HTTP on %s', (engine) => {
  it('refuses bad shares with 400 and every reason, and needs the organiser', async () => {
    const { app, store, close } = await setup({ engine });
    try {
      const reasons = async (body: unknown, survey = 'poll') => {
        const res = await put(app, body, AUTH, survey);
        expect(res.status).toBe(400);
        const { error } = (await res.json()) as { error: { code: string; details: { issues: { code: string; group?: string }[] } } };
        expect(error.code).toBe('invalid');
        return error.details.issues.map((i) => (i.group ? `${i.code}:${i.group}` : i.code));
      };
      expect(await reasons({ shares: { industry: 0.5, academia: 0.4 } })).toEqual(['sum_not_one']);
      expect(await reasons({ shares: { industry: 1.2, academia: -0.2 } })).toEqual(['negative:academia']);
      expect(await reasons({ shares: { industry: 0.5, robots: 0.5 } })).toEqual(['unknown_group:robots']);
      expect(await reasons({ shares: { industry: '0.5', academia: 0.5 } })).toEqual(['not_a_number:industry']);
      expect(await reasons({ shares: {} })).toEqual(['bad_shape']);
      expect(await reasons([0.5, 0.5])).toEqual(['bad_shape']);
      expect(await reasons({ shares: { x: 1 } }, 'private')).toEqual(['no_segment']);
      expect((await put(app, '{"shares":')).status).toBe(400);
      expect((await put(app, { shares: { industry: 1 } }, {})).status).toBe(401);
      expect((await app.request('/api/v1/surveys/poll/weighting', { method: 'DELETE' })).status).toBe(401);
      expect((await put(app, { shares: { industry: 1 } }, AUTH, 'nope')).status).toBe(404);
      expect(await store.getWeighting('poll')).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('weights the planted sample to 1.8 beside an unweighted 3.0, with its own ETag, until the weighting goes', async () => {
    const { app, close } = await setup({ engine });
    try {
      await submit(app, planted());
      expect((await getJson(app, '/api/v1/surveys/poll/weighting', AUTH)).status).toBe(404);
      const saved = await put(app, { shares: { industry: 0.8, academia: 0.2 } });
      expect(saved.status).toBe(200);
      expect(await saved.json()).toEqual({ shares: { industry: 0.8, academia: 0.2 } });
      expect((await getJson(app, '/api/v1/surveys/poll/weighting', AUTH)).body).toEqual({ shares: { industry: 0.8, academia: 0.2 } });

      const plain = await getJson(app, '/api/v1/surveys/poll/results');
      const weighted = await getJson(app, '/api/v1/surveys/poll/results?weighted=true');
      expect(plain.body.overall.questions.agree.mean).toBe(3);
      expect(plain.body.weighting).toBeUndefined();
      expect(weighted.body.overall.questions.agree.mean).toBe(1.8);
      expect(weighted.body.count).toBe(20);
      // Kish: weights 0.08 and 0.02 over ten each give (Σw)² / Σw² = 1 / (10·0.0064 + 10·0.0004) = 14.7059.
      expect(weighted.body.weighting).toEqual({ shares: { industry: 0.8, academia: 0.2 }, effectiveN: 14.7059, excluded: [] });
      expect(weighted.body.groups).toEqual(plain.body.groups);
      expect(weighted.headers.get('etag')).not.toBe(plain.headers.get('etag'));
      expect((await getJson(app, '/api/v1/surveys/poll/results?weighted=false')).headers.get('etag')).toBe(plain.headers.get('etag'));
      const again = await app.request('/api/v1/surveys/poll/results?weighted=true', { headers: { 'if-none-match': weighted.headers.get('etag')! } });
      expect(again.status).toBe(304);

      await put(app, { shares: { industry: 0.5, academia: 0.5 } });
      const even = await getJson(app, '/api/v1/surveys/poll/results?weighted=true');
      expect(even.body.overall.questions.agree.mean).toBe(3);
      expect(even.headers.get('etag')).not.toBe(weighted.headers.get('etag'));
      expect((await getJson(app, '/api/v1/surveys/poll/results')).headers.get('etag')).toBe(plain.headers.get('etag'));

      expect((await app.request('/api/v1/surveys/poll/weighting', { method: 'DELETE', headers: AUTH })).status).toBe(204);
      expect((await app.request('/api/v1/surveys/poll/weighting', { method: 'DELETE', headers: AUTH })).status).toBe(404);
      const gone = await getJson(app, '/api/v1/surveys/poll/results?weighted=true');
      expect(gone.body.weighting).toBeUndefined();
      expect(gone.body.overall.questions.agree.mean).toBe(3);
      expect(gone.headers.get('etag')).not.toBe(plain.headers.get('etag'));
      expect((await getJson(app, '/api/v1/surveys/poll/results?weighted=yes')).status).toBe(400);
    } finally {
      await close();
    }
  });

  it('names a group without a share as excluded, and lists the weighting in the overview', async () => {
    const { app, close } = await setup({ engine });
    try {
      await submit(app, [...planted(), ...Array.from({ length: 6 }, () => pollResponse({}, { role: 'government', agree: 3 }))]);
      await put(app, { shares: { industry: 0.8, academia: 0.2 } });
      const { body } = await getJson(app, '/api/v1/surveys/poll/results?weighted=true');
      expect(body.weighting.excluded).toEqual(['government']);
      expect(body.count).toBe(20);
      expect(body.overall.questions.agree.mean).toBe(1.8);
      expect((await getJson(app, '/api/v1/surveys/poll/overview', AUTH)).body.weighting).toEqual({ shares: { industry: 0.8, academia: 0.2 } });
    } finally {
      await close();
    }
  });
});

describe('the weighted live stream', () => {
  it('pushes weighted figures, and pushes again when the weighting changes while the unweighted stream stays quiet', async () => {
    const { app, close } = await setup();
    try {
      await submit(app, planted());
      await put(app, { shares: { industry: 0.8, academia: 0.2 } });
      const weighted = await openLive(app, '/api/v1/surveys/poll/live?weighted=true');
      const plain = await openLive(app, '/api/v1/surveys/poll/live');
      expect((await weighted.next()).data.overall.questions.agree.mean).toBe(1.8);
      expect((await plain.next()).data.overall.questions.agree.mean).toBe(3);
      await put(app, { shares: { industry: 0.2, academia: 0.8 } });
      const next = await weighted.next();
      expect(next.data.overall.questions.agree.mean).toBe(4.2);
      expect(next.data.weighting.shares).toEqual({ industry: 0.2, academia: 0.8 });
      await expect(plain.next(300)).rejects.toThrow('no event in time');
      await Promise.all([weighted.close(), plain.close()]);
    } finally {
      await close();
    }
  });
});

describe('weighting with two processes on one PostgreSQL database', () => {
  it('a weighting set through one process changes the other process\'s weighted results and live stream', async () => {
    const { store: first, url } = await openTestStore('postgres');
    const second = await PgStore.open({ url: url!, log: () => undefined });
    const config = appConfig({ adminToken: TOKEN, rateLimit: false, log: () => undefined });
    const a = createApp({ store: first, clock: Date.now, config });
    const b = createApp({ store: second, clock: Date.now, config });
    try {
      await first.putSurvey(pollSurvey);
      await submit(a, planted());
      const live = await openLive(b, '/api/v1/surveys/poll/live?weighted=true');
      expect((await live.next(5000)).data.overall.questions.agree.mean).toBe(3);
      await put(a, { shares: { industry: 0.8, academia: 0.2 } });
      expect((await live.next(5000)).data.overall.questions.agree.mean).toBe(1.8);
      expect((await getJson(b, '/api/v1/surveys/poll/results?weighted=true')).body.weighting.shares).toEqual({ industry: 0.8, academia: 0.2 });
      await live.close();
    } finally {
      await second.close();
    }
  });
});
