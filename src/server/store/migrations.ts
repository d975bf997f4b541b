import type Database from 'better-sqlite3';

/**
 * Schema steps, applied in order and never edited once released: a change is a new step.
 * `schema_version` records how many have run, so an old data directory upgrades in place.
 */
const MIGRATIONS: string[] = [
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
];

/** Brings the database to the latest schema; returns the version it is now at. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema ${current} is newer than this server (${MIGRATIONS.length}); upgrade Stance`);
  }
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(current + i + 1);
    })();
  });
  return MIGRATIONS.length;
}
