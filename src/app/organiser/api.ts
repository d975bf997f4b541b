import { apiFetch } from '../../client';
import { isAppError } from '../../core/errors';
import type { Weighting } from '../../core/weighting-input';
import type { Session } from './session';
import type { Comment, ImportSummary, NewWave, Overview, SurveyListItem } from './types';

const enc = encodeURIComponent;
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A query string from the defined entries of `query`, or ''. */
export function queryString(query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  const search = new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
  return search ? `?${search}` : '';
}

/** Which comments to read: `hidden: 'exclude'` leaves hidden ones out; `offset` and `limit` page through the list. */
export type CommentQuery = { version?: number; wave?: string; question?: string; hidden?: 'exclude'; limit?: number; offset?: number };

/**
 * The organiser's API: every call carries the token as a bearer header (plain links and
 * EventSource cannot, hence fetch for the live stream and the exports too). A 401 ends
 * the session, so the sign-in screen comes back with a clear message.
 */
export function createOrganiserApi(session: Session) {
  async function call(path: string, init: RequestInit = {}, token = session.token()): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token ?? ''}`);
    try {
      return await apiFetch(`/api/v1${path}`, { ...init, headers });
    } catch (error) {
      if (isAppError(error, 'unauthorized') && token === session.token()) session.refused();
      throw error;
    }
  }
  const read = async <T>(path: string, init?: RequestInit): Promise<T> => (await call(path, init)).json() as Promise<T>;
  const survey = (id: string) => `/surveys/${enc(id)}`;

  return {
    call,
    /** Resolves when the server accepts `token` for an organiser-only read; throws its AppError otherwise. */
    async check(token: string): Promise<void> {
      const [first] = await read<SurveyListItem[]>('/surveys');
      if (first) await call(`${survey(first.id)}/overview`, {}, token);
    },
    surveys: () => read<SurveyListItem[]>('/surveys'),
    overview: (id: string) => read<Overview>(`${survey(id)}/overview`),
    latest: (id: string) => read<unknown>(survey(id)),
    definition: (id: string, version: number) => read<unknown>(`${survey(id)}/versions/${version}`),
    registerWave: (id: string, wave: NewWave) => read<unknown>(`${survey(id)}/waves`, json('POST', wave)),
    putWeighting: (id: string, weighting: Weighting) => read<Weighting>(`${survey(id)}/weighting`, json('PUT', weighting)),
    deleteWeighting: (id: string) => call(`${survey(id)}/weighting`, { method: 'DELETE' }).then(() => undefined),
    closeWave: (id: string, slug: string) => read<unknown>(`${survey(id)}/waves/${enc(slug)}/close`, { method: 'POST' }),
    deleteWave: (id: string, slug: string) => read<{ deleted: number }>(`${survey(id)}/waves/${enc(slug)}/responses`, { method: 'DELETE' }),
    deleteResponse: (id: string, responseId: string) => read<{ deleted: number }>(`${survey(id)}/responses/${enc(responseId)}`, { method: 'DELETE' }),
    comments: (id: string, query: CommentQuery) => read<{ comments: Comment[] }>(`${survey(id)}/comments${queryString(query)}`),
    setCommentHidden: (id: string, c: Pick<Comment, 'responseId' | 'question'>, hidden: boolean) =>
      read<unknown>(`${survey(id)}/comments/${enc(c.responseId)}/${enc(c.question)}/${hidden ? 'hide' : 'unhide'}`, { method: 'POST' }),
    importBackup: (file: Blob) => read<ImportSummary>('/imports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: file }),
    addSurvey: (text: string) =>
      read<{ status: 'stored' | 'duplicate'; id: string; version: number }>('/surveys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text }),
    /** Saves a raw export through a Blob and a temporary link, since a plain link cannot send the token. */
    async download(path: string, filename: string): Promise<void> {
      const blob = await (await call(path)).blob();
      const url = URL.createObjectURL(blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: filename, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    exportPath: (id: string, format: 'csv' | 'ndjson', query: { version?: number; wave?: string }) => `${survey(id)}/responses.${format}${queryString(query)}`,
  };
}

/** The organiser API's public face. */
export type OrganiserApi = ReturnType<typeof createOrganiserApi>;
