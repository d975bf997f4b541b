import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { builtInSurveys } from '../../src/core/surveys';
import { SqliteStore } from '../../src/server/store/sqlite';
import { SCHEMA_VERSION } from '../../src/server/store/sqlite/migrations';
import { submitItems } from '../../src/server/submit';
import { loadSurveys } from '../../src/server/survey-files';
import { pollSurvey, pollSurveyV2, privateSurvey } from './fixtures/surveys';
import { pollResponse, setup, submit } from './helpers';

describe('SQLite store', () => {
  it('runs in WAL mode with synchronous=FULL and records its schema version', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-db-'));
    const store = new SqliteStore(join(dir, 'stance.db'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({ v: SCHEMA_VERSION });
    await store.close();
    // Reopening does not migrate twice.
    const again = new SqliteStore(join(dir, 'stance.db'));
    expect(again.db.prepare('SELECT COUNT(*) AS n FROM schema_version').get()).toEqual({ n: SCHEMA_VERSION });
    await again.close();
  });

  it('refuses a database from a newer Stance', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-db-'));
    const db = new Database(join(dir, 'stance.db'));
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);');
    db.close();
    expect(() => new SqliteStore(join(dir, 'stance.db'))).toThrow(/newer than this server/);
  });

  it('writes concurrent submissions in one transaction (group commit)', async () => {
    const { app, store } = await setup();
    const db = (store as SqliteStore).db;
    const original = db.transaction.bind(db);
    let transactions = 0;
    db.transaction = ((fn: (...args: unknown[]) => unknown) => {
      const tx = original(fn);
      return Object.assign((...args: unknown[]) => ((transactions += 1), tx(...args)), tx);
    }) as typeof db.transaction;
    const answers = await Promise.all(Array.from({ length: 25 }, () => submit(app, [pollResponse()])));
    expect(answers.every((a) => a.body.results[0].status === 'stored')).toBe(true);
    expect(transactions).toBe(1);
  });

  it('stores no IP address with a response', async () => {
    const { app, store } = await setup({ config: { trustProxy: true } });
    await submit(app, [pollResponse()], { 'X-Forwarded-For': '198.51.100.77' });
    const dump = JSON.stringify((store as SqliteStore).db.prepare('SELECT * FROM responses').all());
    expect(dump).not.toContain('198.51.100.77');
  });

  it('keeps surveys and tallies in the database so they survive a reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-db-'));
    const first = new SqliteStore(join(dir, 'stance.db'));
    await first.putSurvey(pollSurvey);
    await submitItems(first, Array.from({ length: 7 }, () => pollResponse()), Date.now());
    const tallies = await first.tallyRows('poll', 1);
    await first.close();
    const second = new SqliteStore(join(dir, 'stance.db'));
    expect(await second.getSurvey('poll')).toEqual(pollSurvey);
    expect(await second.tallyRows('poll', 1)).toEqual(tallies);
    expect(tallies[0]?.tally.count).toBe(7);
    await second.close();
  });
});

describe('survey files', () => {
  it('loads good files, reports a broken one by name and path, and still loads the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-surveys-'));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'poll-v2.json'), JSON.stringify(pollSurveyV2));
    await writeFile(join(dir, 'broken.json'), '{"id": "broken", ');
    await writeFile(join(dir, 'wrong-shape.json'), JSON.stringify({ ...privateSurvey, id: 'wrong', version: 0 }));
    await writeFile(join(dir, 'zz-private.json'), JSON.stringify(privateSurvey));
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    const store = new SqliteStore(':memory:');
    await store.putSurvey({ ...privateSurvey, resultsPublic: true });
    const problems = await loadSurveys(store, [pollSurvey], dir);
    expect(problems).toEqual([
      { file: 'broken.json', path: join(dir, 'broken.json'), message: expect.stringContaining('not valid JSON') },
      { file: 'wrong-shape.json', path: join(dir, 'wrong-shape.json'), message: expect.stringContaining('version') },
      { file: 'zz-private.json', path: join(dir, 'zz-private.json'), message: expect.stringContaining('already stored with other content') },
    ]);
    expect((await store.getSurvey('poll'))?.version).toBe(2);
    expect(await store.getSurvey('poll', 1)).toEqual(pollSurvey);
  });

  it('loads the built-in surveys and tolerates a missing folder', async () => {
    const store = new SqliteStore(':memory:');
    expect(await loadSurveys(store, builtInSurveys, join(tmpdir(), 'no-such-stance-dir'))).toEqual([]);
    expect(await store.listSurveys()).toEqual(builtInSurveys);
  });
});
