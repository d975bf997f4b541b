import { Hono } from 'hono';
import { surveyChanges } from '../../core/changes';
import type { Survey } from '../../core/survey';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { intParam } from '../http';
import type { Store } from '../store/types';

/** The newest stored version of `id` below `version`: versions need not be consecutive. */
export async function versionBefore(store: Store, id: string, version: number): Promise<Survey | undefined> {
  let best: Survey | undefined;
  for (const s of await store.listSurveys()) {
    if (s.id === id && s.version < version && (!best || s.version > best.version)) best = s;
  }
  return best;
}

/**
 * Which questions a version keeps, rewords, adds and removes against the version before, so
 * an organiser sees which trends continue. Public, like the versions it compares.
 */
export function surveyChangeRoutes({ store }: Services): Hono {
  const app = new Hono();
  app.get('/surveys/:id/versions/:version/changes', async (c) => {
    const version = intParam(c.req.param('version'), 'version')!;
    const survey = await surveyParam(c, store, version);
    const previous = await versionBefore(store, survey.id, version);
    return c.json({ id: survey.id, version, previous: previous?.version ?? null, ...surveyChanges(previous, survey) });
  });
  return app;
}
