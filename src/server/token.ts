import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The organiser token and where it came from, so main.ts prints a new one exactly once. */
export type AdminToken = { token: string; source: 'env' | 'file' | 'generated'; path?: string };

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
