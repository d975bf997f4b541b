import { Hono } from 'hono';
import { AppError } from '../../core/errors';
import { parseWeighting } from '../../core/weighting-input';
import { MAX_BODY_BYTES } from '../../core/wire';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { readJson } from '../http';

/**
 * A survey's weighting (DESIGN §10): population shares of its `segmentBy` groups, by which
 * `…/results?weighted=true` and the live stream post-stratify. Reading it is for anyone
 * who reads results; setting and removing it is for editors.
 */
export function weightingRoutes({ store, audit }: Services): Hono {
  const app = new Hono();

  app.get('/surveys/:id/weighting', async (c) => {
    const survey = await surveyParam(c, store);
    const weighting = await store.getWeighting(survey.id);
    if (!weighting) throw new AppError('not_found', `survey ${survey.id} has no weighting`);
    return c.json(weighting);
  });

  // Shares are checked against the latest version's groups, the ones organisers see and choose from.
  app.put('/surveys/:id/weighting', async (c) => {
    const survey = await surveyParam(c, store);
    const weighting = parseWeighting(survey, await readJson(c, MAX_BODY_BYTES));
    await store.putWeighting(survey.id, weighting);
    await audit.record(c, { action: 'weighting_set', survey: survey.id, target: `survey:${survey.id}`, details: { shares: weighting.shares } });
    return c.json(weighting);
  });

  app.delete('/surveys/:id/weighting', async (c) => {
    const survey = await surveyParam(c, store);
    if (!(await store.deleteWeighting(survey.id))) throw new AppError('not_found', `survey ${survey.id} has no weighting`);
    await audit.record(c, { action: 'weighting_cleared', survey: survey.id, target: `survey:${survey.id}` });
    return c.body(null, 204);
  });

  return app;
}
