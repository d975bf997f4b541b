import type Database from 'better-sqlite3';
import { canonicalJson } from '../../../core/canonical';
import type { Survey } from '../../../core/survey';
import { sha256 } from '../../hash';
import { type DraftPublish, type DraftSave, type DraftStore, type ExpectedRevision, type StoredDraft, expectedMatches } from '../draft-types';
import { guarded } from './errors';

type Row = { survey: string; json: string | null; revision: number; updated_at: string };

const draftOf = (row: Row | undefined): StoredDraft | undefined =>
  row && row.json !== null ? { surveyId: row.survey, definition: JSON.parse(row.json), revision: row.revision, updatedAt: row.updated_at } : undefined;

/**
 * Drafts in the SQLite file. Every method runs in one synchronous transaction, which in a
 * single process is all it takes for a revision check and the write after it to be atomic.
 * A published draft leaves its row behind without a definition, so its revision keeps growing.
 */
export class SqliteDrafts implements DraftStore {
  constructor(
    private readonly db: Database.Database,
    /** Tells the store about a version published here, with its content hash. */
    private readonly published: (survey: Survey, hash: string) => void,
    private readonly now: () => number,
  ) {}

  async get(surveyId: string): Promise<StoredDraft | undefined> {
    return draftOf(this.row(surveyId));
  }

  async list(): Promise<StoredDraft[]> {
    const rows = this.db.prepare('SELECT * FROM drafts WHERE json IS NOT NULL ORDER BY survey').all() as Row[];
    return rows.map((row) => draftOf(row)!);
  }

  async save(surveyId: string, definition: unknown, expected: ExpectedRevision, now: string): Promise<DraftSave> {
    return guarded(() =>
      this.db.transaction((): DraftSave => {
        const row = this.row(surveyId);
        const current = draftOf(row);
        if (!expectedMatches(expected, current)) return { ok: false, current };
        const revision = (row?.revision ?? 0) + 1;
        this.write(surveyId, JSON.stringify(definition), revision, now);
        return { ok: true, draft: { surveyId, definition, revision, updatedAt: now } };
      })(),
    );
  }

  async publish(surveyId: string, expected: ExpectedRevision, prepare: (definition: unknown, version: number) => Survey): Promise<DraftPublish> {
    const outcome = guarded(() =>
      this.db.transaction((): DraftPublish & { hash?: string } => {
        const row = this.row(surveyId);
        const current = draftOf(row);
        if (!current || !expectedMatches(expected, current)) return { ok: false, current };
        const { v } = this.db.prepare('SELECT MAX(version) AS v FROM surveys WHERE id = ?').get(surveyId) as { v: number | null };
        const survey = prepare(current.definition, (v ?? 0) + 1);
        const hash = sha256(canonicalJson(survey));
        this.db
          .prepare('INSERT INTO surveys (id, version, json, content_hash, added_at) VALUES (?, ?, ?, ?, ?)')
          .run(survey.id, survey.version, JSON.stringify(survey), hash, new Date(this.now()).toISOString());
        this.write(surveyId, null, row!.revision + 1, row!.updated_at);
        return { ok: true, survey, hash };
      })(),
    );
    if (outcome.ok) this.published(outcome.survey, outcome.hash!);
    return outcome.ok ? { ok: true, survey: outcome.survey } : outcome;
  }

  async restore(draft: StoredDraft): Promise<void> {
    guarded(() =>
      this.db
        .prepare(
          `INSERT INTO drafts (survey, json, revision, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (survey) DO UPDATE SET json = excluded.json, revision = excluded.revision, updated_at = excluded.updated_at
           WHERE drafts.revision <= excluded.revision`,
        )
        .run(draft.surveyId, JSON.stringify(draft.definition), draft.revision, draft.updatedAt),
    );
  }

  private row(surveyId: string): Row | undefined {
    return this.db.prepare('SELECT * FROM drafts WHERE survey = ?').get(surveyId) as Row | undefined;
  }

  private write(surveyId: string, json: string | null, revision: number, now: string): void {
    this.db
      .prepare(
        `INSERT INTO drafts (survey, json, revision, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (survey) DO UPDATE SET json = excluded.json, revision = excluded.revision, updated_at = excluded.updated_at`,
      )
      .run(surveyId, json, revision, now);
  }
}
