import type Database from 'better-sqlite3';
import type { ResultsFilters } from '../../../core/results';
import type { Weighting } from '../../../core/weighting-input';
import type { Fieldwork } from '../types';
import { guarded } from './errors';

/**
 * What research outputs keep in SQLite beside the responses: each survey's weighting,
 * mirrored in memory (results read it on every weighted read), and the fieldwork dates a
 * report prints, read from the responses when asked (a report is rare; no index is kept).
 */
export class SqliteResearch {
  private readonly weightings = new Map<string, Weighting>();
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly dates: Database.Statement;

  constructor(private readonly db: Database.Database) {
    for (const row of db.prepare('SELECT survey, json FROM weightings').all() as { survey: string; json: string }[]) {
      this.weightings.set(row.survey, JSON.parse(row.json) as Weighting);
    }
    this.upsert = db.prepare('INSERT INTO weightings (survey, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (survey) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at');
    this.remove = db.prepare('DELETE FROM weightings WHERE survey = ?');
    this.dates = db.prepare(
      `SELECT MIN(submitted_at) AS first, MAX(submitted_at) AS last FROM responses
       WHERE survey = ? AND version = ? AND (? IS NULL OR wave = ?) AND (? IS NULL OR channel = ?) AND (? IS NULL OR grp = ?)`,
    );
  }

  weighting(surveyId: string): Weighting | undefined {
    return this.weightings.get(surveyId);
  }

  putWeighting(surveyId: string, weighting: Weighting, now: string): void {
    const copy: Weighting = { shares: { ...weighting.shares } };
    guarded(() => this.upsert.run(surveyId, JSON.stringify(copy), now));
    this.weightings.set(surveyId, copy);
  }

  deleteWeighting(surveyId: string): boolean {
    const deleted = guarded(() => this.remove.run(surveyId)).changes > 0;
    this.weightings.delete(surveyId);
    return deleted;
  }

  fieldwork(surveyId: string, version: number, filters: ResultsFilters): Fieldwork | undefined {
    const { wave = null, channel = null, group = null } = filters;
    const row = this.dates.get(surveyId, version, wave, wave, channel, channel, group, group) as { first: string | null; last: string | null };
    return row.first && row.last ? { first: row.first, last: row.last } : undefined;
  }
}
