import { Hono } from 'hono';
import type { Context } from 'hono';
import { canonicalJson } from '../../core/canonical';
import { AppError } from '../../core/errors';
import type { Survey } from '../../core/survey';
import { checkSurvey, describeProblem } from '../../core/survey-problems';
import { MAX_BODY_BYTES } from '../../core/wire';
import { requireGranted } from '../auth';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { sha256 } from '../hash';
import { intParam, readJson } from '../http';
import { writeSurveyFile } from '../survey-files';
import { isSpreadsheet, surveyFromWorkbook } from './survey-sheets';

/** A JSON definition checked by core, or 400 `invalid` with its problems (code, params, English message, JSON path). */
function surveyFromJson(json: unknown): Survey {
  const checked = checkSurvey(json);
  if (checked.ok) return checked.survey;
  throw new AppError('invalid', 'the survey definition is not valid', { issues: checked.problems.map((p) => describeProblem(p)) });
}

/** Survey definitions: public reads, editors' uploads (JSON, or .xlsx in the layout of DESIGN §9). */
export function surveyRoutes({ store, config, audit }: Services): Hono {
  const app = new Hono();

  // Definitions change only by new versions, but `no-cache` + ETag keeps a device from
  // holding a stale "latest" while still making the check cheap.
  const sendSurvey = (c: Context, survey: Survey) => {
    const etag = `"${sha256(canonicalJson(survey)).slice(0, 32)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(survey);
  };

  app.get('/surveys', async (c) => {
    const latest = new Map<string, Survey>();
    for (const s of await store.listSurveys()) if ((latest.get(s.id)?.version ?? 0) < s.version) latest.set(s.id, s);
    c.header('Cache-Control', 'no-cache');
    return c.json([...latest.values()].map((s) => ({ id: s.id, version: s.version, title: s.title })));
  });

  app.get('/surveys/:id', async (c) => sendSurvey(c, await surveyParam(c, store)));

  app.get('/surveys/:id/versions/:version', async (c) => {
    const version = intParam(c.req.param('version'), 'version')!;
    return sendSurvey(c, await surveyParam(c, store, version));
  });

  app.post('/surveys', async (c) => {
    const survey = isSpreadsheet(c) ? await surveyFromWorkbook(c) : surveyFromJson(await readJson(c, MAX_BODY_BYTES));
    requireGranted(c, survey.id);
    const outcome = await store.putSurvey(survey);
    if (outcome === 'conflict') {
      throw new AppError('conflict', `survey ${survey.id} version ${survey.version} exists with other content; publish a new version`);
    }
    if (outcome === 'stored' && config.surveysDir) await writeSurveyFile(config.surveysDir, survey);
    if (outcome === 'stored') await audit.record(c, { action: 'survey_published', survey: survey.id, target: `survey:${survey.id}@${survey.version}` });
    return c.json({ status: outcome, id: survey.id, version: survey.version }, outcome === 'stored' ? 201 : 200);
  });

  return app;
}
