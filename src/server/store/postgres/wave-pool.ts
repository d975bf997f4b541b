import type { Pool, PoolClient } from 'pg';
import type { Response as SurveyResponse } from '../../../core/response';
import type { Survey } from '../../../core/survey';
import { removeResponse } from '../../../core/tally';
import type { UnregisteredWave } from '../types';
import { DEFAULT_WAVE } from '../../../core/vocabulary';
import { keepsOwnRows, keyOf, mayLeavePool, moveOutOfPool, POOL, type Registered } from '../wave-pool';
import type { Deltas } from './tally-writes';

/** The advisory lock class under which one transaction at a time gives a survey's slugs rows of their own (the cap). */
const LEAVING_POOL_LOCK = 7_301_005;

/** What the pool needs to know beside the database: which waves are registered, and the survey versions. */
export type PoolContext = {
  registered: Registered;
  surveyOf: (id: string, version: number) => Survey | undefined;
};

type Counted = { response: SurveyResponse; group: string };
const slugKey = (survey: string, slug: string) => `${survey} ${slug}`;

/**
 * The tally key's wave of each response a batch has just inserted (store/wave-pool.ts),
 * counting the unregistered slugs among them and moving those that may leave the pool out
 * of it, into `deltas`. The count rows are upserted in key order: each stays locked to the
 * end of the transaction, so two processes writing one slug take turns, and a process
 * that registered the slug meanwhile (whose catalog this one may not have heard of yet) is
 * seen here as the row's `own`.
 */
export async function tallyWaves(client: PoolClient, inserted: Counted[], context: PoolContext, deltas: Deltas): Promise<(r: SurveyResponse) => string> {
  const counted = inserted.filter((c) => !keepsOwnRows(c.response.surveyId, c.response.wave, context.registered));
  if (!counted.length) return (r) => r.wave;
  const perSlug = new Map<string, { survey: string; slug: string; n: number }>();
  for (const { response: r } of counted) {
    const entry = perSlug.get(slugKey(r.surveyId, r.wave)) ?? { survey: r.surveyId, slug: r.wave, n: 0 };
    entry.n += 1;
    perSlug.set(slugKey(r.surveyId, r.wave), entry);
  }
  const slugs = [...perSlug.values()];
  const { rows } = await client.query<{ survey: string; slug: string; responses: number; own: boolean }>(
    `INSERT INTO unregistered_waves (survey, slug, responses, own)
     SELECT survey, slug, n, false FROM unnest($1::text[], $2::text[], $3::int[]) AS v(survey, slug, n) ORDER BY survey, slug
     ON CONFLICT (survey, slug) DO UPDATE SET responses = unregistered_waves.responses + excluded.responses
     RETURNING survey, slug, responses::int AS responses, own`,
    [slugs.map((s) => s.survey), slugs.map((s) => s.slug), slugs.map((s) => s.n)],
  );
  const own = new Set(rows.filter((r) => r.own).map((r) => slugKey(r.survey, r.slug)));
  const candidates = rows.filter((r) => mayLeavePool(r, 0)).sort((a, b) => (a.survey < b.survey ? -1 : a.survey > b.survey ? 1 : b.responses - a.responses));
  const batchIds = inserted.map((c) => c.response.id);
  for (const survey of [...new Set(candidates.map((r) => r.survey))]) {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LEAVING_POOL_LOCK, survey]);
    let owned = await ownedCount(client, survey);
    const leaving: string[] = [];
    for (const r of candidates.filter((c) => c.survey === survey)) {
      if (!mayLeavePool(r, owned)) continue;
      owned += 1;
      leaving.push(r.slug);
      own.add(slugKey(survey, r.slug));
    }
    if (leaving.length) await leavePool(client, survey, leaving, batchIds, context, deltas);
  }
  return (r) => (keepsOwnRows(r.surveyId, r.wave, context.registered) || own.has(slugKey(r.surveyId, r.wave)) ? r.wave : POOL);
}

async function ownedCount(client: PoolClient, survey: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM unregistered_waves u
     WHERE survey = $1 AND own AND NOT EXISTS (SELECT 1 FROM waves w WHERE w.survey = u.survey AND w.slug = u.slug)`,
    [survey],
  );
  return rows[0]!.n;
}

/** Gives slugs rows of their own: their stored responses, but those of this batch (`except`, tallied by the caller), leave the pool. */
async function leavePool(client: PoolClient, survey: string, slugs: string[], except: string[], context: PoolContext, deltas: Deltas): Promise<void> {
  await client.query('UPDATE unregistered_waves SET own = true WHERE survey = $1 AND slug = ANY($2::text[])', [survey, slugs]);
  const { rows } = await client.query<{ json: string; grp: string }>(
    'SELECT json, grp FROM responses WHERE survey = $1 AND wave = ANY($2::text[]) AND NOT (id = ANY($3::text[]))',
    [survey, slugs, except],
  );
  moveOutOfPool(rows.map((r) => ({ response: JSON.parse(r.json) as SurveyResponse, group: r.grp })), context.surveyOf, (key) => deltas.of(key));
}

/** The tally key's wave of a stored response being deleted, taking it off its slug's count. */
export async function storedWave(client: PoolClient, r: SurveyResponse, context: PoolContext): Promise<string> {
  if (keepsOwnRows(r.surveyId, r.wave, context.registered)) return r.wave;
  const { rows } = await client.query<{ own: boolean }>(
    'UPDATE unregistered_waves SET responses = responses - 1 WHERE survey = $1 AND slug = $2 RETURNING own',
    [r.surveyId, r.wave],
  );
  return rows[0]?.own ? r.wave : POOL;
}

/**
 * A slug that keeps rows of its own from now on, whatever the cap (being registered in the
 * caller's transaction, or copied with its source's choice): its count row is marked so
 * (created so if there is none, so that a process that has not heard of a registration yet
 * still keys the slug to its own rows) and, if it was pooled, its stored responses leave the pool.
 */
export async function keepingOwnRows(client: PoolClient, survey: string, slug: string, context: PoolContext, deltas: Deltas): Promise<void> {
  if (slug === DEFAULT_WAVE) return;
  const created = await client.query('INSERT INTO unregistered_waves (survey, slug, responses, own) VALUES ($1, $2, 0, true) ON CONFLICT DO NOTHING', [survey, slug]);
  if (created.rowCount) return;
  const { rows } = await client.query<{ own: boolean }>('SELECT own FROM unregistered_waves WHERE survey = $1 AND slug = $2 FOR UPDATE', [survey, slug]);
  if (rows[0]?.own === false) await leavePool(client, survey, [slug], [], context, deltas);
}

/**
 * Before waves are deleted: their count rows go (but a registered wave's, which stays as
 * the mark that it has rows of its own), and the responses of the pooled ones are taken out
 * of the pool's rows, into `deltas`. Returns the pooled slugs; deleting the count rows
 * first locks them against a concurrent write to the same slugs.
 */
export async function leavingWaves(client: PoolClient, survey: string, waves: string[], context: PoolContext, deltas: Deltas): Promise<string[]> {
  const unregistered = waves.filter((slug) => !keepsOwnRows(survey, slug, context.registered));
  if (!unregistered.length) return [];
  const { rows } = await client.query<{ slug: string; own: boolean }>(
    'DELETE FROM unregistered_waves WHERE survey = $1 AND slug = ANY($2::text[]) RETURNING slug, own',
    [survey, unregistered],
  );
  const pooled = rows.filter((r) => !r.own).map((r) => r.slug);
  if (!pooled.length) return [];
  const stored = await client.query<{ json: string; grp: string }>('SELECT json, grp FROM responses WHERE survey = $1 AND wave = ANY($2::text[])', [survey, pooled]);
  for (const row of stored.rows) {
    const r = JSON.parse(row.json) as SurveyResponse;
    const definition = context.surveyOf(r.surveyId, r.surveyVersion);
    if (definition) removeResponse(deltas.of(keyOf(r, row.grp, POOL)), definition, r.answers);
  }
  return pooled;
}

/** Unregistered waves that hold responses (Store.unregisteredWaves). */
export async function unregisteredWaves(pool: Pool, survey: string): Promise<UnregisteredWave[]> {
  const { rows } = await pool.query<{ slug: string; responses: number; own: boolean }>(
    `SELECT slug, responses::int AS responses, own FROM unregistered_waves u
     WHERE survey = $1 AND responses > 0 AND NOT EXISTS (SELECT 1 FROM waves w WHERE w.survey = u.survey AND w.slug = u.slug)`,
    [survey],
  );
  return rows.map((r) => ({ slug: r.slug, responses: r.responses, pooled: !r.own }));
}

/** How many slugs the pool's rows hold (Store.pooledWaveCount). */
export async function pooledWaveCount(pool: Pool, survey: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM unregistered_waves WHERE survey = $1 AND NOT own AND responses > 0', [survey]);
  return rows[0]!.n;
}
