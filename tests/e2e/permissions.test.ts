import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollSurvey } from '../server/fixtures/surveys';
import { makeResponse, postResponses } from './data';
import { startServer } from './server';

// Finding 13 of the hostile hall (issue 15): the built server and the backup command keep
// DATA_DIR 0700 and every file in it 0600 (the SQLite file and its -wal and -shm, the token
// file, survey files, backups), whatever the umask they were started with.

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every path under `dir` with its mode, folders marked with a trailing slash. */
function modes(dir: string, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, { [`${prefix}${entry.name}/`]: mode(path) }, modes(path, `${prefix}${entry.name}/`));
    else out[`${prefix}${entry.name}`] = mode(path);
  }
  return out;
}

describe('file permissions of the data directory', () => {
  it('are 0700 and 0600 for a new deployment: database, WAL, token, survey files and backups', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'stance-perm-')), 'data');
    const server = await startServer({ dataDir, env: { STANCE_ADMIN_TOKEN: '' } });
    try {
      const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
      const added = await fetch(`${server.url}/api/v1/surveys`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(pollSurvey) });
      expect(added.status).toBe(201);
      await postResponses(server.url, [makeResponse()]);
      execFileSync(process.execPath, [resolve('dist/server/backup.js')], { env: { ...process.env, DATA_DIR: dataDir }, stdio: 'pipe' });
      const found = modes(dataDir);
      expect(Object.keys(found)).toEqual(expect.arrayContaining(['stance.db', 'stance.db-wal', 'stance.db-shm', 'admin-token', 'surveys/', 'surveys/poll-v1.json', 'backups/']));
      expect(Object.keys(found).some((p) => /^backups\/stance-.*\.db$/.test(p))).toBe(true);
      expect(mode(dataDir)).toBe(0o700);
      for (const [path, m] of Object.entries(found)) expect(m.toString(8), path).toBe(path.endsWith('/') ? '700' : '600');
    } finally {
      await server.stop();
    }
  });

  it('narrows a data directory an older version left readable to others', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stance-perm-old-'));
    execFileSync('chmod', ['0755', dataDir]);
    mkdirSync(join(dataDir, 'surveys'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'surveys', 'poll-v1.json'), JSON.stringify(pollSurvey), { mode: 0o644 });
    const server = await startServer({ dataDir });
    try {
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(join(dataDir, 'surveys'))).toBe(0o700);
      expect(mode(join(dataDir, 'surveys', 'poll-v1.json'))).toBe(0o600);
      expect(mode(join(dataDir, 'stance.db'))).toBe(0o600);
    } finally {
      await server.stop();
    }
  });
});
