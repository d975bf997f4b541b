import { Hono } from 'hono';
import type { Context } from 'hono';
import { checkDraft, draftAsSurvey } from '../../core/draft';
import { AppError } from '../../core/errors';
import type { Survey } from '../../core/survey';
import { checkSurvey, describeProblem } from '../../core/survey-problems';
import { SLUG_PATTERN } from '../../core/vocabulary';
import { MAX_BODY_BYTES } from '../../core/wire';
import type { Services } from '../context';
import { isoNow } from '../context';
import { readJson } from '../http';
import type { ExpectedRevision, Store, StoredDraft } from '../store/types';
import { writeSurveyFile } from '../survey-files';
import { writeSurveyWorkbook, XLSX_TYPE } from '../survey-sheet/workbook';
import { isSpreadsheet, surveyFromWorkbook } from './survey-sheets';

/** A draft revision as an entity tag, so the HTTP preconditions say which revision an editor has. */
export const draftEtag = (revision: number) => `"draft-${revision}"`;

const ETAG_PATTERN = /^\s*(?:W\/)?"draft-(\d{1,9})"\s*$/;

/** The revision `If-Match` names: a draft ETag, `*` for any, or `fallback` when absent. */
function expectedOf(c: Context, fallback: ExpectedRevision): ExpectedRevision {
  const header = c.req.header('if-match');
  if (header === undefined) return fallback;
  if (header.trim() === '*') return 'any';
  const match = ETAG_PATTERN.exec(header);
  if (!match) throw new AppError('bad_request', 'If-Match must be a draft ETag such as "draft-3", or *');
  return Number(match[1]);
}

/** The survey id of the path, which must be a valid one: a draft is stored under it and publishes as it. */
function idOf(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!SLUG_PATTERN.test(id)) throw new AppError('bad_request', `"${id.slice(0, 64)}" is not a valid survey id`);
  return id;
}

/** One above the highest stored version of `id`, or 1: the number a publish would take now. */
async function nextVersion(store: Store, id: string): Promise<number> {
  return (await store.listSurveys()).reduce((max, s) => (s.id === id && s.version > max ? s.version : max), 0) + 1;
}

/**
 * A draft as a workbook. Missing texts and wrong numbers are written as they are, for a
 * person to fill in; only a draft whose shape is not a survey's (no sections, a question of
 * no kind) cannot be laid out, and is a 400 with its problems.
 */
async function workbookOf(definition: unknown): Promise<Buffer> {
  try {
    return await writeSurveyWorkbook(definition as Survey);
  } catch {
    const checked = checkSurvey(definition);
    const issues = checked.ok ? [] : checked.problems.map((p) => describeProblem(p));
    throw new AppError('invalid', 'the draft is not yet shaped like a survey, so it has no spreadsheet', { issues });
  }
}

/** 412 `draft_changed`: someone saved (or published) the draft since this editor read it. */
function changed(current: StoredDraft | undefined): AppError {
  const what = current ? `it is at revision ${current.revision}, saved ${current.updatedAt}` : 'there is no draft now';
  return new AppError('draft_changed', `the draft changed since it was opened (${what}); reload it before saving`, {
    revision: current?.revision ?? null,
    updatedAt: current?.updatedAt ?? null,
  });
}

/**
 * Survey drafts (DESIGN §9): `GET|PUT /surveys/:id/draft` keep any JSON definition with its
 * current problems, and `POST /surveys/:id/draft/publish` stores it as the next version.
 * Every save names the revision it replaces (`If-Match`), so a second editor's stale save is
 * refused with 412 rather than silently overwriting the first's. Editors only (access/rules.ts);
 * a publish is audited like an upload.
 */
export function draftRoutes({ store, clock, config, audit }: Services): Hono {
  const app = new Hono();

  const answer = async (c: Context, draft: StoredDraft, withDefinition: boolean) => {
    const version = await nextVersion(store, draft.surveyId);
    const checked = checkDraft(draft.definition, draft.surveyId, version);
    c.header('ETag', draftEtag(draft.revision));
    return {
      surveyId: draft.surveyId,
      revision: draft.revision,
      updatedAt: draft.updatedAt,
      version,
      ...(withDefinition ? { definition: draft.definition } : {}),
      problems: checked.ok ? [] : checked.problems.map((p) => describeProblem(p)),
    };
  };

  app.get('/surveys/:id/draft', async (c) => {
    const id = idOf(c);
    const draft = await store.drafts.get(id);
    if (!draft) throw new AppError('not_found', `no draft for survey ${id}`);
    return c.json(await answer(c, draft, true));
  });

  // A spreadsheet replaces the draft only when it reads as a whole survey; its problems come back located, as for POST /surveys.
  app.put('/surveys/:id/draft', async (c) => {
    const id = idOf(c);
    const expected = expectedOf(c, 'new');
    const definition = isSpreadsheet(c) ? await surveyFromWorkbook(c) : await readJson(c, MAX_BODY_BYTES);
    const saved = await store.drafts.save(id, definition, expected, isoNow(clock));
    if (!saved.ok) throw changed(saved.current);
    return c.json(await answer(c, saved.draft, false));
  });

  // The spreadsheet of a draft, so it can go to a translator or a colleague before it is published.
  app.get('/surveys/:id/draft.xlsx', async (c) => {
    const id = idOf(c);
    const draft = await store.drafts.get(id);
    if (!draft) throw new AppError('not_found', `no draft for survey ${id}`);
    const workbook = await workbookOf(draftAsSurvey(draft.definition, id, await nextVersion(store, id)));
    c.header('Content-Type', XLSX_TYPE);
    c.header('Content-Disposition', `attachment; filename="${id}-draft.xlsx"`);
    c.header('ETag', draftEtag(draft.revision));
    return c.body(new Uint8Array(workbook));
  });

  app.post('/surveys/:id/draft/publish', async (c) => {
    const id = idOf(c);
    const published = await store.drafts.publish(id, expectedOf(c, 'any'), (definition, version) => {
      const checked = checkDraft(definition, id, version);
      if (checked.ok) return checked.survey;
      throw new AppError('invalid', `the draft has ${checked.problems.length} problem(s) and cannot be published`, {
        issues: checked.problems.map((p) => describeProblem(p)),
      });
    });
    if (!published.ok) {
      if (!published.current && expectedOf(c, 'any') === 'any') throw new AppError('not_found', `no draft for survey ${id}`);
      throw changed(published.current);
    }
    if (config.surveysDir) await writeSurveyFile(config.surveysDir, published.survey);
    await audit.record(c, { action: 'survey_published', survey: id, target: `survey:${id}@${published.survey.version}` });
    return c.json({ id, version: published.survey.version }, 201);
  });

  return app;
}
