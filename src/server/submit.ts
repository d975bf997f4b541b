import { canonicalJson } from '../core/canonical';
import { canonicalId } from '../core/ids';
import { parseResponse } from '../core/response';
import { groupOf } from '../core/results';
import { describeIssues } from '../core/issue-messages';
import { validateResponse } from '../core/validate';
import { beyondClockSkew, MAX_CLOCK_SKEW_MS } from '../core/time';
import { submittedAfterClose } from '../core/waves';
import type { ItemResult } from '../core/wire';
import { MAX_BATCH } from '../core/wire';
import { issuePaths } from './http';
import { sha256 } from './hash';
import type { Candidate, Store } from './store/types';

/** The id to report for an item, even a malformed one (a device matches results by id). */
function idOf(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? canonicalId(id.slice(0, 64)) : '';
}

const FUTURE_ISSUE = {
  question: 'submittedAt',
  code: 'out_of_range',
  message: `submittedAt is more than ${MAX_CLOCK_SKEW_MS / 3_600_000} hours ahead of the server's clock`,
};

/**
 * Runs every check that needs only the survey and its waves: the response's shape, the
 * survey version, the answers (`validateResponse`, the same function the app runs), a
 * `submittedAt` no further ahead of `now` than the allowed clock skew, and the wave's close.
 * The store adds the checks that need stored rows.
 */
export async function prepare(store: Store, raw: unknown, now: number): Promise<Candidate> {
  const id = idOf(raw);
  const parsed = parseResponse(raw);
  if (!parsed.success) {
    const issues = issuePaths(parsed.error.issues).map((i) => ({ question: i.path, code: 'wrong_type', message: i.message }));
    return { id, rejection: { code: 'invalid', message: 'the response does not have the expected shape', issues } };
  }
  const response = { ...parsed.data, id };
  const survey = await store.getSurvey(response.surveyId, response.surveyVersion);
  if (!survey) {
    return { id, rejection: { code: 'unknown_survey', message: `survey ${response.surveyId} version ${response.surveyVersion} is not known here` } };
  }
  const canonical = canonicalJson(response);
  const wave = await store.getWave(response.surveyId, response.wave);
  const candidate = { id, response, survey, canonical, hash: sha256(canonical), group: groupOf(survey, response.answers), onePerDevice: !!wave?.oneResponsePerDevice };
  const issues = validateResponse(survey, response);
  if (issues.length) return { ...candidate, rejection: { code: 'invalid', message: 'some answers are not acceptable', issues: describeIssues(issues) } };
  if (beyondClockSkew(response.submittedAt, now)) return { ...candidate, rejection: { code: 'invalid', message: 'the response was submitted in the future', issues: [FUTURE_ISSUE] } };
  if (submittedAfterClose(wave, response.submittedAt)) {
    return { ...candidate, rejection: { code: 'closed', message: `wave ${response.wave} closed before this response was submitted` } };
  }
  return candidate;
}

/** Checks and stores a batch of raw items, `now` being the server's clock; one result per item, in order, after the commit. */
export async function submitItems(store: Store, items: unknown[], now: number): Promise<ItemResult[]> {
  const candidates = await Promise.all(items.map((raw) => prepare(store, raw, now)));
  return store.submit(candidates);
}

/** Counts of an import or any run of batches. */
export type SubmitCounts = { received: number; stored: number; duplicate: number; rejected: number; errors: { id: string; code: string; message: string }[] };

/** Stores many items in batches of MAX_BATCH, one commit each, keeping the first 100 errors. */
export async function submitInBatches(store: Store, items: unknown[], clock: () => number): Promise<SubmitCounts> {
  const counts: SubmitCounts = { received: items.length, stored: 0, duplicate: 0, rejected: 0, errors: [] };
  for (let i = 0; i < items.length; i += MAX_BATCH) {
    for (const result of await submitItems(store, items.slice(i, i + MAX_BATCH), clock())) {
      counts[result.status] += 1;
      if (result.error && counts.errors.length < 100) counts.errors.push({ id: result.id, code: result.error.code, message: result.error.message });
    }
  }
  return counts;
}
