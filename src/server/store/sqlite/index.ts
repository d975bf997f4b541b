import Database from 'better-sqlite3';
import { canonicalJson } from '../../../core/canonical';
import type { Answers, Response as SurveyResponse } from '../../../core/response';
import type { ResultsFilters, TallyRow } from '../../../core/results';
import type { Survey } from '../../../core/survey';
import type { ItemResult } from '../../../core/wire';
import { sha256 } from '../../hash';
import { GroupCommit } from '../group-commit';
import { migrate } from './migrations';
import { SqliteWriter } from './writer';
import { TallyCache } from './tally-cache';
import { AppError } from '../../../core/errors';
import type { Weighting } from '../../../core/weighting-input';
import { LocalMaps } from '../local-maps';
import { WriteHealth } from '../write-health';
import { SqliteAccounts } from './accounts';
import type { Candidate, Comment, CommentQuery, Fieldwork, PutResult, ResponseQuery, Store, StoreHealth, StoredResponse, UnregisteredWave, WaveWithCode } from '../types';
import { SqliteDrafts } from './drafts';
import { guarded, storeError } from './errors';
import { SqliteResearch } from './research';

/** How many rows an export reads per query, so a long export never holds the connection or all rows. */
const PAGE = 500;
/**
 * Rows per page of an analysis read: each page is read and parsed on the main thread in
 * one go, so a page must stay small enough (a few ms) for submissions to slip in between.
 */
const ANSWER_PAGE = 1000;

type CommentRow = Omit<Comment, 'hidden' | 'responseId' | 'group' | 'submittedAt'> & {
  response_id: string; grp: string; submitted_at: string; hidden: number;
};

/**
 * The default store: one SQLite file through better-sqlite3, in WAL mode with
 * synchronous=FULL so that a commit (and so an acknowledgement) is on disk. Surveys, waves
 * and tallies are mirrored in memory; responses are read from disk only for exports.
 */
export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  readonly sharedMaps = new LocalMaps();
  readonly drafts: SqliteDrafts;
  /** The connection, exposed for backups and for tests that check its settings. */
  readonly db: Database.Database;
  readonly accounts: SqliteAccounts;
  private readonly surveys = new Map<string, Map<number, { survey: Survey; hash: string }>>();
  private readonly waves = new Map<string, Map<string, WaveWithCode>>();
  private readonly tallies: TallyCache;
  private readonly research: SqliteResearch;
  private readonly writer: SqliteWriter;
  private readonly commits: GroupCommit<Candidate, ItemResult>;
  private readonly listeners = new Set<(surveyId: string) => void>();
  private readonly writes = new WriteHealth();
  /** Commits per survey since this store opened: the data state, for one process. */
  private readonly revisions = new Map<string, number>();

  /** Opens (creating and migrating if needed) the database at `path`, or `:memory:`. */
  constructor(path: string, private readonly now: () => number = Date.now) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.accounts = new SqliteAccounts(this.db);
    for (const row of this.db.prepare('SELECT json, content_hash FROM surveys').all() as { json: string; content_hash: string }[]) {
      this.remember(JSON.parse(row.json) as Survey, row.content_hash);
    }
    for (const row of this.db.prepare('SELECT survey, json FROM waves').all() as { survey: string; json: string }[]) {
      this.rememberWave(row.survey, JSON.parse(row.json) as WaveWithCode);
    }
    this.drafts = new SqliteDrafts(this.db, (survey, hash) => {
      this.remember(survey, hash);
      this.emit(new Set([survey.id]));
    }, now);
    this.tallies = new TallyCache(this.db);
    this.research = new SqliteResearch(this.db);
    this.writer = new SqliteWriter(
      this.db,
      this.tallies,
      (id, v) => this.surveys.get(id)?.get(v)?.survey,
      () => new Date(now()).toISOString(),
      (surveyId, slug) => this.waves.get(surveyId)?.has(slug) ?? false,
    );
    this.commits = new GroupCommit((items) => {
      const { results, changed } = this.writes.track(() => guarded(() => this.writer.writeBatch(items)));
      this.emit(changed);
      return results;
    });
  }

  async listSurveys(): Promise<Survey[]> {
    return [...this.surveys.values()].flatMap((versions) => [...versions.values()].map((v) => v.survey));
  }

  async getSurvey(id: string, version?: number): Promise<Survey | undefined> {
    const versions = this.surveys.get(id);
    if (!versions) return undefined;
    if (version !== undefined) return versions.get(version)?.survey;
    return versions.get(Math.max(...versions.keys()))?.survey;
  }

  async putSurvey(survey: Survey): Promise<PutResult> {
    const hash = sha256(canonicalJson(survey));
    const known = this.surveys.get(survey.id)?.get(survey.version);
    if (known) return known.hash === hash ? 'duplicate' : 'conflict';
    guarded(() => this.db
      .prepare('INSERT INTO surveys (id, version, json, content_hash, added_at) VALUES (?, ?, ?, ?, ?)')
      .run(survey.id, survey.version, JSON.stringify(survey), hash, new Date(this.now()).toISOString()));
    this.remember(survey, hash);
    this.emit(new Set([survey.id]));
    return 'stored';
  }

  async listWaves(surveyId: string): Promise<WaveWithCode[]> {
    return [...(this.waves.get(surveyId)?.values() ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  async getWave(surveyId: string, slug: string): Promise<WaveWithCode | undefined> {
    return this.waves.get(surveyId)?.get(slug);
  }

  async findWaveByCode(code: string): Promise<{ surveyId: string; wave: WaveWithCode } | undefined> {
    const row = this.db.prepare('SELECT survey, json FROM waves WHERE code = ?').get(code) as { survey: string; json: string } | undefined;
    return row && { surveyId: row.survey, wave: JSON.parse(row.json) as WaveWithCode };
  }

  async putWave(surveyId: string, wave: WaveWithCode): Promise<void> {
    const write = () => this.db
      .prepare('INSERT INTO waves (survey, slug, code, json) VALUES (?, ?, ?, ?) ON CONFLICT (survey, slug) DO UPDATE SET code = excluded.code, json = excluded.json')
      .run(surveyId, wave.slug, wave.code, JSON.stringify(wave));
    try {
      this.writer.keepOwnRows(surveyId, wave.slug, write);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError('conflict', `join code ${wave.code} is taken`, { field: 'code' });
      throw storeError(error);
    }
    this.rememberWave(surveyId, wave);
    // Wave labels and start times appear in results, so listeners refresh them too.
    this.emit(new Set([surveyId]));
  }

  async getWeighting(surveyId: string): Promise<Weighting | undefined> {
    return this.research.weighting(surveyId);
  }

  async putWeighting(surveyId: string, weighting: Weighting): Promise<void> {
    this.research.putWeighting(surveyId, weighting, new Date(this.now()).toISOString());
    this.emit(new Set([surveyId]));
  }

  async deleteWeighting(surveyId: string): Promise<boolean> {
    const deleted = this.research.deleteWeighting(surveyId);
    if (deleted) this.emit(new Set([surveyId]));
    return deleted;
  }

  async fieldwork(surveyId: string, version: number, filters: ResultsFilters): Promise<Fieldwork | undefined> {
    return this.research.fieldwork(surveyId, version, filters);
  }

  submit(candidates: Candidate[]): Promise<ItemResult[]> {
    return this.commits.push(candidates);
  }

  async deleteResponse(surveyId: string, id: string): Promise<boolean> {
    const changed = guarded(() => this.writer.deleteResponse(surveyId, id));
    if (changed) this.emit(new Set([surveyId]));
    return changed !== undefined;
  }

  deleteWave(surveyId: string, wave: string): Promise<number> {
    return this.deleteWaves(surveyId, [wave]);
  }

  async deleteWaves(surveyId: string, waves: string[]): Promise<number> {
    const deleted = guarded(() => this.writer.deleteWaves(surveyId, waves));
    this.emit(new Set([surveyId]));
    return deleted;
  }

  async *responses(surveyId: string, query: ResponseQuery): AsyncIterable<StoredResponse> {
    const page = this.db.prepare(
      `SELECT id, json, received_at, grp FROM responses
       WHERE survey = ? AND id > ? AND (? IS NULL OR version = ?) AND (? IS NULL OR wave = ?)
       ORDER BY id LIMIT ${PAGE}`,
    );
    const version = query.version ?? null;
    const wave = query.wave ?? null;
    let after = '';
    for (;;) {
      const rows = page.all(surveyId, after, version, version, wave, wave) as { id: string; json: string; received_at: string; grp: string }[];
      for (const row of rows) yield { response: JSON.parse(row.json) as SurveyResponse, receivedAt: row.received_at, group: row.grp };
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  // Pages by id rather than one long `.iterate()`: better-sqlite3 refuses every other
  // statement on the connection while an iterator is open, and a commit may run between pages.
  async *iterateAnswers(surveyId: string, version: number, filters: ResultsFilters): AsyncIterable<Answers> {
    const page = this.db.prepare(
      `SELECT id, json_extract(json, '$.answers') AS answers FROM responses
       WHERE survey = ? AND id > ? AND version = ? AND (? IS NULL OR wave = ?) AND (? IS NULL OR channel = ?) AND (? IS NULL OR grp = ?)
       ORDER BY id LIMIT ${ANSWER_PAGE}`,
    );
    const { wave = null, channel = null, group = null } = filters;
    let after = '';
    for (;;) {
      const rows = page.all(surveyId, after, version, wave, wave, channel, channel, group, group) as { id: string; answers: string }[];
      for (const row of rows) yield JSON.parse(row.answers) as Answers;
      if (rows.length < ANSWER_PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async keepOwnRows(surveyId: string, slug: string): Promise<void> {
    guarded(() => this.writer.keepOwnRows(surveyId, slug));
    this.emit(new Set([surveyId]));
  }

  async unregisteredWaves(surveyId: string): Promise<UnregisteredWave[]> {
    return guarded(() => this.writer.unregisteredWaves(surveyId));
  }

  async pooledWaveCount(surveyId: string): Promise<number> {
    return guarded(() => this.writer.pooledWaveCount(surveyId));
  }

  async tallyRows(surveyId: string, version: number): Promise<TallyRow[]> {
    return this.tallies.rowsFor(surveyId, version);
  }

  async listComments(surveyId: string, q: CommentQuery): Promise<Comment[]> {
    const rows = this.db
      .prepare(
        `SELECT response_id, question, text, version, wave, channel, grp, submitted_at, hidden FROM comments
         WHERE survey = ? AND (? IS NULL OR version = ?) AND (? IS NULL OR wave = ?) AND (? IS NULL OR question = ?)
           AND (? = 1 OR hidden = 0)
         ORDER BY submitted_at DESC, response_id DESC LIMIT ? OFFSET ?`,
      )
      .all(surveyId, q.version ?? null, q.version ?? null, q.wave ?? null, q.wave ?? null, q.question ?? null, q.question ?? null,
        q.includeHidden ? 1 : 0, q.limit, q.offset) as CommentRow[];
    return rows.map((r) => ({
      responseId: r.response_id, question: r.question, text: r.text, version: r.version, wave: r.wave,
      channel: r.channel, group: r.grp, submittedAt: r.submitted_at, hidden: r.hidden === 1,
    }));
  }

  async setCommentHidden(surveyId: string, responseId: string, question: string, hidden: boolean): Promise<boolean> {
    const result = guarded(() => this.db
      .prepare('UPDATE comments SET hidden = ? WHERE survey = ? AND response_id = ? AND question = ?')
      .run(hidden ? 1 : 0, surveyId, responseId, question));
    return result.changes > 0;
  }

  async stateToken(surveyId: string): Promise<string> {
    return String(this.revisions.get(surveyId) ?? 0);
  }

  async secret(name: string, generate: () => string): Promise<{ value: string; created: boolean }> {
    const created = guarded(() => this.db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING').run(name, generate()).changes > 0);
    const { value } = this.db.prepare('SELECT value FROM meta WHERE name = ?').get(name) as { value: string };
    return { value, created };
  }

  async health(): Promise<StoreHealth> {
    try {
      this.db.prepare('SELECT 1').get();
      return this.writes.problem ? { ok: false, error: this.writes.problem } : { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  onChange(listener: (surveyId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.commits.drain();
    this.db.close();
  }

  private emit(surveys: Set<string>): void {
    for (const id of surveys) this.revisions.set(id, (this.revisions.get(id) ?? 0) + 1);
    for (const id of surveys) for (const listener of this.listeners) listener(id);
  }

  private remember(survey: Survey, hash: string): void {
    let versions = this.surveys.get(survey.id);
    if (!versions) this.surveys.set(survey.id, (versions = new Map()));
    versions.set(survey.version, { survey, hash });
  }

  private rememberWave(surveyId: string, wave: WaveWithCode): void {
    let waves = this.waves.get(surveyId);
    if (!waves) this.waves.set(surveyId, (waves = new Map()));
    waves.set(wave.slug, wave);
  }
}
