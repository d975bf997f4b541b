import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePrivateFile, narrowTree, preparePrivateDataDir } from '../../src/server/private-files';
import { writeSurveyFile } from '../../src/server/survey-files';
import { pollSurvey } from './fixtures/surveys';

const mode = (path: string) => statSync(path).mode & 0o777;
const umask = process.umask();
afterEach(() => void process.umask(umask));

describe('the data directory is private (hostile hall, finding 13)', () => {
  it('is created 0700 with the database file 0600 before SQLite opens it, and new files are 0600', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'stance-perm-')), 'data');
    preparePrivateDataDir(dataDir, join(dataDir, 'stance.db'));
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'stance.db'))).toBe(0o600);
    expect(statSync(join(dataDir, 'stance.db')).size).toBe(0);
    writeFileSync(join(dataDir, 'stance.db-wal'), 'x'); // as SQLite would, asking for 0644
    mkdirSync(join(dataDir, 'backups'));
    expect(mode(join(dataDir, 'stance.db-wal'))).toBe(0o600);
    expect(mode(join(dataDir, 'backups'))).toBe(0o700);
  });

  it('narrows what an older Stance left 0755 and 0644, and leaves symbolic links alone', () => {
    process.umask(0o022);
    const outside = mkdtempSync(join(tmpdir(), 'stance-outside-'));
    writeFileSync(join(outside, 'shared.txt'), 'x', { mode: 0o644 });
    const dataDir = mkdtempSync(join(tmpdir(), 'stance-old-'));
    mkdirSync(join(dataDir, 'surveys'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'stance.db'), '', { mode: 0o644 });
    writeFileSync(join(dataDir, 'admin-token'), 't', { mode: 0o644 });
    writeFileSync(join(dataDir, 'surveys', 'poll-v1.json'), '{}', { mode: 0o644 });
    symlinkSync(join(outside, 'shared.txt'), join(dataDir, 'link'));
    narrowTree(dataDir);
    expect(mode(join(dataDir, 'surveys'))).toBe(0o700);
    for (const file of ['stance.db', 'admin-token', 'surveys/poll-v1.json']) expect(mode(join(dataDir, file)), file).toBe(0o600);
    expect(mode(join(outside, 'shared.txt'))).toBe(0o644);
  });

  it('writes survey files 0600 and keeps an existing database file as it is', async () => {
    process.umask(0o022);
    const dir = join(mkdtempSync(join(tmpdir(), 'stance-surveys-')), 'surveys');
    await writeSurveyFile(dir, pollSurvey);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'poll-v1.json'))).toBe(0o600);
    const db = join(dir, 'kept.db');
    writeFileSync(db, 'content', { mode: 0o644 });
    ensurePrivateFile(db);
    expect(mode(db)).toBe(0o600);
    expect(statSync(db).size).toBe(7);
  });
});
