import { z } from 'zod/mini';
import { ResultsSnapshotSchema, type ResultsSnapshot } from '../core/results';
import { SurveySchema, type Survey } from '../core/survey';
import { apiJson, type ApiOptions } from './api';
import { cachedRead, type CachedRead } from './cached-read';
import type { Client } from './client';
import { resultsKey, searchOf } from './surveys';

/** What a survey refresh did: definitions stored, answers that failed the schema, requests that failed. */
export type RefreshReport = { stored: number; invalid: number; failed: number };

const SurveyListSchema = z.array(z.object({ id: z.string(), version: z.number() }));

const path = (id: string, version?: number) =>
  `/api/v1/surveys/${encodeURIComponent(id)}${version === undefined ? '' : `/versions/${version}`}`;

/** The definition paths this device lacks: newer server versions, and versions its responses and drafts refer to. */
async function missingPaths(client: Client, api: ApiOptions): Promise<string[]> {
  const listed = SurveyListSchema.safeParse((await apiJson('/api/v1/surveys', {}, api)).body);
  const held = new Set((await client.surveyKeys()).map(([id, v]) => `${id}@${v}`));
  const paths = new Set<string>();
  for (const { id, version } of listed.success ? listed.data : []) {
    if (!held.has(`${id}@${version}`)) paths.add(path(id));
  }
  const drafts = (await client.listDrafts()).map((d): [string, number] => [d.surveyId, d.surveyVersion]);
  for (const [id, version] of [...(await client.versionsInUse()), ...drafts]) {
    if (!held.has(`${id}@${version}`)) paths.add(path(id, version));
  }
  return [...paths];
}

/**
 * Fetches the survey definitions the device lacks and keeps the valid ones, so surveys
 * an organiser added can be answered offline. Published versions never change, so a
 * version already held is never fetched again. Never throws: failures are counted.
 */
export async function refreshSurveys(client: Client, api: ApiOptions): Promise<RefreshReport> {
  const report: RefreshReport = { stored: 0, invalid: 0, failed: 0 };
  let paths: string[];
  try {
    paths = await missingPaths(client, api);
  } catch {
    return { ...report, failed: 1 };
  }
  const answers = await Promise.allSettled(paths.map((p) => apiJson(p, {}, api)));
  const valid: Survey[] = [];
  for (const answer of answers) {
    const parsed = answer.status === 'fulfilled' ? SurveySchema.safeParse(answer.value.body) : undefined;
    if (parsed?.success) valid.push(parsed.data);
    else report[parsed ? 'invalid' : 'failed']++;
  }
  try {
    await client.putSurveys(valid);
    report.stored = valid.length;
  } catch {
    report.failed += valid.length;
  }
  return report;
}

/**
 * Reads a survey's results snapshot through `cachedRead` (conditionally, kept under
 * `resultsKey(surveyId, query)`): fresh when the server answers, the checked copy on the
 * device when it cannot be reached. Undefined when there is neither, or the server refuses
 * (401/403 for organiser-only results, 404 for a survey it does not know).
 */
export async function refreshResults(client: Client, api: ApiOptions, surveyId: string, query: Record<string, string> = {}): Promise<CachedRead<ResultsSnapshot> | undefined> {
  const url = `/api/v1/surveys/${encodeURIComponent(surveyId)}/results${searchOf(query)}`;
  return cachedRead(resultsKey(surveyId, query), url, ResultsSnapshotSchema, { client, api }).catch(() => undefined);
}
