import type { Survey } from '../core/survey';
import { builtInSurveys } from '../core/surveys';
import type { StanceDatabase } from './db';
import { commit } from './tx';

/** Keeps survey definitions on the device; a published version never changes, so put is idempotent. */
export async function putSurveys(db: StanceDatabase, surveys: Survey[]): Promise<void> {
  const tx = db.transaction('surveys', 'readwrite');
  await commit(tx, () => Promise.all(surveys.map((s) => tx.store.put(s))));
}

/**
 * A stored definition, if it still passes today's schema (it may have been written by an
 * older app). A published version never changes, so a stored copy of a built-in survey's
 * version is the built-in, which the test suite checks against the schema. The schema loads
 * on first use, so a device holding only built-in surveys never loads it (nor waits for it
 * on the start page).
 */
async function valid(value: unknown): Promise<Survey | undefined> {
  if (value === undefined) return undefined;
  const { id, version } = value as { id?: unknown; version?: unknown };
  const builtIn = builtInSurveys.find((s) => s.id === id && s.version === version);
  if (builtIn) return builtIn;
  const { SurveySchema } = await import('../core/survey');
  const parsed = SurveySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The [id, version] of every stored definition, in key order. */
export function surveyKeys(db: StanceDatabase): Promise<[string, number][]> {
  return db.getAllKeys('surveys');
}

/** The latest valid version of each stored survey, by id. */
export async function listSurveys(db: StanceDatabase): Promise<Survey[]> {
  const latest = new Map<string, Survey>();
  // Key order is [id, version] ascending, so the last valid one per id wins.
  for (const value of await db.getAll('surveys')) {
    const survey = await valid(value);
    if (survey) latest.set(survey.id, survey);
  }
  return [...latest.values()];
}

/** One exact version, or the latest valid version when `version` is omitted. */
export async function getSurvey(db: StanceDatabase, id: string, version?: number): Promise<Survey | undefined> {
  if (version !== undefined) return valid(await db.get('surveys', [id, version]));
  const versions = (await surveyKeys(db)).filter(([key]) => key === id).map(([, v]) => v);
  for (const v of versions.reverse()) {
    const survey = await valid(await db.get('surveys', [id, v]));
    if (survey) return survey;
  }
  return undefined;
}

/** The newest stored definition of a survey as stored, valid or not, so the app can say what is wrong with it. */
export async function latestSurveyRecord(db: StanceDatabase, id: string): Promise<unknown> {
  const versions = (await surveyKeys(db)).filter(([key]) => key === id).map(([, v]) => v);
  const newest = versions.length ? Math.max(...versions) : undefined;
  return newest === undefined ? undefined : db.get('surveys', [id, newest]);
}

/** A query string ('' or '?a=1&b=2') with its keys sorted, so equal queries give equal strings. */
export function searchOf(query: Record<string, string> = {}): string {
  const search = new URLSearchParams(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toString();
  return search ? `?${search}` : '';
}

/** The cache key for a survey's results under a query, independent of the query's key order. */
export function resultsKey(surveyId: string, query: Record<string, string> = {}): string {
  return `${surveyId}${searchOf(query)}`;
}
