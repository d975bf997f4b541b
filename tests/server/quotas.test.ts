import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/engines';
import { pollSurvey, pollSurveyV2, privateSurvey } from './fixtures/surveys';
import { AUTH, getJson, pollResponse, postJson, setup, submit } from './helpers';

const wave = (slug: string, quotas?: unknown) => ({ slug, label: { ko: `${slug} 조사`, en: `${slug} round` }, startsAt: '2025-06-01T09:00:00.000Z', oneResponsePerDevice: false, channel: 'field', ...(quotas === undefined ? {} : { quotas }) });
const many = (n: number, role: string, extra: object = {}) => Array.from({ length: n }, () => pollResponse({ wave: 'round1', channel: 'field', ...extra }, { role }));

describe.each(ENGINES)('quotas on %s', (engine) => {
  it('refuses quotas for unknown groups, targets that are not positive whole numbers, and surveys without groups', async () => {
    const { app, close } = await setup({ engine });
    try {
      const refused = async (quotas: unknown, survey = 'poll') => {
        const res = await postJson(app, `/api/v1/surveys/${survey}/waves`, wave('round1', quotas), AUTH);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('invalid');
        return res.body.error.details.issues.map((i: { code: string; group?: string }) => (i.group ? `${i.code}:${i.group}` : i.code));
      };
      expect(await refused({ robots: 5 })).toEqual(['unknown_group:robots']);
      expect(await refused({ industry: 0, academia: 2.5, government: -1 })).toEqual(['not_positive_integer:industry', 'not_positive_integer:academia', 'not_positive_integer:government']);
      expect(await refused({ industry: '10' })).toEqual(['not_positive_integer:industry']);
      expect(await refused([10])).toEqual(['bad_shape']);
      expect(await refused({ industry: 5 }, 'private')).toEqual(['no_segment']);
      expect((await getJson(app, '/api/v1/surveys/poll/waves', AUTH)).body).toEqual([]);
      expect((await postJson(app, '/api/v1/surveys/poll/waves', wave('round1', {}), AUTH)).status).toBe(201);
    } finally {
      await close();
    }
  });

  it('lists each wave\'s quotas filling in the overview, exact, in the order of the groups', async () => {
    const { app, close } = await setup({ engine });
    try {
      await postJson(app, '/api/v1/surveys/poll/waves', wave('round1', { academia: 4, industry: 20 }), AUTH);
      await postJson(app, '/api/v1/surveys/poll/waves', wave('round2'), AUTH);
      await submit(app, [...many(7, 'industry'), ...many(2, 'academia'), ...many(3, 'industry', { wave: 'round2' })]);
      const { body } = await getJson(app, '/api/v1/surveys/poll/overview', AUTH);
      const byWave = Object.fromEntries(body.waves.map((w: { slug: string; quotas?: unknown }) => [w.slug, w.quotas]));
      expect(byWave.round1).toEqual([{ group: 'industry', target: 20, count: 7 }, { group: 'academia', target: 4, count: 2 }]);
      expect(byWave.round2).toEqual([]);
    } finally {
      await close();
    }
  });

  it('tells anyone a registered wave\'s quota counts, withholding what the results withhold', async () => {
    const { app, close } = await setup({ engine, clock: () => Date.parse('2025-06-02T10:00:00.000Z') });
    try {
      await postJson(app, '/api/v1/surveys/poll/waves', wave('round1', { industry: 20, academia: 10, government: 5 }), AUTH);
      await submit(app, [...many(7, 'industry'), ...many(3, 'academia')]);
      const first = await getJson(app, '/api/v1/surveys/poll/waves/round1/quotas');
      expect(first.status).toBe(200);
      // academia (3) is withheld; industry is then the only other group and would give it away (total − 7), so it goes too.
      expect(first.body).toEqual({
        surveyId: 'poll', wave: 'round1', label: { ko: 'round1 조사', en: 'round1 round' }, minSegment: 5, generatedAt: '2025-06-02T10:00:00.000Z',
        quotas: [{ group: 'industry', target: 20, count: null }, { group: 'government', target: 5, count: 0 }, { group: 'academia', target: 10, count: null }],
      });
      // Now the smallest other group (government, 6) covers academia's 3; industry shows.
      await submit(app, many(6, 'government'));
      expect((await getJson(app, '/api/v1/surveys/poll/waves/round1/quotas')).body.quotas).toEqual([
        { group: 'industry', target: 20, count: 7 }, { group: 'government', target: 5, count: null }, { group: 'academia', target: 10, count: null },
      ]);
      // The public's view of one wave has no groups (core/disclosure.ts); the organiser's leaves
      // academia's 3 out rather than hide government beside it, so the quotas withhold more.
      expect((await getJson(app, '/api/v1/surveys/poll/results?wave=round1')).body.groups).toEqual([]);
      const results = await getJson(app, '/api/v1/surveys/poll/results?wave=round1', AUTH);
      expect(results.body.groups.filter((g: { withheld: boolean }) => g.withheld).map((g: { group: string }) => g.group)).toEqual(['academia']);
      await submit(app, many(2, 'academia'));
      expect((await getJson(app, '/api/v1/surveys/poll/waves/round1/quotas')).body.quotas.map((q: { count: number | null }) => q.count)).toEqual([7, 6, 5]);
      expect((await getJson(app, '/api/v1/surveys/poll/waves/open/quotas')).status).toBe(404);
      expect((await getJson(app, '/api/v1/surveys/nope/waves/round1/quotas')).status).toBe(404);
      expect((await getJson(app, '/api/v1/surveys/poll/waves/BAD_SLUG/quotas')).status).toBe(400);
    } finally {
      await close();
    }
  });

  it('withholds a count summed over versions when one version\'s part of it is withheld in that version\'s results', async () => {
    const { app, close } = await setup({ engine, surveys: [pollSurvey, pollSurveyV2, privateSurvey] });
    try {
      await postJson(app, '/api/v1/surveys/poll/waves', wave('round1', { industry: 30 }), AUTH);
      await submit(app, [...many(10, 'industry'), ...many(6, 'academia'), ...many(3, 'industry', { surveyVersion: 2 }), ...many(8, 'academia', { surveyVersion: 2 })]);
      // v2's results withhold its 3 industry (and secondary-suppress academia), so 13 minus v1's public 10 would tell the 3.
      expect((await getJson(app, '/api/v1/surveys/poll/waves/round1/quotas')).body.quotas).toEqual([{ group: 'industry', target: 30, count: null }]);
      await submit(app, many(2, 'industry', { surveyVersion: 2 }));
      expect((await getJson(app, '/api/v1/surveys/poll/waves/round1/quotas')).body.quotas).toEqual([{ group: 'industry', target: 30, count: 15 }]);
      expect((await getJson(app, '/api/v1/surveys/poll/overview', AUTH)).body.waves[0].quotas).toEqual([{ group: 'industry', target: 30, count: 15 }]);
    } finally {
      await close();
    }
  });
});
