import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './store/types';

/** The organiser token and where it came from, so main.ts prints a new one exactly once. */
export type AdminToken = { token: string; source: 'env' | 'file' | 'database' | 'generated'; path?: string };

/**
 * STANCE_ADMIN_TOKEN when set; else the token kept in `DATA_DIR/admin-token`, made on the
 * first start with mode 0600 (only the server's user can read it).
 */
export function resolveAdminToken(dataDir: string, fromEnv: string | undefined): AdminToken {
  if (fromEnv) return { token: fromEnv, source: 'env' };
  const path = join(dataDir, 'admin-token');
  try {
    const token = readFileSync(path, 'utf8').trim();
    if (token) return { token, source: 'file', path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  return { token, source: 'generated', path };
}

/**
 * For processes sharing one database: STANCE_ADMIN_TOKEN when set, else one token kept in
 * the database, made by whichever process starts first, so every process accepts it.
 */
export async function resolveSharedAdminToken(store: Pick<Store, 'secret'>, fromEnv: string | undefined): Promise<AdminToken> {
  if (fromEnv) return { token: fromEnv, source: 'env' };
  const { value, created } = await store.secret('admin_token', () => randomBytes(24).toString('base64url'));
  return { token: value, source: created ? 'generated' : 'database' };
}
