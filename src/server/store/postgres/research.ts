import type { Pool } from 'pg';
import type { ResultsFilters } from '../../../core/results';
import type { Fieldwork } from '../types';

/**
 * When the responses of one view were submitted, for a report's method block. Read from
 * the responses when asked: a report is rare, so no index is kept for it.
 */
export async function fieldworkOf(pool: Pool, surveyId: string, version: number, filters: ResultsFilters): Promise<Fieldwork | undefined> {
  const { rows } = await pool.query<{ first: string | null; last: string | null }>(
    `SELECT min(submitted_at) AS first, max(submitted_at) AS last FROM responses
     WHERE survey = $1 AND version = $2 AND ($3::text IS NULL OR wave = $3) AND ($4::text IS NULL OR channel = $4) AND ($5::text IS NULL OR grp = $5)`,
    [surveyId, version, filters.wave ?? null, filters.channel ?? null, filters.group ?? null],
  );
  const row = rows[0];
  return row?.first && row.last ? { first: row.first, last: row.last } : undefined;
}
