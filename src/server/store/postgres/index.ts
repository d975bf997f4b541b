import pg from 'pg';
import type { ClientConfig, Pool, PoolClient } from 'pg';
import type { Answers, Response as SurveyResponse } from '../../../core/response';
import type { ResultsFilters, TallyRow } from '../../../core/results';
import type { Survey } from '../../../core/survey';
import type { ItemResult } from '../../../core/wire';
import type { Weighting } from '../../../core/weighting-input';
import { GroupCommit } from '../group-commit';
import { WriteHealth } from '../write-health';
import type { Candidate, Comment, CommentQuery, Fieldwork, PutResult, ResponseQuery, Store, StoreHealth, StoredResponse, UnregisteredWave, WaveWithCode } from '../types';
import { PgAccounts } from './accounts';
import { Catalog } from './catalog';
import { guarded, storeError } from './errors';
import { channelsOf, connectionConfig } from './connection';
import { PgDrafts } from './drafts';
import { type Channels, PgListener } from './listener';
import { PgSharedMaps } from './maps';
import { migrate } from './migrations';
import { fieldworkOf } from './research';
import { TallyMirror } from './tallies';
import { pooledWaveCount, unregisteredWaves } from './wave-pool';
import { PgWriter, type Written } from './writer';

/** How to open the PostgreSQL store. */
export type PgStoreOptions = {
  url: string;
  now?: () => number;
  log?: (message: string) => void;
  /** Survey files of a SQLite deployment, imported once, by the first migration. */
  importSurveyFiles?: (put: (survey: Survey) => Promise<PutResult>) => Promise<void>;
  poolSize?: number;
};

/** Rows per page of an export, and of an analysis read (small rows, read for throughput). */
const PAGE = 500;
const ANSWER_PAGE = 1000;
/**
 * Group-commit transactions one process keeps in flight at once: while one waits for its
 * commit, the next runs its statements (measured in BENCHMARKS.md, pg-ingest).
 */
const WRITE_SLOTS = 2;

/**
 * The store on PostgreSQL (DESIGN §7), for several stateless processes on one database.
 * Surveys, waves and tallies are mirrored in memory and kept current by LISTEN/NOTIFY;
 * writes are group-committed transactions with synchronous_commit on; each process adds
 * to its own tally shards (one per write slot) and merges the others' at read time.
 */
export class PgStore implements Store {
  readonly engine = 'postgres';
  readonly sharedMaps: PgSharedMaps;
  readonly accounts: PgAccounts;
  readonly drafts: PgDrafts;
  private readonly listeners = new Set<(surveyId: string) => void>();
  private readonly mirror: TallyMirror;
  private readonly catalog: Catalog;
  private readonly writer: PgWriter;
  private readonly commits: GroupCommit<Candidate, ItemResult>;
  private readonly listener: PgListener;
  private readonly writes = new WriteHealth();

  private constructor(
    private readonly pool: Pool,
    config: ClientConfig,
    private readonly channels: Channels,
    ownPids: Set<number>,
    private readonly log: (message: string) => void,
    now: () => number,
  ) {
    this.sharedMaps = new PgSharedMaps(pool, config);
    this.accounts = new PgAccounts(pool);
    this.mirror = new TallyMirror(pool, log);
    this.catalog = new Catalog(pool, log);
    this.drafts = new PgDrafts(pool, this.catalog, channels.catalog, (surveyId) => this.emit([surveyId]));
    this.listener = new PgListener(config, channels, ownPids, {
      changed: (surveyId) => {
        this.mirror.markDirty(surveyId);
        this.emit([surveyId]);
      },
      catalog: (surveyId) => void this.catalog.reload(surveyId).finally(() => this.emit([surveyId])),
      reconnected: () => void this.reloadEverything(),
      log,
    }, WRITE_SLOTS);
    this.writer = new PgWriter(pool, this.mirror, () => new Date(now()).toISOString(), channels.changes, {
      registered: (surveyId, slug) => this.catalog.wave(surveyId, slug) !== undefined,
      surveyOf: (id, version) => this.catalog.known(id, version),
    });
    const shardOf = (slot: number) => this.listener.shards[slot]!;
    this.commits = new GroupCommit(
      async (items, slot) => this.committed(await this.writes.track(() => guarded(() => this.writer.writeBatch(items, shardOf(slot))))).results,
      WRITE_SLOTS,
    );
  }

  /** Connects, migrates (once across processes), loads the mirrors and starts listening. */
  static async open(options: PgStoreOptions): Promise<PgStore> {
    const log = options.log ?? ((message: string) => console.error(message));
    const config = connectionConfig(options.url);
    const ownPids = new Set<number>();
    const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000, keepAlive: true });
    // An idle connection that the database drops must not take the process down.
    pool.on('error', (error) => log(`database connection lost: ${error.message}`));
    pool.on('connect', (client) => {
      ownPids.add((client as unknown as { processID: number }).processID);
      // A connection dropped while checked out also fails its query, which the caller sees;
      // without a listener here the 'error' event would end the process.
      client.on('error', () => undefined);
    });
    pool.on('remove', (client) => ownPids.delete((client as unknown as { processID: number }).processID));
    let store: PgStore;
    try {
      const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
      store = new PgStore(pool, config, channelsOf(rows[0]!.schema), ownPids, log, options.now ?? Date.now);
      await migrate(pool, { importSurveyFiles: (client) => store.importFiles(client, options.importSurveyFiles) });
      // Listening first, so nothing committed between the load and the LISTEN goes unheard.
      await store.listener.start();
      await store.reloadEverything();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async listSurveys(): Promise<Survey[]> {
    return this.catalog.surveys();
  }

  getSurvey(id: string, version?: number): Promise<Survey | undefined> {
    return guarded(() => this.catalog.survey(id, version));
  }

  putSurvey(survey: Survey): Promise<PutResult> {
    return guarded(async () => {
      const outcome = await this.catalog.putSurvey(this.pool, survey);
      if (outcome === 'stored') await this.announce(survey.id);
      return outcome;
    });
  }

  async listWaves(surveyId: string): Promise<WaveWithCode[]> {
    return this.catalog.waves(surveyId);
  }

  async getWave(surveyId: string, slug: string): Promise<WaveWithCode | undefined> {
    return this.catalog.wave(surveyId, slug);
  }

  findWaveByCode(code: string): Promise<{ surveyId: string; wave: WaveWithCode } | undefined> {
    return guarded(() => this.catalog.findByCode(code));
  }

  putWave(surveyId: string, wave: WaveWithCode): Promise<void> {
    return guarded(async () => {
      // The rows moved are in the mirror; `announce` tells this process's listeners and the others.
      await this.writer.keepOwnRows(surveyId, wave.slug, this.listener.shards[0]!, (client) => this.catalog.putWave(client, surveyId, wave));
      this.catalog.rememberWave(surveyId, wave);
      await this.announce(surveyId);
    });
  }

  async getWeighting(surveyId: string): Promise<Weighting | undefined> {
    return this.catalog.weighting(surveyId);
  }

  putWeighting(surveyId: string, weighting: Weighting): Promise<void> {
    return guarded(async () => {
      await this.catalog.putWeighting(surveyId, weighting);
      await this.announce(surveyId);
    });
  }

  deleteWeighting(surveyId: string): Promise<boolean> {
    return guarded(async () => {
      const deleted = await this.catalog.deleteWeighting(surveyId);
      if (deleted) await this.announce(surveyId);
      return deleted;
    });
  }

  fieldwork(surveyId: string, version: number, filters: ResultsFilters): Promise<Fieldwork | undefined> {
    return guarded(() => fieldworkOf(this.pool, surveyId, version, filters));
  }

  async submit(candidates: Candidate[]): Promise<ItemResult[]> {
    try {
      return await this.commits.push(candidates);
    } catch (error) {
      throw storeError(error);
    }
  }

  deleteResponse(surveyId: string, id: string): Promise<boolean> {
    return guarded(async () => {
      const survey = await this.responseSurvey(surveyId, id);
      return this.committed(await this.writer.deleteResponse(survey, surveyId, id, this.listener.shards[0]!)).deleted;
    });
  }

  deleteWave(surveyId: string, wave: string): Promise<number> {
    return this.deleteWaves(surveyId, [wave]);
  }

  deleteWaves(surveyId: string, waves: string[]): Promise<number> {
    return guarded(async () => this.committed(await this.writer.deleteWaves(surveyId, waves, this.listener.shards[0]!)).deleted);
  }

  keepOwnRows(surveyId: string, slug: string): Promise<void> {
    return guarded(async () => void this.committed(await this.writer.keepOwnRows(surveyId, slug, this.listener.shards[0]!)));
  }

  unregisteredWaves(surveyId: string): Promise<UnregisteredWave[]> {
    return guarded(() => unregisteredWaves(this.pool, surveyId));
  }

  pooledWaveCount(surveyId: string): Promise<number> {
    return guarded(() => pooledWaveCount(this.pool, surveyId));
  }

  async *responses(surveyId: string, query: ResponseQuery): AsyncIterable<StoredResponse> {
    let after = '';
    for (;;) {
      const { rows } = await guarded(() =>
        this.pool.query<{ id: string; json: string; received_at: string; grp: string }>(
          `SELECT id, json, received_at, grp FROM responses
           WHERE survey = $1 AND id > $2 AND ($3::int IS NULL OR version = $3) AND ($4::text IS NULL OR wave = $4)
           ORDER BY id LIMIT ${PAGE}`,
          [surveyId, after, query.version ?? null, query.wave ?? null],
        ),
      );
      for (const row of rows) yield { response: JSON.parse(row.json) as SurveyResponse, receivedAt: row.received_at, group: row.grp };
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async *iterateAnswers(surveyId: string, version: number, filters: ResultsFilters): AsyncIterable<Answers> {
    let after = '';
    for (;;) {
      const { rows } = await guarded(() =>
        this.pool.query<{ id: string; json: string }>(
          `SELECT id, json FROM responses
           WHERE survey = $1 AND id > $2 AND version = $3 AND ($4::text IS NULL OR wave = $4) AND ($5::text IS NULL OR channel = $5) AND ($6::text IS NULL OR grp = $6)
           ORDER BY id LIMIT ${ANSWER_PAGE}`,
          [surveyId, after, version, filters.wave ?? null, filters.channel ?? null, filters.group ?? null],
        ),
      );
      for (const row of rows) yield (JSON.parse(row.json) as SurveyResponse).answers;
      if (rows.length < ANSWER_PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  tallyRows(surveyId: string, version: number): Promise<TallyRow[]> {
    return this.mirror.rows(surveyId, version);
  }

  stateToken(surveyId: string, version: number): Promise<string> {
    return this.mirror.stateToken(surveyId, version);
  }

  listComments(surveyId: string, q: CommentQuery): Promise<Comment[]> {
    return guarded(async () => {
      const { rows } = await this.pool.query<{ response_id: string; question: string; text: string; version: number; wave: string; channel: string; grp: string; submitted_at: string; hidden: boolean }>(
        `SELECT response_id, question, text, version, wave, channel, grp, submitted_at, hidden FROM comments
         WHERE survey = $1 AND ($2::int IS NULL OR version = $2) AND ($3::text IS NULL OR wave = $3) AND ($4::text IS NULL OR question = $4)
           AND ($5 OR NOT hidden)
         ORDER BY submitted_at DESC, response_id DESC LIMIT $6 OFFSET $7`,
        [surveyId, q.version ?? null, q.wave ?? null, q.question ?? null, q.includeHidden, q.limit, q.offset],
      );
      return rows.map((r) => ({
        responseId: r.response_id, question: r.question, text: r.text, version: r.version, wave: r.wave,
        channel: r.channel, group: r.grp, submittedAt: r.submitted_at, hidden: r.hidden,
      }));
    });
  }

  setCommentHidden(surveyId: string, responseId: string, question: string, hidden: boolean): Promise<boolean> {
    return guarded(async () => {
      const result = await this.pool.query('UPDATE comments SET hidden = $1 WHERE survey = $2 AND response_id = $3 AND question = $4', [hidden, surveyId, responseId, question]);
      return (result.rowCount ?? 0) > 0;
    });
  }

  onChange(listener: (surveyId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  secret(name: string, generate: () => string): Promise<{ value: string; created: boolean }> {
    return guarded(async () => {
      const inserted = await this.pool.query('INSERT INTO meta (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, generate()]);
      const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM meta WHERE name = $1', [name]);
      return { value: rows[0]!.value, created: (inserted.rowCount ?? 0) > 0 };
    });
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.pool.query('SELECT 1');
      if (this.writes.problem) return { ok: false, error: this.writes.problem };
      return this.listener.connected ? { ok: true } : { ok: false, error: 'the change listener is reconnecting to the database' };
    } catch (error) {
      return { ok: false, error: `the database does not answer: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.commits.drain();
    await this.pool.end();
  }

  /** Other processes reload the survey's versions, waves and weighting; this one already has them. */
  private async announce(surveyId: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channels.catalog, surveyId]);
    this.emit([surveyId]);
  }

  private committed<T extends Written>(written: T): T {
    this.emit([...written.changed]);
    return written;
  }

  private async responseSurvey(surveyId: string, id: string): Promise<Survey | undefined> {
    const { rows } = await this.pool.query<{ version: number }>('SELECT version FROM responses WHERE id = $1 AND survey = $2', [id, surveyId]);
    return rows[0] ? this.catalog.survey(surveyId, rows[0].version) : undefined;
  }

  // After a lost connection nothing seen before can be trusted to be current.
  private async reloadEverything(): Promise<void> {
    try {
      await this.catalog.loadAll();
      this.mirror.markAllDirty();
      await this.mirror.loadAll();
    } catch (error) {
      this.log(`could not reload from the database: ${String(error)}`);
      this.mirror.markAllDirty();
    }
    this.emit(this.catalog.surveyIds());
  }

  private async importFiles(client: PoolClient, importSurveyFiles: PgStoreOptions['importSurveyFiles']): Promise<void> {
    await importSurveyFiles?.((survey) => this.catalog.putSurvey(client, survey));
  }

  private emit(surveys: Iterable<string>): void {
    for (const id of surveys) for (const listener of this.listeners) listener(id);
  }
}
