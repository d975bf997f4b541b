import type { Context } from 'hono';
import { AppError } from '../core/errors';
import type { Clock } from '../core/ids';
import type { Survey } from '../core/survey';
import type { AuditLog } from './access/audit';
import type { Credentials } from './access/credentials';
import type { AppConfig } from './config';
import type { ReadModel } from './read-model';
import type { Store } from './store/types';

/** What every route module gets from `createApp`. */
export type Services = { store: Store; clock: Clock; config: AppConfig; readModel: ReadModel; credentials: Credentials; audit: AuditLog };

/** The survey named by `:id` (latest version, or `version` when given), or 404 `not_found`. */
export async function surveyParam(c: Context, store: Store, version?: number): Promise<Survey> {
  const id = c.req.param('id') ?? '';
  const survey = await store.getSurvey(id, version);
  if (!survey) throw new AppError('not_found', version === undefined ? `no survey ${id}` : `no survey ${id} version ${version}`);
  return survey;
}

/** The current time as ISO 8601 UTC from the injected clock. */
export function isoNow(clock: Clock): string {
  return new Date(clock()).toISOString();
}

/** The link a join code opens: `PUBLIC_URL` (or the LAN address main.ts chose) + `/j/CODE`; relative when neither is known. */
export function joinUrlOf(config: Pick<AppConfig, 'publicUrl'>, code: string): string {
  return `${(config.publicUrl ?? '').replace(/\/+$/, '')}/j/${code}`;
}
