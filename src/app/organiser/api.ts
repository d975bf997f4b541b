import { apiFetch } from '../../client';
import type { Account, AuditEntry, Grants, Role } from '../../core/accounts';
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

/** A personal API token as listed (its secret is shown only when made). */
export type TokenInfo = { id: string; name: string; account: string; createdAt: string; lastUsedAt: string | null };
/** A one-time set-password link. */
export type PasswordLink = { url: string; expiresAt: string };
/** What an owner may change of an account. */
export type AccountChange = { role?: Role; surveys?: Grants; disabled?: boolean };
/** The audit log's filters. */
export type AuditFilters = { actor?: string; action?: string; survey?: string; before?: string; limit?: number };

/**
 * The organiser's API. The session is an HttpOnly, SameSite=Strict cookie the browser
 * sends by itself with every same-origin call (the live stream and the exports too); a
 * change also carries Sec-Fetch-Site, which the server checks against CSRF. A 401 ends the
 * session here, so the sign-in screen comes back with a clear message.
 */
export function createOrganiserApi(session: Session) {
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await apiFetch(`/api/v1${path}`, { credentials: 'same-origin', ...init });
    } catch (error) {
      if (isAppError(error, 'unauthorized')) session.refused();
      throw error;
    }
  }
  const read = async <T>(path: string, init?: RequestInit): Promise<T> => (await call(path, init)).json() as Promise<T>;
  const survey = (id: string) => `/surveys/${enc(id)}`;

  return {
    call,
    /** Signs in with a username and password, or with the owner token; throws the server's AppError when refused. */
    login: (body: { username: string; password: string } | { token: string }) => read<{ account: Account }>('/auth/login', json('POST', body)),
    logout: () => call('/auth/logout', { method: 'POST' }),
    me: () => read<{ account: Account }>('/auth/me'),
    setPassword: (token: string, password: string) => call('/auth/set-password', json('POST', { token, password })),
    accounts: () => read<{ accounts: Account[] }>('/accounts'),
    addAccount: (body: { username: string; role: Role; surveys: Grants; password?: string }) => read<{ account: Account; passwordLink?: PasswordLink }>('/accounts', json('POST', body)),
    changeAccount: (username: string, change: AccountChange) => read<{ account: Account }>(`/accounts/${enc(username)}`, json('PATCH', change)),
    deleteAccount: (username: string) => call(`/accounts/${enc(username)}`, { method: 'DELETE' }),
    passwordLink: (username: string) => read<PasswordLink>(`/accounts/${enc(username)}/password-link`, { method: 'POST' }),
    tokens: () => read<{ tokens: TokenInfo[] }>('/tokens'),
    makeToken: (name: string) => read<TokenInfo & { token: string }>('/tokens', json('POST', { name })),
    revokeToken: (id: string) => call(`/tokens/${enc(id)}`, { method: 'DELETE' }),
    audit: (filters: AuditFilters) => read<{ entries: (AuditEntry & { ip?: string })[]; next: string | null }>(`/audit${queryString(filters)}`),
    surveys: () => read<SurveyListItem[]>('/surveys'),
    overview: (id: string) => read<Overview>(`${survey(id)}/overview`),
    latest: (id: string) => read<unknown>(survey(id)),
    definition: (id: string, version: number) => read<unknown>(`${survey(id)}/versions/${version}`),
    registerWave: (id: string, wave: NewWave) => read<unknown>(`${survey(id)}/waves`, json('POST', wave)),
    putWeighting: (id: string, weighting: Weighting) => read<Weighting>(`${survey(id)}/weighting`, json('PUT', weighting)),
    deleteWeighting: (id: string) => call(`${survey(id)}/weighting`, { method: 'DELETE' }).then(() => undefined),
    closeWave: (id: string, slug: string) => read<unknown>(`${survey(id)}/waves/${enc(slug)}/close`, { method: 'POST' }),
    deleteWave: (id: string, slug: string) => read<{ deleted: number }>(`${survey(id)}/waves/${enc(slug)}/responses`, { method: 'DELETE' }),
    /** Deletes the responses of every unregistered wave under 5 responses (invented slugs), in one step. */
    clearInventedWaves: (id: string) => read<{ waves: number; deleted: number }>(`${survey(id)}/unregistered-waves`, { method: 'DELETE' }),
    deleteResponse: (id: string, responseId: string) => read<{ deleted: number }>(`${survey(id)}/responses/${enc(responseId)}`, { method: 'DELETE' }),
    comments: (id: string, query: CommentQuery) => read<{ comments: Comment[] }>(`${survey(id)}/comments${queryString(query)}`),
    setCommentHidden: (id: string, c: Pick<Comment, 'responseId' | 'question'>, hidden: boolean) =>
      read<unknown>(`${survey(id)}/comments/${enc(c.responseId)}/${enc(c.question)}/${hidden ? 'hide' : 'unhide'}`, { method: 'POST' }),
    importBackup: (file: Blob) => read<ImportSummary>('/imports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: file }),
    addSurvey: (text: string) =>
      read<{ status: 'stored' | 'duplicate'; id: string; version: number }>('/surveys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text }),
    /** Saves a download through a Blob and a temporary link, so a refusal shows as a message rather than a broken file. */
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
