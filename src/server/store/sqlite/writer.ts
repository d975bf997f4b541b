import type Database from 'better-sqlite3';
import type { Response as SurveyResponse } from '../../../core/response';
import type { Survey } from '../../../core/survey';
import { allQuestions } from '../../../core/survey';
import { addResponse, removeResponse } from '../../../core/tally';
import type { ItemResult } from '../../../core/wire';
import type { TallyCache, TallyChanges } from './tally-cache';
import type { Candidate } from '../types';

type Accepted = Extract<Candidate, { survey: Survey }>;

/** The text questions of each survey version, worked out once rather than per response. */
const textQuestions = new WeakMap<Survey, Set<string>>();

/**
 * The write side of the SQLite store: every statement that changes responses runs here,
 * inside one transaction together with the tally rows it affects.
 */
export class SqliteWriter {
  private readonly existing: Database.Statement;
  private readonly deviceSeen: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly insertComment: Database.Statement;
  private readonly selectOne: Database.Statement;
  private readonly deleteOne: Database.Statement;
  private readonly deleteComments: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly tallies: TallyCache,
    private readonly surveyOf: (id: string, version: number) => Survey | undefined,
    private readonly now: () => string,
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
    addResponse(changes.get(tallyKey(r, c.group)), c.survey, r.answers);
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
      if (survey) removeResponse(changes.get(tallyKey(r, row.grp)), survey, r.answers);
      changes.write();
      this.deleteComments.run(id);
      this.deleteOne.run(id);
    })();
    return changes.commit();
  }

  /** Deletes a wave's responses, comments and tally rows (tallies are keyed by wave, so they go whole). */
  deleteWave(surveyId: string, wave: string): number {
    const deleted = this.db.transaction(() => {
      this.db.prepare('DELETE FROM comments WHERE survey = ? AND wave = ?').run(surveyId, wave);
      this.db.prepare('DELETE FROM tallies WHERE survey = ? AND wave = ?').run(surveyId, wave);
      return this.db.prepare('DELETE FROM responses WHERE survey = ? AND wave = ?').run(surveyId, wave).changes;
    })();
    this.tallies.dropWave(surveyId, wave);
    return deleted;
  }
}

function tallyKey(r: SurveyResponse, group: string) {
  return { survey: r.surveyId, version: r.surveyVersion, wave: r.wave, channel: r.channel, group };
}
