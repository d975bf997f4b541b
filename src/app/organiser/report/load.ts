import type { QuestionChange } from '../../../core/changes';
import type { ResultsSnapshot } from '../../../core/results';
import type { OrganiserApi } from '../api';
import { queryString } from '../api';

/** `GET /surveys/:id/report`: what the printable report shows beside the opinion map. */
export type ReportData = {
  surveyId: string;
  version: number;
  generatedAt: string;
  filters: ResultsSnapshot['filters'];
  weighted: boolean;
  fieldwork: { first: string; last: string } | null;
  weighting: { shares: Record<string, number> } | null;
  changes: { previous: number | null; questions: { id: string; change: QuestionChange }[] };
  results: ResultsSnapshot;
};

/** The report's query: the results page's version and filters, and whether to weight. */
export type ReportQuery = { version?: number; wave?: string; channel?: string; group?: string; weighted?: boolean };

/** The query as the server reads it: the filters, `weighted=true` only when asked. */
export function reportSearch(query: ReportQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.version !== undefined) out.version = String(query.version);
  for (const key of ['wave', 'channel', 'group'] as const) if (query[key]) out[key] = query[key]!;
  if (query.weighted) out.weighted = 'true';
  return out;
}

/** Reads the report's data for one survey and query. */
export async function loadReport(api: OrganiserApi, surveyId: string, query: ReportQuery): Promise<ReportData> {
  const res = await api.call(`/surveys/${encodeURIComponent(surveyId)}/report${queryString(reportSearch(query))}`);
  return (await res.json()) as ReportData;
}

/** Reads the report's query from the address; anything unknown is dropped. */
export function readReportQuery(search: string): ReportQuery & { lang?: 'ko' | 'en' } {
  const q = new URLSearchParams(search);
  const version = Number(q.get('version'));
  const lang = q.get('lang');
  return {
    version: Number.isInteger(version) && version > 0 ? version : undefined,
    wave: q.get('wave') || undefined,
    channel: q.get('channel') || undefined,
    group: q.get('group') || undefined,
    weighted: q.get('weighted') === 'true',
    lang: lang === 'ko' || lang === 'en' ? lang : undefined,
  };
}
