import { Hono } from 'hono';
import { AppError } from '../../core/errors';
import { publicQuotaProgress } from '../../core/quotas';
import { MIN_SEGMENT } from '../../core/results';
import { WaveSchema } from '../../core/response';
import type { Services } from '../context';
import { isoNow, surveyParam } from '../context';
import { param } from '../http';
import type { Store } from '../store/types';

/** A wave's responses by group, one record per version of the survey, from the tallies. */
async function cellsOf(store: Store, surveyId: string, wave: string): Promise<Record<string, number>[]> {
  const versions = (await store.listSurveys()).filter((s) => s.id === surveyId);
  return Promise.all(
    versions.map(async (survey) => {
      const byGroup: Record<string, number> = {};
      for (const row of await store.tallyRows(surveyId, survey.version)) {
        if (row.wave === wave) byGroup[row.group] = (byGroup[row.group] ?? 0) + row.tally.count;
      }
      return byGroup;
    }),
  );
}

/**
 * A registered wave's quotas filling, for field devices (DESIGN §10): public, since a
 * collector's device is not an organiser's, and it holds nothing but the quotas and their
 * counts, withheld as results withhold them (`publicQuotaProgress`). The device adds its
 * own unsent responses to the last answer it cached, so the counts work offline.
 */
export function quotaRoutes({ store, clock }: Services): Hono {
  const app = new Hono();

  app.get('/surveys/:id/waves/:slug/quotas', async (c) => {
    const survey = await surveyParam(c, store);
    const slug = param(WaveSchema, c.req.param('slug'), 'wave');
    const wave = await store.getWave(survey.id, slug);
    if (!wave) throw new AppError('not_found', `survey ${survey.id} has no registered wave ${slug}`);
    const quotas = publicQuotaProgress(survey, wave.quotas ?? {}, await cellsOf(store, survey.id, slug));
    c.header('Cache-Control', 'no-cache');
    return c.json({ surveyId: survey.id, wave: slug, label: wave.label, minSegment: MIN_SEGMENT, generatedAt: isoNow(clock), quotas });
  });

  return app;
}
