import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/engines';
import { pollSurvey, pollSurveyV2 } from './fixtures/surveys';
import { AUTH, getJson, pollResponse, setup, submit } from './helpers';

describe.each(ENGINES)('GET /surveys/:id/report on %s', (engine) => {
  it('gives the view\'s results, fieldwork dates, weighting and changes, and withholds the dates with the count', async () => {
    const { app, store, close } = await setup({ engine, surveys: [pollSurvey, pollSurveyV2], clock: () => Date.parse('2025-07-01T00:00:00.000Z') });
    try {
      const at = (day: number, role: string, agree: number) => pollResponse({ surveyVersion: 2, submittedAt: `2025-06-0${day}T10:00:00.000Z`, startedAt: `2025-06-0${day}T09:50:00.000Z` }, { role, agree });
      await submit(app, [at(3, 'industry', 1), at(1, 'industry', 1), at(2, 'industry', 1), at(4, 'industry', 1), at(5, 'industry', 1), ...[1, 2, 3, 4, 5].map((d) => at(d, 'academia', 5))]);
      await store.putWeighting('poll', { shares: { industry: 0.8, academia: 0.2 } });
      expect((await getJson(app, '/api/v1/surveys/poll/report')).status).toBe(401);
      const { status, body } = await getJson(app, '/api/v1/surveys/poll/report?weighted=true', AUTH);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        surveyId: 'poll', version: 2, generatedAt: '2025-07-01T00:00:00.000Z', filters: {}, weighted: true,
        fieldwork: { first: '2025-06-01T10:00:00.000Z', last: '2025-06-05T10:00:00.000Z' },
        weighting: { shares: { industry: 0.8, academia: 0.2 } },
        changes: { previous: 1 },
      });
      expect(body.changes.questions.find((q: { id: string }) => q.id === 'agree').change).toBe('reworded');
      expect(body.results.overall.questions.agree.mean).toBe(1.8);
      const plain = (await getJson(app, '/api/v1/surveys/poll/report', AUTH)).body;
      expect(plain.weighted).toBe(false);
      expect(plain.results.overall.questions.agree.mean).toBe(3);
      const small = (await getJson(app, '/api/v1/surveys/poll/report?group=academia&channel=web', AUTH)).body;
      expect(small.fieldwork).toEqual({ first: '2025-06-01T10:00:00.000Z', last: '2025-06-05T10:00:00.000Z' });
      await app.request(`/api/v1/surveys/poll/responses/${(await first(store)).id}`, { method: 'DELETE', headers: AUTH });
      const withheld = (await getJson(app, '/api/v1/surveys/poll/report?group=industry', AUTH)).body;
      expect(withheld.results.count).toBeNull();
      expect(withheld.fieldwork).toBeNull();
      expect((await getJson(app, '/api/v1/surveys/poll/report?version=1', AUTH)).body).toMatchObject({ fieldwork: null, changes: { previous: null } });
    } finally {
      await close();
    }
  });
});

/** The first stored industry response. */
async function first(store: Awaited<ReturnType<typeof setup>>['store']) {
  for await (const row of store.responses('poll', {})) if (row.group === 'industry') return row.response;
  throw new Error('no industry response');
}
