import { Hono } from 'hono';
import { MIN_SEGMENT } from '../../core/disclosure';
import { AppError } from '../../core/errors';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { intParam } from '../http';
import type { Store } from '../store/types';

/** The most slugs one transaction deletes; a cleanup of more runs several, still in one request. */
const SLUGS_PER_TRANSACTION = 2000;

/** The largest `below` accepted: a cleanup is for slugs nobody meant, not for a real session. */
const MAX_BELOW = 1000;

/** Unregistered waves (never `open`, which is not one) holding fewer than `below` responses. */
async function inventedWaves(store: Store, surveyId: string, below: number): Promise<string[]> {
  return (await store.unregisteredWaves(surveyId)).filter((w) => w.responses < below).map((w) => w.slug);
}

/**
 * Clearing invented wave slugs in one step (issue 15 #2): `DELETE
 * /surveys/:id/unregistered-waves?below=5` deletes the responses (with their comments and
 * tallies) of every wave nobody registered that holds fewer than `below` responses, and
 * answers how many waves and responses went. Registered waves and `open` are never touched.
 */
export function inventedWaveRoutes({ store }: Services): Hono {
  const app = new Hono();

  // Editors only (access/rules.ts).
  app.delete('/surveys/:id/unregistered-waves', async (c) => {
    const survey = await surveyParam(c, store);
    const below = intParam(c.req.query('below'), 'below') ?? MIN_SEGMENT;
    if (below < 1 || below > MAX_BELOW) throw new AppError('bad_request', `below must be between 1 and ${MAX_BELOW}`);
    const slugs = await inventedWaves(store, survey.id, below);
    let deleted = 0;
    for (let i = 0; i < slugs.length; i += SLUGS_PER_TRANSACTION) deleted += await store.deleteWaves(survey.id, slugs.slice(i, i + SLUGS_PER_TRANSACTION));
    return c.json({ waves: slugs.length, deleted });
  });

  return app;
}
