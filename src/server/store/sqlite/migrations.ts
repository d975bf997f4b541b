import type Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../../core/waves';
import { poolPlan } from '../pool-plan';

/** One schema step: SQL, or a function for steps that must compute what they write. */
type Step = string | ((db: Database.Database) => void);

/**
 * Schema steps, applied in order and never edited once released: a change is a new step.
 * `schema_version` records how many have run, so an old data directory upgrades in place.
 */
const MIGRATIONS: Step[] = [
  `CREATE TABLE surveys (
     id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL, content_hash TEXT NOT NULL, added_at TEXT NOT NULL,
     PRIMARY KEY (id, version)) WITHOUT ROWID;
   CREATE TABLE responses (
     id TEXT PRIMARY KEY, survey TEXT NOT NULL, version INTEGER NOT NULL, wave TEXT NOT NULL, channel TEXT NOT NULL,
     grp TEXT NOT NULL, submitted_at TEXT NOT NULL, received_at TEXT NOT NULL, device TEXT NOT NULL,
     content_hash TEXT NOT NULL, json TEXT NOT NULL);
   CREATE INDEX responses_by_survey ON responses (survey, id);
   CREATE INDEX responses_by_device ON responses (survey, wave, device);
   CREATE TABLE tallies (
     survey TEXT NOT NULL, version INTEGER NOT NULL, wave TEXT NOT NULL, channel TEXT NOT NULL, grp TEXT NOT NULL,
     count INTEGER NOT NULL, json TEXT NOT NULL,
     PRIMARY KEY (survey, version, wave, channel, grp)) WITHOUT ROWID;
   CREATE TABLE waves (
     survey TEXT NOT NULL, slug TEXT NOT NULL, label TEXT NOT NULL, starts_at TEXT NOT NULL, closes_at TEXT,
     one_per_device INTEGER NOT NULL, PRIMARY KEY (survey, slug)) WITHOUT ROWID;
   CREATE TABLE comments (
     response_id TEXT NOT NULL, question TEXT NOT NULL, survey TEXT NOT NULL, version INTEGER NOT NULL,
     wave TEXT NOT NULL, channel TEXT NOT NULL, grp TEXT NOT NULL, text TEXT NOT NULL, submitted_at TEXT NOT NULL,
     hidden INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (response_id, question)) WITHOUT ROWID;
   CREATE INDEX comments_by_survey ON comments (survey, submitted_at);`,
  wavesAsJson,
  'CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;',
  // Organisers (DESIGN §8). Sessions, tokens and links hold SHA-256 digests of their secrets,
  // never the secrets. The audit log is append-only: rows leave only by the retention prune.
  `CREATE TABLE accounts (
     key TEXT PRIMARY KEY, username TEXT NOT NULL, role TEXT NOT NULL, surveys TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0, password_hash TEXT, created_at TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE sessions (
     hash TEXT PRIMARY KEY, account TEXT, via TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL) WITHOUT ROWID;
   CREATE INDEX sessions_by_account ON sessions (account);
   CREATE INDEX sessions_by_last_seen ON sessions (last_seen_at);
   CREATE TABLE tokens (
     id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, account TEXT NOT NULL, name TEXT NOT NULL,
     created_at TEXT NOT NULL, last_used_at TEXT) WITHOUT ROWID;
   CREATE INDEX tokens_by_account ON tokens (account);
   CREATE TABLE password_links (hash TEXT PRIMARY KEY, account TEXT NOT NULL UNIQUE, expires_at INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, actor TEXT NOT NULL,
     action TEXT NOT NULL, target TEXT, survey TEXT, ip TEXT, details TEXT NOT NULL);
   CREATE INDEX audit_by_actor ON audit (action, actor, at);
   CREATE INDEX audit_by_ip ON audit (action, ip, at);
   CREATE INDEX audit_by_at ON audit (at);
   CREATE TRIGGER audit_append_only BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
  // Survey drafts (DESIGN §9): one row per survey id, kept without a definition once published.
  'CREATE TABLE drafts (survey TEXT PRIMARY KEY, json TEXT, revision INTEGER NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;',
  // Weighting per survey (DESIGN §10): population shares by group, as JSON.
  'CREATE TABLE weightings (survey TEXT PRIMARY KEY, json TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;',
  poolUnregisteredWaves,
];

/**
 * Waves become one JSON definition per row, so new wave settings (channel, quotas, test
 * flag, labels in both languages) need no further schema step, and each wave gets a join
 * code (DESIGN §11), unique across the database so a code always names one wave.
 */
function wavesAsJson(db: Database.Database): void {
  type Old = { survey: string; slug: string; label: string; starts_at: string; closes_at: string | null; one_per_device: number };
  const old = db.prepare('SELECT * FROM waves').all() as Old[];
  db.exec(`DROP TABLE waves;
    CREATE TABLE waves (survey TEXT NOT NULL, slug TEXT NOT NULL, code TEXT NOT NULL UNIQUE, json TEXT NOT NULL,
      PRIMARY KEY (survey, slug)) WITHOUT ROWID;`);
  const insert = db.prepare('INSERT INTO waves (survey, slug, code, json) VALUES (?, ?, ?, ?)');
  const taken = new Set<string>();
  for (const w of old) {
    let code: string;
    do code = Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');
    while (taken.has(code));
    taken.add(code);
    const wave = { slug: w.slug, label: { ko: w.label, en: w.label }, startsAt: w.starts_at, closesAt: w.closes_at, oneResponsePerDevice: w.one_per_device === 1, code };
    insert.run(w.survey, w.slug, code, JSON.stringify(wave));
  }
}

/**
 * Unregistered waves stop having tally rows of their own (store/wave-pool.ts): each slug
 * gets a count, the largest ones up to the cap keep their rows, and the others' rows are
 * summed into the pool's.
 */
function poolUnregisteredWaves(db: Database.Database): void {
  db.exec(`CREATE TABLE unregistered_waves (
    survey TEXT NOT NULL, slug TEXT NOT NULL, responses INTEGER NOT NULL, own INTEGER NOT NULL,
    PRIMARY KEY (survey, slug)) WITHOUT ROWID;`);
  const counts = db.prepare(
    `SELECT survey, wave AS slug, count(*) AS responses FROM responses r
     WHERE wave <> 'open' AND NOT EXISTS (SELECT 1 FROM waves w WHERE w.survey = r.survey AND w.slug = r.wave)
     GROUP BY survey, wave`,
  ).all() as { survey: string; slug: string; responses: number }[];
  const tallies = db.prepare('SELECT survey, version, wave, channel, grp, json FROM tallies').all() as
    { survey: string; version: number; wave: string; channel: string; grp: string; json: string }[];
  const plan = poolPlan(counts, tallies.map((t) => ({ survey: t.survey, version: t.version, wave: t.wave, channel: t.channel, group: t.grp, tally: JSON.parse(t.json) })));
  const count = db.prepare('INSERT INTO unregistered_waves (survey, slug, responses, own) VALUES (?, ?, ?, ?)');
  for (const c of plan.counts) count.run(c.survey, c.slug, c.responses, c.own ? 1 : 0);
  const drop = db.prepare('DELETE FROM tallies WHERE survey = ? AND version = ? AND wave = ? AND channel = ? AND grp = ?');
  for (const r of plan.pooledRows) drop.run(r.survey, r.version, r.wave, r.channel, r.group);
  const pool = db.prepare('INSERT INTO tallies (survey, version, wave, channel, grp, count, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const r of plan.poolRows) pool.run(r.survey, r.version, r.wave, r.channel, r.group, r.tally.count, JSON.stringify(r.tally));
}

/** How many schema steps this server knows. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to the latest schema; returns the version it is now at. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema ${current} is newer than this server (${MIGRATIONS.length}); upgrade Stance`);
  }
  MIGRATIONS.slice(current).forEach((step, i) => {
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(current + i + 1);
    })();
  });
  return MIGRATIONS.length;
}
