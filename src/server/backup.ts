import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from './config';

/**
 * `npm run backup [destination]`: a consistent copy of the live database through SQLite's
 * online backup API, safe while the server keeps taking responses. Checks the copy before
 * saying it is done.
 */
async function backup(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR || './data');
  const source = databasePath(dataDir);
  if (!existsSync(source)) throw new Error(`no database at ${source} (set DATA_DIR)`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const named = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const target = resolve(named ?? join(dataDir, 'backups', `stance-${stamp}.db`));
  if (existsSync(target)) throw new Error(`${target} already exists; choose another name`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
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
