import type { Pool, PoolClient } from 'pg';
import { canonicalJson } from '../../../core/canonical';
import { AppError } from '../../../core/errors';
import type { Survey } from '../../../core/survey';
import type { Weighting } from '../../../core/weighting-input';
import { sha256 } from '../../hash';
import type { PutResult, WaveWithCode } from '../types';

type Versions = Map<number, { survey: Survey; hash: string }>;

/** How long a survey version that the database does not have is not asked for again. */
const MISSING_FOR_MS = 1000;

/**
 * Surveys, waves and weightings as every process sees them: loaded at start, reloaded for
 * a survey when another process announces a change to it, read from memory on every
 * submission and results read. A version this process has not heard of yet (announced a
 * moment ago) is looked up once.
 */
export class Catalog {
  private readonly versions = new Map<string, Versions>();
  private readonly wavesBySurvey = new Map<string, Map<string, WaveWithCode>>();
  private readonly missing = new Map<string, number>();
  private readonly weightings = new Map<string, Weighting>();

  constructor(
    private readonly pool: Pool,
    private readonly log: (message: string) => void,
  ) {}

  /** Every survey id known. */
  surveyIds(): string[] {
    return [...new Set([...this.versions.keys(), ...this.wavesBySurvey.keys()])];
  }

  surveys(): Survey[] {
    return [...this.versions.values()].flatMap((v) => [...v.values()].map((e) => e.survey));
  }

  async survey(id: string, version?: number): Promise<Survey | undefined> {
    const versions = this.versions.get(id);
    if (version === undefined) return versions && versions.get(Math.max(...versions.keys()))?.survey;
    const known = versions?.get(version);
    if (known) return known.survey;
    const key = `${id}@${version}`;
    if ((this.missing.get(key) ?? 0) > Date.now()) return undefined;
    const { rows } = await this.pool.query<{ json: string; content_hash: string }>('SELECT json, content_hash FROM surveys WHERE id = $1 AND version = $2', [id, version]);
    if (!rows[0]) {
      if (this.missing.size > 10_000) this.missing.clear();
      this.missing.set(key, Date.now() + MISSING_FOR_MS);
      return undefined;
    }
    return this.remember(JSON.parse(rows[0].json) as Survey, rows[0].content_hash);
  }

  /** Adds a version unless one with that id and number exists (then same content or conflict). */
  async putSurvey(db: Pool | PoolClient, survey: Survey): Promise<PutResult> {
    const hash = sha256(canonicalJson(survey));
    const inserted = await db.query('INSERT INTO surveys (id, version, json, content_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (id, version) DO NOTHING', [
      survey.id, survey.version, JSON.stringify(survey), hash,
    ]);
    if ((inserted.rowCount ?? 0) > 0) {
      this.remember(survey, hash);
      return 'stored';
    }
    const { rows } = await db.query<{ content_hash: string }>('SELECT content_hash FROM surveys WHERE id = $1 AND version = $2', [survey.id, survey.version]);
    if (rows[0]?.content_hash !== hash) return 'conflict';
    // Stored by another process, maybe before this one loaded or listened: known from now on.
    this.remember(survey, hash);
    return 'duplicate';
  }

  waves(surveyId: string): WaveWithCode[] {
    return [...(this.wavesBySurvey.get(surveyId)?.values() ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  wave(surveyId: string, slug: string): WaveWithCode | undefined {
    return this.wavesBySurvey.get(surveyId)?.get(slug);
  }

  async findByCode(code: string): Promise<{ surveyId: string; wave: WaveWithCode } | undefined> {
    const { rows } = await this.pool.query<{ survey: string; json: string }>('SELECT survey, json FROM waves WHERE code = $1', [code]);
    return rows[0] && { surveyId: rows[0].survey, wave: JSON.parse(rows[0].json) as WaveWithCode };
  }

  /** Writes a wave's definition through `db` (the caller's transaction); `rememberWave` once it is committed. */
  async putWave(db: Pool | PoolClient, surveyId: string, wave: WaveWithCode): Promise<void> {
    try {
      await db.query(
        `INSERT INTO waves (survey, slug, code, json) VALUES ($1, $2, $3, $4)
         ON CONFLICT (survey, slug) DO UPDATE SET code = excluded.code, json = excluded.json`,
        [surveyId, wave.slug, wave.code, JSON.stringify(wave)],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new AppError('conflict', `join code ${wave.code} is taken`, { field: 'code' });
      throw error;
    }
  }

  rememberWave(surveyId: string, wave: WaveWithCode): void {
    this.wavesOf(surveyId).set(wave.slug, wave);
  }

  /** A version already in memory, without asking the database (for responses it stored). */
  known(id: string, version: number): Survey | undefined {
    return this.versions.get(id)?.get(version)?.survey;
  }

  weighting(surveyId: string): Weighting | undefined {
    return this.weightings.get(surveyId);
  }

  async putWeighting(surveyId: string, weighting: Weighting): Promise<void> {
    const copy: Weighting = { shares: { ...weighting.shares } };
    await this.pool.query(
      'INSERT INTO weightings (survey, json) VALUES ($1, $2) ON CONFLICT (survey) DO UPDATE SET json = excluded.json, updated_at = now()',
      [surveyId, JSON.stringify(copy)],
    );
    this.weightings.set(surveyId, copy);
  }

  async deleteWeighting(surveyId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM weightings WHERE survey = $1', [surveyId]);
    this.weightings.delete(surveyId);
    return (rowCount ?? 0) > 0;
  }

  /** Reads one survey's versions, waves and weighting again (another process changed them). */
  async reload(surveyId: string): Promise<void> {
    try {
      const [surveys, waves, weighting] = await Promise.all([
        this.pool.query<{ json: string; content_hash: string }>('SELECT json, content_hash FROM surveys WHERE id = $1', [surveyId]),
        this.pool.query<{ json: string }>('SELECT json FROM waves WHERE survey = $1', [surveyId]),
        this.pool.query<{ json: string }>('SELECT json FROM weightings WHERE survey = $1', [surveyId]),
      ]);
      for (const row of surveys.rows) this.remember(JSON.parse(row.json) as Survey, row.content_hash);
      this.wavesBySurvey.set(surveyId, new Map(waves.rows.map((r) => [(JSON.parse(r.json) as WaveWithCode).slug, JSON.parse(r.json) as WaveWithCode])));
      if (weighting.rows[0]) this.weightings.set(surveyId, JSON.parse(weighting.rows[0].json) as Weighting);
      else this.weightings.delete(surveyId);
    } catch (error) {
      this.log(`could not reload survey ${surveyId}: ${String(error)}`);
    }
  }

  /** Reads every survey, wave and weighting (at start, and after a lost connection). */
  async loadAll(): Promise<void> {
    const [surveys, waves, weightings] = await Promise.all([
      this.pool.query<{ json: string; content_hash: string }>('SELECT json, content_hash FROM surveys'),
      this.pool.query<{ survey: string; json: string }>('SELECT survey, json FROM waves'),
      this.pool.query<{ survey: string; json: string }>('SELECT survey, json FROM weightings'),
    ]);
    this.weightings.clear();
    for (const row of weightings.rows) this.weightings.set(row.survey, JSON.parse(row.json) as Weighting);
    for (const row of surveys.rows) this.remember(JSON.parse(row.json) as Survey, row.content_hash);
    this.wavesBySurvey.clear();
    for (const row of waves.rows) {
      const wave = JSON.parse(row.json) as WaveWithCode;
      this.wavesOf(row.survey).set(wave.slug, wave);
    }
  }

  private wavesOf(surveyId: string): Map<string, WaveWithCode> {
    let waves = this.wavesBySurvey.get(surveyId);
    if (!waves) this.wavesBySurvey.set(surveyId, (waves = new Map()));
    return waves;
  }

  /** Adds a version this process stored itself (say, by publishing a draft) and returns it. */
  remember(survey: Survey, hash: string): Survey {
    let versions = this.versions.get(survey.id);
    if (!versions) this.versions.set(survey.id, (versions = new Map()));
    versions.set(survey.version, { survey, hash });
    return survey;
  }
}
