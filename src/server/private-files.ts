import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// The data directory holds personal data (collector names, free-text answers) and the
// organiser's token, so only the server's own user may read it: the directory and every
// folder in it 0700, every file 0600.

/** Mode of every directory the server keeps data in. */
export const PRIVATE_DIR_MODE = 0o700;
/** Mode of every file the server keeps data in. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * From now on this process creates files 0600 and directories 0700 whatever mode the code
 * that creates them asks for: SQLite's -wal and -shm files, survey files, backups.
 */
export function restrictNewFiles(): void {
  process.umask(0o077);
}

/** Creates `dir` (and its parents) as 0700, or narrows it to 0700 when it already exists. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates `path` empty as 0600 when missing, or narrows it to 0600. Made before SQLite opens
 * a database there, because SQLite gives the database's -wal and -shm files its mode.
 */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}

/**
 * Narrows everything under `dir` to 0700 (folders) and 0600 (files): a data directory from
 * an older Stance, which created them 0755 and 0644. Symbolic links are left alone (chmod
 * would follow them out of the directory).
 */
export function narrowTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      chmodSync(path, PRIVATE_DIR_MODE);
      narrowTree(path);
    } else if (entry.isFile() && (lstatSync(path).mode & 0o777) !== PRIVATE_FILE_MODE) {
      chmodSync(path, PRIVATE_FILE_MODE);
    }
  }
}

/**
 * Everything main.ts does before it opens the store: new files private, `dataDir` created or
 * narrowed to 0700 with everything already in it, and the SQLite file (when there is one)
 * made 0600 before SQLite first opens it.
 */
export function preparePrivateDataDir(dataDir: string, databaseFile?: string): void {
  restrictNewFiles();
  ensurePrivateDir(dataDir);
  narrowTree(dataDir);
  if (databaseFile) ensurePrivateFile(databaseFile);
}
