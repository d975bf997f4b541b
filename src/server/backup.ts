import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from './config';
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictNewFiles } from './private-files';

/**
 * `npm run backup [destination]`: a consistent copy of the live database through SQLite's
 * online backup API, safe while the server keeps taking responses. Checks the copy before
 * saying it is done.
 */
async function backup(): Promise<void> {
  restrictNewFiles(); // the copy holds the same personal data as the database: 0600 from its first byte
  const dataDir = resolve(process.env.DATA_DIR || './data');
  const source = databasePath(dataDir);
  if (!existsSync(source)) throw new Error(`no database at ${source} (set DATA_DIR)`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const named = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const target = resolve(named ?? join(dataDir, 'backups', `stance-${stamp}.db`));
  if (existsSync(target)) throw new Error(`${target} already exists; choose another name`);
  // The default folder is ours and made private; a folder the operator named is theirs, and
  // only created (0700) when missing.
  if (named === undefined) ensurePrivateDir(dirname(target));
  else mkdirSync(dirname(target), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  chmodSync(target, PRIVATE_FILE_MODE);
  const copy = new Database(target, { readonly: true });
  const check = copy.pragma('quick_check', { simple: true });
  const { n } = copy.prepare('SELECT COUNT(*) AS n FROM responses').get() as { n: number };
  copy.close();
  if (check !== 'ok') throw new Error(`the copy at ${target} failed its integrity check: ${String(check)}`);
  console.log(`Backup written to ${target} (${n} ${n === 1 ? 'response' : 'responses'}).`);
}

backup().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
