import { z } from 'zod/mini';
import { SurveySchema, type Survey } from '../core/survey';
import { apiJson, type ApiOptions } from './api';
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
 * Fetches a results snapshot (conditionally, with the cached ETag) and caches it under
 * `resultsKey(surveyId, query)`. Undefined when the server cannot be reached or refuses
 * (401/403 for organiser-only results); the cached copy is then what the UI shows.
 */
export async function refreshResults(client: Client, api: ApiOptions, surveyId: string, query: Record<string, string> = {}): Promise<unknown> {
  const key = resultsKey(surveyId, query);
  try {
    const cached = await client.cachedResults(key);
    const headers: Record<string, string> = cached?.etag ? { 'if-none-match': cached.etag } : {};
    const answer = await apiJson(`/api/v1/surveys/${encodeURIComponent(surveyId)}/results${searchOf(query)}`, { headers }, api);
    if (answer.status === 304 && !cached) return undefined;
    const snapshot = answer.status === 304 ? cached!.snapshot : answer.body;
    await client.cacheResults(key, snapshot, answer.headers.get('etag') ?? cached?.etag);
    return snapshot;
  } catch {
    return undefined;
  }
}
