import type { Pool, PoolClient } from 'pg';
import { canonicalJson } from '../../../core/canonical';
import type { Survey } from '../../../core/survey';
import { sha256 } from '../../hash';
import { type DraftPublish, type DraftSave, type DraftStore, type ExpectedRevision, type StoredDraft, expectedMatches } from '../draft-types';
import type { Catalog } from './catalog';
import { guarded } from './errors';

type Row = { survey: string; json: string | null; revision: number; updated_at: string };

const draftOf = (row: Row | undefined): StoredDraft | undefined =>
  row && row.json !== null ? { surveyId: row.survey, definition: JSON.parse(row.json), revision: row.revision, updatedAt: row.updated_at } : undefined;

/** Publishes that lose the version number to a concurrent upload are taken again this often. */
const PUBLISH_TRIES = 3;

// Each save is one statement whose WHERE clause is the revision check: PostgreSQL re-reads a
// row another transaction just changed before updating it, so of two saves that expect the
// same revision exactly one matches, whichever process each came through.
const SAVE: Record<'number' | 'new' | 'any', string> = {
  number: `UPDATE drafts SET json = $2, revision = revision + 1, updated_at = $3
           WHERE survey = $1 AND revision = $4 AND json IS NOT NULL RETURNING revision`,
  new: `INSERT INTO drafts (survey, json, revision, updated_at) VALUES ($1, $2, 1, $3)
        ON CONFLICT (survey) DO UPDATE SET json = excluded.json, revision = drafts.revision + 1, updated_at = excluded.updated_at
        WHERE drafts.json IS NULL RETURNING revision`,
  any: `INSERT INTO drafts (survey, json, revision, updated_at) VALUES ($1, $2, 1, $3)
        ON CONFLICT (survey) DO UPDATE SET json = excluded.json, revision = drafts.revision + 1, updated_at = excluded.updated_at
        RETURNING revision`,
};

/**
 * Drafts in PostgreSQL, shared by every process. Nothing is mirrored in memory: a draft is
 * read when an editor opens it, so every process sees the latest save. Publishing takes the
 * draft's row lock, numbers the version from the stored ones in the same transaction, and
 * announces it on the catalog channel, so the other processes load the new version.
 */
export class PgDrafts implements DraftStore {
  constructor(
    private readonly pool: Pool,
    private readonly catalog: Catalog,
    private readonly catalogChannel: string,
    /** Tells this process's listeners about a version published here. */
    private readonly published: (surveyId: string) => void,
  ) {}

  get(surveyId: string): Promise<StoredDraft | undefined> {
    return guarded(async () => draftOf((await this.pool.query<Row>('SELECT * FROM drafts WHERE survey = $1', [surveyId])).rows[0]));
  }

  list(): Promise<StoredDraft[]> {
    return guarded(async () => (await this.pool.query<Row>('SELECT * FROM drafts WHERE json IS NOT NULL ORDER BY survey')).rows.map((r) => draftOf(r)!));
  }

  save(surveyId: string, definition: unknown, expected: ExpectedRevision, now: string): Promise<DraftSave> {
    return guarded(async () => {
      const json = JSON.stringify(definition);
      const sql = SAVE[typeof expected === 'number' ? 'number' : expected];
      const params = typeof expected === 'number' ? [surveyId, json, now, expected] : [surveyId, json, now];
      const { rows } = await this.pool.query<{ revision: number }>(sql, params);
      if (rows[0]) return { ok: true, draft: { surveyId, definition, revision: rows[0].revision, updatedAt: now } };
      return { ok: false, current: await this.get(surveyId) };
    });
  }

  publish(surveyId: string, expected: ExpectedRevision, prepare: (definition: unknown, version: number) => Survey): Promise<DraftPublish> {
    return guarded(async () => {
      for (let attempt = 1; ; attempt++) {
        const outcome = await this.transaction((client) => this.publishOnce(client, surveyId, expected, prepare));
        if (outcome === 'version_taken') {
          if (attempt >= PUBLISH_TRIES) throw new Error(`could not take a version number for ${surveyId}: other uploads kept taking it`);
          continue;
        }
        if (!outcome.ok) return outcome;
        // Only once committed: this process never knows a version that was rolled back.
        this.catalog.remember(outcome.survey, outcome.hash);
        this.published(surveyId);
        return { ok: true, survey: outcome.survey };
      }
    });
  }

  restore(draft: StoredDraft): Promise<void> {
    return guarded(async () => {
      await this.pool.query(
        `INSERT INTO drafts (survey, json, revision, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (survey) DO UPDATE SET json = excluded.json, revision = excluded.revision, updated_at = excluded.updated_at
         WHERE drafts.revision <= excluded.revision`,
        [draft.surveyId, JSON.stringify(draft.definition), draft.revision, draft.updatedAt],
      );
    });
  }

  private async publishOnce(
    client: PoolClient,
    surveyId: string,
    expected: ExpectedRevision,
    prepare: (definition: unknown, version: number) => Survey,
  ): Promise<{ ok: true; survey: Survey; hash: string } | Extract<DraftPublish, { ok: false }> | 'version_taken'> {
    const row = (await client.query<Row>('SELECT * FROM drafts WHERE survey = $1 FOR UPDATE', [surveyId])).rows[0];
    const current = draftOf(row);
    if (!current || !expectedMatches(expected, current)) return { ok: false, current };
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM surveys WHERE id = $1', [surveyId]);
    const survey = prepare(current.definition, (rows[0]?.v ?? 0) + 1);
    const hash = sha256(canonicalJson(survey));
    // A plain upload (POST /surveys) of the same number may have won meanwhile: then number again.
    const inserted = await client.query('INSERT INTO surveys (id, version, json, content_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (id, version) DO NOTHING', [
      survey.id, survey.version, JSON.stringify(survey), hash,
    ]);
    if ((inserted.rowCount ?? 0) === 0) return 'version_taken';
    await client.query('UPDATE drafts SET json = NULL, revision = revision + 1 WHERE survey = $1', [surveyId]);
    // Delivered at commit, so no process hears of a version that was rolled back.
    await client.query('SELECT pg_notify($1, $2)', [this.catalogChannel, surveyId]);
    return { ok: true, survey, hash };
  }

  // Refusals and a lost version number wrote nothing, so every outcome commits; an error rolls back.
  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
