import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../src/core/canonical';
import { groupOf } from '../src/core/results';
import { sovereignAiSurvey } from '../src/core/surveys';
import { addResponse, emptyTally } from '../src/core/tally';
import { sha256 } from '../src/server/hash';
import { migrate } from '../src/server/store/sqlite/migrations';
import { makeResponse } from './fixtures';
import { tempDir } from './servers';
import { round } from './stats';

/** What SQLite alone sustains, writing the rows the server writes with its durability settings. */
export type SqliteLimit = { grouped: number; rowsPerSecondGrouped: number; rowsPerSecondSingle: number };

type Row = [string, string, number, string, string, string, string, string, string, string, string];

/** Rows exactly as the store's writer binds them; made before the clock starts. */
function rows(count: number): Row[] {
  const received = new Date().toISOString();
  return Array.from({ length: count }, () => {
    const r = makeResponse({ channel: 'conference' });
    const canonical = canonicalJson(r);
    return [r.id, r.surveyId, r.surveyVersion, r.wave, r.channel, groupOf(sovereignAiSurvey, r.answers), r.submittedAt, received, r.device, sha256(canonical), canonical];
  });
}

/**
 * Inserts `count` rows, `perCommit` to a transaction, each transaction also rewriting one
 * tally row as the server's does. Stops early after `maxMs` so a slow disk cannot stall the run.
 */
function insertRate(db: Database.Database, data: Row[], perCommit: number, maxMs: number): number {
  const insert = db.prepare(
    `INSERT INTO responses (id, survey, version, wave, channel, grp, submitted_at, received_at, device, content_hash, json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsert = db.prepare(
    `INSERT INTO tallies (survey, version, wave, channel, grp, count, json) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (survey, version, wave, channel, grp) DO UPDATE SET count = excluded.count, json = excluded.json`,
  );
  const tally = emptyTally();
  for (const row of data.slice(0, 50)) addResponse(tally, sovereignAiSurvey, JSON.parse(row[10]));
  const write = db.transaction((group: Row[]) => {
    for (const row of group) insert.run(...row);
    // The server serialises the touched tally rows in the transaction; so does this.
    upsert.run('sovereign-ai', 1, 'open', 'conference', 'manufacturing', tally.count, JSON.stringify(tally));
  });
  const start = performance.now();
  let done = 0;
  while (done < data.length && performance.now() - start < maxMs) {
    write(data.slice(done, done + perCommit));
    done += perCommit;
  }
  return round(done / ((performance.now() - start) / 1000), 0);
}

/** better-sqlite3 alone: WAL, synchronous=FULL, the server's schema and statements. */
export function sqliteLimit(grouped = 100): SqliteLimit {
  const dir = tempDir('sqlite');
  const db = new Database(join(dir, 'stance.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
    const data = rows(40_000);
    insertRate(db, data.slice(0, 2_000), grouped, 2_000); // warm up
    const rowsPerSecondGrouped = insertRate(db, data.slice(2_000, 32_000), grouped, 8_000);
    const rowsPerSecondSingle = insertRate(db, data.slice(32_000), 1, 5_000);
    return { grouped, rowsPerSecondGrouped, rowsPerSecondSingle };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
