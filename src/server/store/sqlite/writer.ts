import type Database from 'better-sqlite3';
import type { Response as SurveyResponse } from '../../../core/response';
import type { Survey } from '../../../core/survey';
import { allQuestions } from '../../../core/survey';
import { DEFAULT_WAVE } from '../../../core/vocabulary';
import { addResponse, removeResponse } from '../../../core/tally';
import type { ItemResult } from '../../../core/wire';
import type { TallyCache, TallyChanges } from './tally-cache';
import type { Candidate, UnregisteredWave } from '../types';
import { keepsOwnRows, keyOf, mayLeavePool, moveOutOfPool, POOL, type Registered, type SlugState } from '../wave-pool';

type Accepted = Extract<Candidate, { survey: Survey }>;

/** The text questions of each survey version, worked out once rather than per response. */
const textQuestions = new WeakMap<Survey, Set<string>>();

type SlugRow = { responses: number; own: number };
const stateOf = (row: SlugRow | undefined): SlugState | undefined => row && { responses: row.responses, own: row.own === 1 };

/**
 * The write side of the SQLite store: every statement that changes responses runs here,
 * inside one transaction together with the tally rows it affects, keyed as
 * store/wave-pool.ts says.
 */
export class SqliteWriter {
  private readonly existing: Database.Statement;
  private readonly deviceSeen: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly insertComment: Database.Statement;
  private readonly selectOne: Database.Statement;
  private readonly deleteOne: Database.Statement;
  private readonly deleteComments: Database.Statement;
  private readonly countSlug: Database.Statement;
  private readonly slugState: Database.Statement;
  private readonly ownedCount: Database.Statement;
  private readonly setOwn: Database.Statement;
  private readonly ofSlug: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly tallies: TallyCache,
    private readonly surveyOf: (id: string, version: number) => Survey | undefined,
    private readonly now: () => string,
    private readonly registered: Registered,
  ) {
    this.existing = db.prepare('SELECT content_hash FROM responses WHERE id = ?');
    this.deviceSeen = db.prepare('SELECT 1 FROM responses WHERE survey = ? AND wave = ? AND device = ? LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO responses (id, survey, version, wave, channel, grp, submitted_at, received_at, device, content_hash, json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertComment = db.prepare(
      `INSERT INTO comments (response_id, question, survey, version, wave, channel, grp, text, submitted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectOne = db.prepare('SELECT json, grp FROM responses WHERE id = ? AND survey = ?');
    this.deleteOne = db.prepare('DELETE FROM responses WHERE id = ?');
    this.deleteComments = db.prepare('DELETE FROM comments WHERE response_id = ?');
    this.countSlug = db.prepare(
      `INSERT INTO unregistered_waves (survey, slug, responses, own) VALUES (?, ?, ?, 0)
       ON CONFLICT (survey, slug) DO UPDATE SET responses = responses + excluded.responses RETURNING responses, own`,
    );
    this.slugState = db.prepare('SELECT responses, own FROM unregistered_waves WHERE survey = ? AND slug = ?');
    this.ownedCount = db.prepare(
      `SELECT count(*) AS n FROM unregistered_waves u
       WHERE survey = ? AND own = 1 AND NOT EXISTS (SELECT 1 FROM waves w WHERE w.survey = u.survey AND w.slug = u.slug)`,
    );
    this.setOwn = db.prepare('UPDATE unregistered_waves SET own = 1 WHERE survey = ? AND slug = ?');
    this.ofSlug = db.prepare('SELECT id, json, grp FROM responses WHERE survey = ? AND wave = ?');
  }

  /** Writes a group of candidates in one transaction; returns per-item results and the surveys changed. */
  writeBatch(candidates: Candidate[]): { results: ItemResult[]; changed: Set<string> } {
    const changes = this.tallies.changes();
    const results = this.db.transaction(() => {
      const out = candidates.map((c) => this.writeOne(c, changes));
      changes.write();
      return out;
    })();
    return { results, changed: changes.commit() };
  }

  // Same-id checks come first so that a resent response is always `duplicate` (or
  // `conflict`), whatever else changed since it was stored.
  private writeOne(c: Candidate, changes: TallyChanges): ItemResult {
    if (!c.response) return { id: c.id, status: 'rejected', error: c.rejection };
    const stored = this.existing.get(c.id) as { content_hash: string } | undefined;
    if (stored) {
      return stored.content_hash === c.hash
        ? { id: c.id, status: 'duplicate' }
        : { id: c.id, status: 'rejected', error: { code: 'conflict', message: 'another response with this id is already stored' } };
    }
    if (c.rejection) return { id: c.id, status: 'rejected', error: c.rejection };
    const r = c.response;
    if (c.onePerDevice && this.deviceSeen.get(r.surveyId, r.wave, r.device)) {
      return { id: c.id, status: 'rejected', error: { code: 'duplicate_device', message: 'this device already answered in this wave' } };
    }
    this.store(c, changes);
    return { id: c.id, status: 'stored' };
  }

  private store(c: Accepted, changes: TallyChanges): void {
    const r = c.response;
    this.insert.run(r.id, r.surveyId, r.surveyVersion, r.wave, r.channel, c.group, r.submittedAt, c.receivedAt ?? this.now(), r.device, c.hash, c.canonical);
    for (const [question, value] of this.comments(c.survey, r)) {
      this.insertComment.run(r.id, question, r.surveyId, r.surveyVersion, r.wave, r.channel, c.group, value, r.submittedAt);
    }
    addResponse(changes.get(keyOf(r, c.group, this.tallyWave(r, changes))), c.survey, r.answers);
  }

  /** The tally key's wave of a response just inserted: its slug or the pool, counting it and moving the slug out of the pool when it may. */
  private tallyWave(r: SurveyResponse, changes: TallyChanges): string {
    if (keepsOwnRows(r.surveyId, r.wave, this.registered)) return r.wave;
    const state = stateOf(this.countSlug.get(r.surveyId, r.wave, 1) as SlugRow)!;
    if (state.own) return r.wave;
    if (!mayLeavePool(state, (this.ownedCount.get(r.surveyId) as { n: number }).n)) return POOL;
    this.giveOwnRows(r.surveyId, r.wave, changes, r.id);
    return r.wave;
  }

  /** From now on the slug has rows of its own: its stored responses (but `except`, not yet tallied) leave the pool. */
  private giveOwnRows(surveyId: string, slug: string, changes: TallyChanges, except?: string): void {
    this.setOwn.run(surveyId, slug);
    const rows = (this.ofSlug.all(surveyId, slug) as { id: string; json: string; grp: string }[]).filter((row) => row.id !== except);
    moveOutOfPool(rows.map((row) => ({ response: JSON.parse(row.json) as SurveyResponse, group: row.grp })), this.surveyOf, (key) => changes.get(key));
  }

  /** The tally key's wave of a stored response about to be deleted, taking it off its slug's count. */
  private storedWave(r: SurveyResponse): string {
    if (keepsOwnRows(r.surveyId, r.wave, this.registered)) return r.wave;
    const state = stateOf(this.countSlug.get(r.surveyId, r.wave, -1) as SlugRow)!;
    return state.own ? r.wave : POOL;
  }

  /**
   * Gives a slug tally rows of its own from now on, whatever the cap (it is being registered,
   * with `write` writing its definition, or copied with its source's choice), and takes its
   * stored responses out of the pool if it was pooled, in one transaction.
   */
  keepOwnRows(surveyId: string, slug: string, write: () => void = () => undefined): void {
    const changes = this.tallies.changes();
    this.db.transaction(() => {
      write();
      if (slug === DEFAULT_WAVE) return;
      const created = this.db.prepare('INSERT INTO unregistered_waves (survey, slug, responses, own) VALUES (?, ?, 0, 1) ON CONFLICT DO NOTHING').run(surveyId, slug).changes;
      if (!created && stateOf(this.slugState.get(surveyId, slug) as SlugRow | undefined)?.own === false) this.giveOwnRows(surveyId, slug, changes);
      changes.write();
    })();
    changes.commit();
  }

  /** Unregistered waves that hold responses, with their counts. */
  unregisteredWaves(surveyId: string): UnregisteredWave[] {
    const rows = this.db.prepare(
      `SELECT slug, responses, own FROM unregistered_waves u
       WHERE survey = ? AND responses > 0 AND NOT EXISTS (SELECT 1 FROM waves w WHERE w.survey = u.survey AND w.slug = u.slug)`,
    ).all(surveyId) as ({ slug: string } & SlugRow)[];
    return rows.map((r) => ({ slug: r.slug, responses: r.responses, pooled: r.own === 0 }));
  }

  /** How many slugs the pool's rows hold. */
  pooledWaveCount(surveyId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM unregistered_waves WHERE survey = ? AND own = 0 AND responses > 0').get(surveyId) as { n: number }).n;
  }

  private comments(survey: Survey, r: SurveyResponse): [string, string][] {
    let textIds = textQuestions.get(survey);
    if (!textIds) textQuestions.set(survey, (textIds = new Set(allQuestions(survey).filter((q) => q.kind === 'text').map((q) => q.id))));
    const ids = textIds;
    return Object.entries(r.answers).filter((e): e is [string, string] => ids.has(e[0]) && typeof e[1] === 'string');
  }

  /** Deletes one response and subtracts it from its tally row; returns the surveys changed. */
  deleteResponse(surveyId: string, id: string): Set<string> | undefined {
    const row = this.selectOne.get(id, surveyId) as { json: string; grp: string } | undefined;
    if (!row) return undefined;
    const r = JSON.parse(row.json) as SurveyResponse;
    const survey = this.surveyOf(r.surveyId, r.surveyVersion);
    const changes = this.tallies.changes();
    this.db.transaction(() => {
      const wave = this.storedWave(r);
      if (survey) removeResponse(changes.get(keyOf(r, row.grp, wave)), survey, r.answers);
      changes.write();
      this.deleteComments.run(id);
      this.deleteOne.run(id);
    })();
    return changes.commit();
  }

  /**
   * Deletes waves' responses, comments and tally rows in one transaction: a wave with rows of
   * its own loses them whole, a pooled one's responses are taken out of the pool's rows.
   */
  deleteWaves(surveyId: string, waves: string[]): number {
    const list = JSON.stringify(waves);
    const changes = this.tallies.changes();
    const deleted = this.db.transaction(() => {
      const within = 'survey = ? AND wave IN (SELECT value FROM json_each(?))';
      const pooled = waves.filter((slug) => !keepsOwnRows(surveyId, slug, this.registered) && stateOf(this.slugState.get(surveyId, slug) as SlugRow | undefined)?.own === false);
      if (pooled.length) {
        const rows = this.db.prepare(`SELECT json, grp FROM responses WHERE ${within}`).all(surveyId, JSON.stringify(pooled)) as { json: string; grp: string }[];
        for (const row of rows) {
          const r = JSON.parse(row.json) as SurveyResponse;
          const survey = this.surveyOf(r.surveyId, r.surveyVersion);
          if (survey) removeResponse(changes.get(keyOf(r, row.grp, POOL)), survey, r.answers);
        }
      }
      this.db.prepare(`DELETE FROM comments WHERE ${within}`).run(surveyId, list);
      this.db.prepare(`DELETE FROM tallies WHERE ${within}`).run(surveyId, list);
      this.db.prepare('DELETE FROM unregistered_waves WHERE survey = ? AND slug IN (SELECT value FROM json_each(?))').run(surveyId, list);
      changes.write();
      return this.db.prepare(`DELETE FROM responses WHERE ${within}`).run(surveyId, list).changes;
    })();
    this.tallies.dropWaves(surveyId, new Set(waves));
    changes.commit();
    return deleted;
  }
}
