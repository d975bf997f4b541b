import { isAppError, type AppError, type ErrorCode } from '../../../core/errors';
import { SHEET_ISSUE_MESSAGES, sheetIssueMessage, type SheetIssue } from '../../../core/sheet/issues';
import { SURVEY_PROBLEM_MESSAGES } from '../../../core/survey-problem-messages';
import { locale } from '../../i18n';
import { st, stf, type StudioKey } from './strings';

const BY_CODE: Partial<Record<ErrorCode, StudioKey>> = {
  network: 'errNetwork',
  unauthorized: 'errUnauthorized',
  forbidden: 'errForbidden',
  not_found: 'errNotFound',
  unknown_survey: 'errNotFound',
  draft_changed: 'errChanged',
  conflict: 'errChanged',
  too_large: 'errTooLarge',
  bad_request: 'errBadRequest',
  too_many_requests: 'errBusy',
  unavailable: 'errBusy',
};

type CodedIssue = Pick<SheetIssue, 'code' | 'params'>;

const known = (code: unknown): code is CodedIssue['code'] => typeof code === 'string' && (code in SURVEY_PROBLEM_MESSAGES || code in SHEET_ISSUE_MESSAGES);

/** The issues of an `invalid` answer, and the first whose code has words in core's tables. */
function issuesOf(error: AppError): { count: number; first: CodedIssue | undefined } {
  const server = error.details.server as { issues?: unknown } | undefined;
  const list = Array.isArray(server?.issues) ? (server.issues as Partial<CodedIssue>[]) : [];
  return { count: list.length, first: list.find((i): i is CodedIssue => known(i?.code)) };
}

/**
 * Why a studio action failed, in the UI language: by the error's stable code, never the
 * server's English message (issue 12: no English messages in the Korean UI). An `invalid`
 * answer names its first problem in words of core's message tables.
 */
export function studioError(error: unknown): string {
  if (!isAppError(error)) return stf('errOther', { code: 'internal' });
  if (error.code === 'invalid') {
    const { count, first } = issuesOf(error);
    return first ? stf('errInvalid', { first: sheetIssueMessage(first.code, first.params ?? {}, locale()) }) : stf('errInvalidCount', { n: count });
  }
  const key = BY_CODE[error.code];
  return key ? st(key) : stf('errOther', { code: error.code });
}
