import type { ProblemParams, SurveyProblemCode } from '../../../core/survey-problem-messages';
import { api } from '../state';

const enc = encodeURIComponent;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A problem as the server describes it; the editor words it itself from the code. */
export type ServerProblem = { path: string; code: SurveyProblemCode; params: ProblemParams; message: string };

/** `GET /surveys/:id/draft`: the stored definition with its revision and the version it would publish as. */
export type DraftAnswer = { surveyId: string; revision: number; updatedAt: string; version: number; definition: unknown; problems: ServerProblem[] };

/** What a save answers: the new revision (the definition is the one sent). */
export type SaveAnswer = Omit<DraftAnswer, 'definition'>;

const ifMatch = (revision: number | undefined): Record<string, string> => (revision === undefined ? {} : { 'if-match': `"draft-${revision}"` });

/**
 * The draft routes (DESIGN §9). Every save names the revision it replaces; `undefined`
 * creates the draft and fails if one exists, so no call ever overwrites unseen work.
 */
export const draftApi = {
  get: async (id: string) => (await api.call(`/surveys/${enc(id)}/draft`)).json() as Promise<DraftAnswer>,
  save: async (id: string, definition: unknown, revision: number | undefined, options: { keepalive?: boolean } = {}) =>
    (await api.call(`/surveys/${enc(id)}/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...ifMatch(revision) },
      body: JSON.stringify(definition),
      keepalive: options.keepalive,
    })).json() as Promise<SaveAnswer>,
  /** Replaces the draft with a spreadsheet's survey; the server reads it and answers like a save. */
  upload: async (id: string, file: Blob, revision: number | undefined) =>
    (await api.call(`/surveys/${enc(id)}/draft`, { method: 'PUT', headers: { 'content-type': XLSX, ...ifMatch(revision) }, body: file })).json() as Promise<SaveAnswer>,
  download: (id: string) => api.download(`/surveys/${enc(id)}/draft.xlsx`, `${id}-draft.xlsx`),
  publish: async (id: string, revision: number) =>
    (await api.call(`/surveys/${enc(id)}/draft/publish`, { method: 'POST', headers: ifMatch(revision) })).json() as Promise<{ id: string; version: number }>,
};
