import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/server/store/sqlite';
import { submitItems } from '../../src/server/submit';
import { loadSurveys } from '../../src/server/survey-files';
import { builtInSurveys } from '../../src/core/surveys';
import { createTestDatabase } from '../support/postgres';
import { query } from './cluster';
import { makeResponse } from './data';

const cli = (...args: string[]) => spawnSync(process.execPath, [resolve('dist/server/migrate-store.js'), ...args], { encoding: 'utf8', timeout: 60_000 });

describe('npm run migrate-store', () => {
  it('copies a SQLite file, prints both sides, can run again, and fails with usage or a missing file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stance-cli-')), 'stance.db');
    const source = new SqliteStore(file);
    await loadSurveys(source, builtInSurveys, undefined);
    await submitItems(source, Array.from({ length: 120 }, () => makeResponse()), Date.now());
    await source.close();
    const db = await createTestDatabase();
    try {
      for (let run = 0; run < 2; run++) {
        const out = cli('--from', file, '--to', db.url);
        expect(out.status, out.stderr).toBe(0);
        expect(out.stdout).toMatch(/sovereign-ai: responses\s+120\s+120/);
        expect(out.stdout).toContain('every count agrees');
      }
      expect((await query<{ n: string }>(db.url, 'SELECT count(*) AS n FROM responses'))[0]!.n).toBe('120');
      expect(cli('--from', file).status).toBe(1);
      const missing = cli('--from', '/nonexistent/stance.db', '--to', db.url);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('no SQLite database');
    } finally {
      await db.drop();
    }
  });
});
