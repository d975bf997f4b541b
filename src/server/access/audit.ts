import { randomFillSync } from 'node:crypto';
import type { Context } from 'hono';
import type { AuditAction } from '../../core/accounts';
import type { Clock } from '../../core/ids';
import { uuidv7 } from '../../core/ids';
import type { AccountStore } from '../store/account-types';
import type { Principal } from './credentials';

/** What a route says happened; who and when are filled in. */
export type AuditInput = { action: AuditAction; target?: string | null; survey?: string | null; details?: Record<string, unknown> };

/** How often a process deletes entries past the retention period. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * The append-only audit log (DESIGN §8). Entries are written after what they record has
 * succeeded, each with a time-ordered id; entries older than the retention period are
 * deleted, at most once an hour per process, and nothing else ever changes one.
 */
export class AuditLog {
  private prunedAt = 0;

  constructor(
    private readonly accounts: AccountStore,
    private readonly clock: Clock,
    private readonly retentionDays: number,
  ) {}

  /** Records an action of the request's principal. */
  async record(c: Context, input: AuditInput): Promise<void> {
    const principal = c.get('principal');
    await this.append(principal ? actorOf(principal) : 'anonymous', { ...input, details: { ...viaOf(principal), ...input.details } });
  }

  /** Records an action under a given name (sign-in events, where no principal exists yet), with the client's address. */
  async append(actor: string, input: AuditInput, ip: string | null = null): Promise<void> {
    const now = this.clock();
    await this.accounts.appendAudit({
      id: uuidv7(now, (b) => randomFillSync(b)), at: new Date(now).toISOString(), actor, action: input.action,
      target: input.target ?? null, survey: input.survey ?? null, details: input.details ?? {}, ip,
    });
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await this.accounts.pruneAudit(new Date(now - this.retentionDays * 24 * 60 * 60 * 1000).toISOString());
    }
  }
}

/** The name an entry records: the account's username, or `owner-token`. */
export function actorOf(principal: Principal): string {
  return principal.account.username;
}

function viaOf(principal: Principal | undefined): Record<string, unknown> {
  if (!principal) return {};
  return principal.tokenId ? { via: principal.via, tokenId: principal.tokenId } : { via: principal.via };
}
