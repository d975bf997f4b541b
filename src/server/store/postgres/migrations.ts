import type { Pool, PoolClient } from 'pg';
import type { Tally } from '../../../core/tally';
import { poolPlan } from '../pool-plan';

/** What a JavaScript step may need from outside the database. */
export type MigrationContext = { importSurveyFiles: (client: PoolClient) => Promise<void> };
type Step = string | ((client: PoolClient, context: MigrationContext) => Promise<void>);

/** The advisory lock every starting process takes before it looks at the schema. */
const MIGRATION_LOCK = 7_301_001;

// Key columns use the C collation, so ordering and paging by id agree with byte order
// whatever the database's default locale is.
const SCHEMA_1 = `
  CREATE TABLE surveys (
    id text COLLATE "C" NOT NULL, version integer NOT NULL, json text NOT NULL, content_hash text NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (id, version));
  CREATE TABLE responses (
    id text COLLATE "C" PRIMARY KEY, survey text COLLATE "C" NOT NULL, version integer NOT NULL,
    wave text COLLATE "C" NOT NULL, channel text NOT NULL, grp text COLLATE "C" NOT NULL,
    submitted_at text NOT NULL, received_at text NOT NULL, device text COLLATE "C" NOT NULL,
    content_hash text NOT NULL, json text NOT NULL);
  CREATE INDEX responses_by_survey ON responses (survey, id);
  CREATE INDEX responses_by_device ON responses (survey, wave, device);
  CREATE TABLE tallies (
    survey text COLLATE "C" NOT NULL, version integer NOT NULL, wave text COLLATE "C" NOT NULL, channel text NOT NULL,
    grp text COLLATE "C" NOT NULL, shard integer NOT NULL, count integer NOT NULL, gen bigint NOT NULL,
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(), json text NOT NULL,
    PRIMARY KEY (survey, version, wave, channel, grp, shard));
  CREATE INDEX tallies_by_change ON tallies (survey, xid);
  CREATE TABLE waves (
    survey text COLLATE "C" NOT NULL, slug text COLLATE "C" NOT NULL, code text COLLATE "C" NOT NULL UNIQUE,
    json text NOT NULL, PRIMARY KEY (survey, slug));
  CREATE TABLE comments (
    response_id text COLLATE "C" NOT NULL, question text COLLATE "C" NOT NULL, survey text COLLATE "C" NOT NULL,
    version integer NOT NULL, wave text COLLATE "C" NOT NULL, channel text NOT NULL, grp text COLLATE "C" NOT NULL,
    text text NOT NULL, submitted_at text COLLATE "C" NOT NULL, hidden boolean NOT NULL DEFAULT false,
    PRIMARY KEY (response_id, question));
  CREATE INDEX comments_by_survey ON comments (survey, submitted_at);
  CREATE TABLE analysis_maps (
    survey text COLLATE "C" NOT NULL, version integer NOT NULL, key text COLLATE "C" NOT NULL, state text NOT NULL,
    etag text NOT NULL, body text NOT NULL, computed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (survey, version, key));
  CREATE TABLE meta (name text COLLATE "C" PRIMARY KEY, value text NOT NULL);`;

/**
 * Schema steps, applied in order and never edited once released: a change is a new step.
 * The survey files of a SQLite deployment (DATA_DIR/surveys/*.json) are imported once, as
 * a step, so that no process needs its local DATA_DIR afterwards.
 */
// Organisers (DESIGN §8). Sessions, tokens and links hold SHA-256 digests of their secrets,
// never the secrets. The audit log is append-only: rows leave only by the retention prune.
const ACCOUNTS = `
  CREATE TABLE accounts (
    key text COLLATE "C" PRIMARY KEY, username text NOT NULL, role text NOT NULL, surveys text NOT NULL,
    disabled boolean NOT NULL DEFAULT false, password_hash text, created_at text NOT NULL);
  CREATE TABLE sessions (
    hash text COLLATE "C" PRIMARY KEY, account text COLLATE "C", via text NOT NULL, created_at bigint NOT NULL, last_seen_at bigint NOT NULL);
  CREATE INDEX sessions_by_account ON sessions (account);
  CREATE INDEX sessions_by_last_seen ON sessions (last_seen_at);
  CREATE TABLE tokens (
    id text COLLATE "C" PRIMARY KEY, hash text COLLATE "C" NOT NULL UNIQUE, account text COLLATE "C" NOT NULL,
    name text NOT NULL, created_at text COLLATE "C" NOT NULL, last_used_at text);
  CREATE INDEX tokens_by_account ON tokens (account);
  CREATE TABLE password_links (hash text COLLATE "C" PRIMARY KEY, account text COLLATE "C" NOT NULL UNIQUE, expires_at bigint NOT NULL);
  CREATE TABLE audit (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text COLLATE "C" NOT NULL UNIQUE, at text COLLATE "C" NOT NULL,
    actor text COLLATE "C" NOT NULL, action text COLLATE "C" NOT NULL, target text COLLATE "C", survey text COLLATE "C",
    ip text COLLATE "C", details text NOT NULL);
  CREATE INDEX audit_by_actor ON audit (action, actor, at);
  CREATE INDEX audit_by_ip ON audit (action, ip, at);
  CREATE INDEX audit_by_at ON audit (at);
  CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
  CREATE TRIGGER audit_append_only BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();`;

// Survey drafts (DESIGN §9): one row per survey id, kept without a definition once published.
const DRAFTS = 'CREATE TABLE drafts (survey text COLLATE "C" PRIMARY KEY, json text, revision integer NOT NULL, updated_at text NOT NULL);';

// Weighting per survey (DESIGN §10): population shares by group, as JSON.
const WEIGHTINGS = 'CREATE TABLE weightings (survey text COLLATE "C" PRIMARY KEY, json text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());';

/**
 * Unregistered waves stop having tally rows of their own (store/wave-pool.ts): each slug
 * gets a count, the largest ones up to the cap keep their rows, and the others' rows (in
 * every shard) are summed into the pool's, in shard 0.
 */
async function poolUnregisteredWaves(client: PoolClient): Promise<void> {
  await client.query(`CREATE TABLE unregistered_waves (
    survey text COLLATE "C" NOT NULL, slug text COLLATE "C" NOT NULL, responses bigint NOT NULL, own boolean NOT NULL,
    PRIMARY KEY (survey, slug))`);
  const counts = await client.query<{ survey: string; slug: string; responses: number }>(
    `SELECT survey, wave AS slug, count(*)::int AS responses FROM responses r
     WHERE wave <> 'open' AND NOT EXISTS (SELECT 1 FROM waves w WHERE w.survey = r.survey AND w.slug = r.wave)
     GROUP BY survey, wave`,
  );
  const tallies = await client.query<{ survey: string; version: number; wave: string; channel: string; grp: string; shard: number; json: string }>(
    'SELECT survey, version, wave, channel, grp, shard, json FROM tallies',
  );
  const rows = tallies.rows.map((t) => ({ survey: t.survey, version: t.version, wave: t.wave, channel: t.channel, group: t.grp, shard: t.shard, tally: JSON.parse(t.json) as Tally }));
  const plan = poolPlan(counts.rows, rows);
  const column = <T, V>(list: T[], f: (item: T) => V) => list.map(f);
  await client.query(
    'INSERT INTO unregistered_waves (survey, slug, responses, own) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::boolean[])',
    [column(plan.counts, (c) => c.survey), column(plan.counts, (c) => c.slug), column(plan.counts, (c) => c.responses), column(plan.counts, (c) => c.own)],
  );
  const gone = plan.pooledRows;
  await client.query(
    `DELETE FROM tallies t USING unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[]) AS v(survey, version, wave, channel, grp, shard)
     WHERE t.survey = v.survey AND t.version = v.version AND t.wave = v.wave AND t.channel = v.channel AND t.grp = v.grp AND t.shard = v.shard`,
    [column(gone, (r) => r.survey), column(gone, (r) => r.version), column(gone, (r) => r.wave), column(gone, (r) => r.channel), column(gone, (r) => r.group), column(gone, (r) => r.shard)],
  );
  const pool = plan.poolRows;
  await client.query(
    `INSERT INTO tallies (survey, version, wave, channel, grp, shard, count, gen, json)
     SELECT v.survey, v.version, v.wave, v.channel, v.grp, 0, v.count, 1, v.json
     FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[]) AS v(survey, version, wave, channel, grp, count, json)`,
    [column(pool, (r) => r.survey), column(pool, (r) => r.version), column(pool, (r) => r.wave), column(pool, (r) => r.channel), column(pool, (r) => r.group),
      column(pool, (r) => r.tally.count), column(pool, (r) => JSON.stringify(r.tally))],
  );
}

const STEPS: Step[] = [SCHEMA_1, (client, context) => context.importSurveyFiles(client), ACCOUNTS, DRAFTS, WEIGHTINGS, poolUnregisteredWaves];

/** How many steps this server knows. */
export const PG_SCHEMA_VERSION = STEPS.length;

/**
 * Brings the database to the latest schema under an advisory lock, so processes that
 * start together migrate once: the first takes the lock and runs the steps, each in its
 * own transaction; the others wait, then find nothing left to do. Returns the steps run.
 */
export async function migrate(pool: Pool, context: MigrationContext): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > STEPS.length) throw new Error(`database schema ${current} is newer than this server (${STEPS.length}); upgrade Stance`);
    for (let i = current; i < STEPS.length; i++) {
      const step = STEPS[i]!;
      await client.query('BEGIN');
      try {
        if (typeof step === 'string') await client.query(step);
        else await step(client, context);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return STEPS.length - current;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
