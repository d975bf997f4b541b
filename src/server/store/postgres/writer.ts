import type { Pool, PoolClient } from 'pg';
import type { Response as SurveyResponse } from '../../../core/response';
import type { Survey } from '../../../core/survey';
import { allQuestions } from '../../../core/survey';
import { addResponse, removeResponse } from '../../../core/tally';
import type { ItemResult } from '../../../core/wire';
import type { Candidate } from '../types';
import { isRetryable, isUnreachable } from './errors';
import type { ShardRow, TallyMirror } from './tallies';
import { Deltas, writeDeltas } from './tally-writes';
import { keyOf } from '../wave-pool';
import { keepingOwnRows, leavingWaves, type PoolContext, storedWave, tallyWaves } from './wave-pool';

type Accepted = Extract<Candidate, { survey: Survey }>;

/** How often a transaction that lost a deadlock is run again before the error is reported. */
const ATTEMPTS = 3;

const conflict = (id: string): ItemResult => ({ id, status: 'rejected', error: { code: 'conflict', message: 'another response with this id is already stored' } });
const sameOrConflict = (id: string, stored: string, hash: string): ItemResult => (stored === hash ? { id, status: 'duplicate' } : conflict(id));

/** What a committed write did: per-item results, the rows for the mirror, the surveys changed. */
export type Written = { results: ItemResult[]; rows: ShardRow[]; changed: Set<string> };

/**
 * The write side of the PostgreSQL store. Each call is one transaction on one pooled
 * connection that commits (with synchronous_commit on) before it returns; a deadlock lost
 * to another process rolls back and runs again, since nothing was acknowledged yet.
 */
export class PgWriter {
  constructor(
    private readonly pool: Pool,
    private readonly mirror: TallyMirror,
    private readonly now: () => string,
    private readonly channel: string,
    private readonly context: PoolContext,
  ) {}

  /** Stores a group of candidates, its tallies added to `shard`: idempotent per id across processes, one NOTIFY per survey. */
  writeBatch(candidates: Candidate[], shard: number): Promise<Written> {
    return this.transaction((client) => this.batch(client, candidates, shard));
  }

  /** Deletes one response and takes it out of the tallies (`shard`, one of this process's, holds the negative). */
  deleteResponse(survey: Survey | undefined, surveyId: string, id: string, shard: number): Promise<Written & { deleted: boolean }> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ json: string; grp: string }>('DELETE FROM responses WHERE id = $1 AND survey = $2 RETURNING json, grp', [id, surveyId]);
      const row = rows[0];
      if (!row) return { results: [], rows: [], changed: new Set(), deleted: false };
      await client.query('DELETE FROM comments WHERE response_id = $1', [id]);
      const r = JSON.parse(row.json) as SurveyResponse;
      const deltas = new Deltas();
      const wave = await storedWave(client, r, this.context);
      if (survey) removeResponse(deltas.of(keyOf(r, row.grp, wave)), survey, r.answers);
      const written = await writeDeltas(client, this.mirror, shard, deltas.sorted());
      await notify(client, this.channel, [surveyId]);
      return { results: [], rows: written, changed: new Set([surveyId]), deleted: true };
    });
  }

  /**
   * Deletes waves' responses and comments and empties their tally rows in every shard
   * (rows stay, at count 0, so their generations keep moving forward); a pooled wave's
   * responses are taken out of the pool's rows in `shard`. The tally rows and the count
   * rows are locked first: a concurrent submission to the wave then either committed
   * before (its responses are deleted here) or adds its delta after (its responses survive).
   */
  deleteWaves(surveyId: string, waves: string[], shard: number): Promise<Written & { deleted: number }> {
    return this.transaction(async (client) => {
      await client.query('SELECT 1 FROM tallies WHERE survey = $1 AND wave = ANY($2::text[]) FOR UPDATE', [surveyId, waves]);
      const deltas = new Deltas();
      await leavingWaves(client, surveyId, waves, this.context, deltas);
      const pooled = await writeDeltas(client, this.mirror, shard, deltas.sorted());
      await client.query('DELETE FROM comments WHERE survey = $1 AND wave = ANY($2::text[])', [surveyId, waves]);
      const deleted = await client.query('DELETE FROM responses WHERE survey = $1 AND wave = ANY($2::text[])', [surveyId, waves]);
      const { rows } = await client.query<{ version: number; wave: string; channel: string; grp: string; shard: number; gen: string }>(
        `UPDATE tallies SET count = 0, json = '{"count":0,"questions":{}}', gen = gen + 1, xid = pg_current_xact_id()
         WHERE survey = $1 AND wave = ANY($2::text[]) RETURNING version, wave, channel, grp, shard, gen::text AS gen`,
        [surveyId, waves],
      );
      await notify(client, this.channel, [surveyId]);
      const emptied = rows.map((r) => ({ survey: surveyId, version: r.version, wave: r.wave, channel: r.channel, group: r.grp, shard: r.shard, gen: Number(r.gen), tally: { count: 0, questions: {} } }));
      return { results: [], rows: [...emptied, ...pooled], changed: new Set([surveyId]), deleted: deleted.rowCount ?? 0 };
    });
  }

  /** Gives a slug rows of its own (`keepingOwnRows`, the moves in `shard`) after `write` (a wave's definition, when registering), in one transaction. */
  keepOwnRows(surveyId: string, slug: string, shard: number, write: (client: PoolClient) => Promise<void> = async () => undefined): Promise<Written> {
    return this.transaction(async (client) => {
      await write(client);
      const deltas = new Deltas();
      await keepingOwnRows(client, surveyId, slug, this.context, deltas);
      const rows = await writeDeltas(client, this.mirror, shard, deltas.sorted());
      if (rows.length) await notify(client, this.channel, [surveyId]);
      return { results: [], rows, changed: new Set([surveyId]) };
    });
  }

  private async transaction<T extends Written>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await work(client);
        await client.query('COMMIT');
        this.mirror.apply(out.rows);
        return out;
      } catch (error) {
        // A connection that failed mid-transaction goes, rather than back into the pool.
        broken = isUnreachable(error);
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  // Same-id checks come first so that a resent response is always `duplicate` (or
  // `conflict`), whatever else changed since it was stored.
  private async batch(client: PoolClient, candidates: Candidate[], shard: number): Promise<Written> {
    const results: ItemResult[] = new Array(candidates.length);
    const stored = await hashesOf(client, idsToCheckFirst(candidates));
    const firstInBatch = new Map<string, string>();
    const devices: [number, Accepted][] = [];
    const accepted: [number, Accepted][] = [];
    candidates.forEach((c, i) => {
      if (!c.response) results[i] = { id: c.id, status: 'rejected', error: c.rejection };
      else if (stored.has(c.id)) results[i] = sameOrConflict(c.id, stored.get(c.id)!, c.hash);
      else if (firstInBatch.has(c.id)) results[i] = sameOrConflict(c.id, firstInBatch.get(c.id)!, c.hash);
      else if (c.rejection) results[i] = { id: c.id, status: 'rejected', error: c.rejection };
      else {
        firstInBatch.set(c.id, c.hash);
        (c.onePerDevice ? devices : accepted).push([i, c]);
      }
    });
    for (const [i, c] of await this.devicesAllowed(client, devices, results)) accepted.push([i, c]);
    const inserted = await this.insert(client, accepted, results);
    const deltas = new Deltas();
    const waveOf = await tallyWaves(client, inserted, this.context, deltas);
    for (const c of inserted) addResponse(deltas.of(keyOf(c.response, c.group, waveOf(c.response))), c.survey, c.response.answers);
    const rows = await writeDeltas(client, this.mirror, shard, deltas.sorted());
    const changed = new Set(inserted.map((c) => c.response.surveyId));
    await notify(client, this.channel, [...changed]);
    return { results, rows, changed };
  }

  /**
   * The one-response-per-device rule, safe across processes: an advisory lock per survey ×
   * wave × device (taken in sorted order) serialises two first answers from one device, so
   * exactly one of them is stored.
   */
  private async devicesAllowed(client: PoolClient, candidates: [number, Accepted][], results: ItemResult[]): Promise<[number, Accepted][]> {
    if (!candidates.length) return [];
    // Ids, waves and devices are slugs, so a space cannot occur inside one of them.
    const lockKeys = [...new Set(candidates.map(([, c]) => `${c.response.surveyId} ${c.response.wave} ${c.response.device}`))].sort();
    await client.query('SELECT pg_advisory_xact_lock(7301004, hashtext(k)) FROM unnest($1::text[]) AS k ORDER BY k', [lockKeys]);
    const col = (f: (r: SurveyResponse) => string) => candidates.map(([, c]) => f(c.response));
    const { rows } = await client.query<{ survey: string; wave: string; device: string }>(
      `SELECT DISTINCT r.survey, r.wave, r.device FROM responses r
       JOIN unnest($1::text[], $2::text[], $3::text[]) AS v(survey, wave, device)
         ON r.survey = v.survey AND r.wave = v.wave AND r.device = v.device`,
      [col((r) => r.surveyId), col((r) => r.wave), col((r) => r.device)],
    );
    const keyOf = (r: { survey: string; wave: string; device: string }) => `${r.survey} ${r.wave} ${r.device}`;
    const seen = new Set(rows.map(keyOf));
    const allowed: [number, Accepted][] = [];
    for (const [i, c] of candidates) {
      const key = keyOf({ survey: c.response.surveyId, wave: c.response.wave, device: c.response.device });
      if (seen.has(key)) results[i] = { id: c.id, status: 'rejected', error: { code: 'duplicate_device', message: 'this device already answered in this wave' } };
      else {
        seen.add(key);
        allowed.push([i, c]);
      }
    }
    return allowed;
  }

  /** Inserts in id order; rows another process committed first come back as duplicate or conflict. */
  private async insert(client: PoolClient, accepted: [number, Accepted][], results: ItemResult[]): Promise<Accepted[]> {
    if (!accepted.length) return [];
    accepted.sort(([, a], [, b]) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const received = this.now();
    const rows: { id: string }[] = [];
    for (let i = 0; i < accepted.length; i += ROWS_PER_INSERT) {
      const part = accepted.slice(i, i + ROWS_PER_INSERT);
      const values = part.flatMap(([, c]) => [
        c.id, c.response.surveyId, c.response.surveyVersion, c.response.wave, c.response.channel, c.group,
        c.response.submittedAt, c.receivedAt ?? received, c.response.device, c.hash, c.canonical,
      ]);
      rows.push(...(await client.query<{ id: string }>(insertStatement(part.length), values)).rows);
    }
    const insertedIds = new Set(rows.map((r) => r.id));
    const raced = accepted.filter(([, c]) => !insertedIds.has(c.id));
    const racedHashes = await hashesOf(client, raced.map(([, c]) => c.id));
    for (const [i, c] of raced) results[i] = sameOrConflict(c.id, racedHashes.get(c.id) ?? '', c.hash);
    const inserted = accepted.filter(([, c]) => insertedIds.has(c.id));
    for (const [i, c] of inserted) results[i] = { id: c.id, status: 'stored' };
    await insertComments(client, inserted.map(([, c]) => c));
    return inserted.map(([, c]) => c);
  }
}

/** Rows per INSERT statement: 11 parameters each, well under PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1000;
/** By row count, so at most ROWS_PER_INSERT of them. */
const insertStatements = new Map<number, string>();

/**
 * A multi-row `INSERT … VALUES` for `n` responses, built once per size. Plain parameters,
 * not `unnest` over arrays: pg escaped every element of an array parameter (a regex over
 * each canonical JSON) and measured the result again, about a sixth of the server's CPU
 * per response in the ingest benchmark.
 */
function insertStatement(n: number): string {
  let sql = insertStatements.get(n);
  if (!sql) {
    const rows = Array.from({ length: n }, (_, r) => `(${Array.from({ length: 11 }, (_, c) => `$${r * 11 + c + 1}`).join(', ')})`);
    sql = `INSERT INTO responses (id, survey, version, wave, channel, grp, submitted_at, received_at, device, content_hash, json)
       VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`;
    insertStatements.set(n, sql);
  }
  return sql;
}

/**
 * The ids whose stored copies must be known before anything else is decided: only when a
 * batch holds a rejected or a one-per-device response could a resend otherwise be answered
 * by that rule instead of `duplicate`. Without such responses the insert's own conflict
 * check tells stored from duplicate, and the extra round trip is saved.
 */
function idsToCheckFirst(candidates: Candidate[]): string[] {
  const answered = candidates.filter((c): c is Accepted => c.response !== undefined);
  if (!answered.some((c) => c.rejection || c.onePerDevice)) return [];
  return [...new Set(answered.map((c) => c.id))];
}

async function hashesOf(client: PoolClient, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await client.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM responses WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

/** The text questions of each survey version, worked out once rather than per response. */
const textQuestions = new WeakMap<Survey, Set<string>>();

async function insertComments(client: PoolClient, inserted: Accepted[]): Promise<void> {
  const rows: [Accepted, string, string][] = [];
  for (const c of inserted) {
    let ids = textQuestions.get(c.survey);
    if (!ids) textQuestions.set(c.survey, (ids = new Set(allQuestions(c.survey).filter((q) => q.kind === 'text').map((q) => q.id))));
    // PostgreSQL text cannot hold U+0000 (the response's JSON keeps it, escaped); a comment shows it as U+FFFD.
    for (const [question, value] of Object.entries(c.response.answers)) if (ids.has(question) && typeof value === 'string') rows.push([c, question, value.replaceAll('\u0000', '\uFFFD')]);
  }
  if (!rows.length) return;
  await client.query(
    `INSERT INTO comments (response_id, question, survey, version, wave, channel, grp, text, submitted_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
    [rows.map(([c]) => c.id), rows.map(([, q]) => q), rows.map(([c]) => c.response.surveyId), rows.map(([c]) => c.response.surveyVersion),
      rows.map(([c]) => c.response.wave), rows.map(([c]) => c.response.channel), rows.map(([c]) => c.group), rows.map(([, , t]) => t), rows.map(([c]) => c.response.submittedAt)],
  );
}

/** One notification per survey per transaction (NOTIFY serialises commits, so never one per response). */
async function notify(client: PoolClient, channel: string, surveys: string[]): Promise<void> {
  if (surveys.length) await client.query('SELECT pg_notify($1, s) FROM unnest($2::text[]) AS s', [channel, surveys]);
}
