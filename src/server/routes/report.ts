import { Hono } from 'hono';
import { surveyChanges } from '../../core/changes';
import type { Services } from '../context';
import { isoNow, surveyParam } from '../context';
import { intParam } from '../http';
import { filtersOf, weightedParam } from './results';
import { versionBefore } from './survey-changes';

/**
 * What a printable report needs beyond the opinion map, in one answer so its parts agree
 * (DESIGN §10): the results snapshot of the view (weighted if asked and set), when its
 * responses were submitted, the survey's weighting, and which questions kept their wording
 * since the version before. The dates are withheld with the count, below MIN_SEGMENT.
 */
export function reportRoutes({ store, clock, readModel }: Services): Hono {
  const app = new Hono();

  app.get('/surveys/:id/report', async (c) => {
    const latest = await surveyParam(c, store);
    const version = intParam(c.req.query('version'), 'version');
    const survey = version === undefined ? latest : await surveyParam(c, store, version);
    const filters = filtersOf(c);
    const weighted = weightedParam(c);
    const [{ snapshot }, weighting, previous] = await Promise.all([
      readModel.results.snapshot(survey, filters, weighted),
      store.getWeighting(survey.id),
      versionBefore(store, survey.id, survey.version),
    ]);
    const fieldwork = snapshot.count === null ? null : ((await store.fieldwork(survey.id, survey.version, filters)) ?? null);
    return c.json({
      surveyId: survey.id,
      version: survey.version,
      generatedAt: isoNow(clock),
      filters,
      weighted: snapshot.weighting !== undefined,
      fieldwork,
      weighting: weighting ?? null,
      changes: { previous: previous?.version ?? null, ...surveyChanges(previous, survey) },
      results: snapshot,
    });
  });

  return app;
}
