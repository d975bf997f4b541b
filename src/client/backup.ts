import type { Response } from '../core/response';
import type { StanceDatabase } from './db';
import { byId } from './ledger';

/** A device backup file, importable on the server with the same idempotency as `POST /responses`. */
export type Backup = { format: 'stance-backup'; version: 1; device: string; exportedAt: string; responses: Response[] };

/**
 * The responses a backup carries: those the server has not acknowledged (waiting and
 * rejected), or with `all` also the acknowledged ones. Read in one transaction so a sync
 * finishing meanwhile cannot make a response appear twice or not at all.
 */
export async function backupResponses(db: StanceDatabase, all: boolean): Promise<Response[]> {
  const tx = db.transaction(['outbox', 'rejected', 'sent']);
  const [waiting, rejected, sent] = await Promise.all([
    tx.objectStore('outbox').getAll(),
    tx.objectStore('rejected').getAll(),
    all ? tx.objectStore('sent').getAll() : Promise.resolve([]),
  ]);
  return [...waiting, ...rejected.map((r) => r.response), ...sent.map((s) => s.response)].sort(byId);
}
