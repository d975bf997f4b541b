import { AppError } from '../../core/errors';
import type { Clock } from '../../core/ids';
import { TokenBuckets } from '../token-buckets';
import type { AccountStore } from '../store/account-types';

/** The window failed sign-ins are counted in (DESIGN §8: 15 minutes). */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failures of one username within the window after which it is refused, right password or not. */
export const FAILURES_PER_USERNAME = 10;
/**
 * Failures from one address, across usernames, within the window: spraying one password
 * over many names. Respondents never sign in, so a hall of 2,000 phones behind one NAT
 * adds nothing here; only organisers' own mistakes count.
 */
export const FAILURES_PER_ADDRESS = 50;
/** Sign-in attempts an address may start: a burst, then one every two seconds. Bounds the scrypt work one address can ask for. */
const ATTEMPT_BURST = 20;
const ATTEMPTS_PER_SECOND = 0.5;

/**
 * The sign-in throttles, apart from the respondents' rate limits. Failures are counted
 * from the audit log's `login_failed` entries, so every process sharing the database sees
 * the same counts; the attempt bucket is per process and only bounds CPU.
 */
export class LoginThrottle {
  private readonly attempts: TokenBuckets;

  constructor(
    private readonly accounts: AccountStore,
    private readonly clock: Clock,
  ) {
    this.attempts = new TokenBuckets(ATTEMPT_BURST, ATTEMPTS_PER_SECOND, clock);
  }

  /** Throws 429 with Retry-After when this address started too many attempts of anything that costs a password hash. */
  attempt(ip: string): void {
    const wait = this.attempts.take(ip);
    if (wait > 0) throw tooMany(wait, 'address');
  }

  /** Throws 429 with Retry-After when this address or username may not try now. */
  async check(usernameKey: string, ip: string): Promise<void> {
    this.attempt(ip);
    await this.failures({ actor: usernameKey }, FAILURES_PER_USERNAME, 'username');
    await this.failures({ ip }, FAILURES_PER_ADDRESS, 'address');
  }

  // The n-th most recent failure decides: once it leaves the window, fewer than n remain.
  private async failures(filter: { actor?: string; ip?: string }, limit: number, reason: string): Promise<void> {
    const now = this.clock();
    const recent = await this.accounts.audit({ action: 'login_failed', since: new Date(now - FAILURE_WINDOW_MS).toISOString(), limit, ...filter });
    if (recent.length < limit) return;
    const until = Date.parse(recent[limit - 1]!.at) + FAILURE_WINDOW_MS;
    throw tooMany(Math.max(1, Math.ceil((until - now) / 1000)), reason);
  }
}

function tooMany(seconds: number, reason: string): AppError {
  return new AppError('too_many_requests', 'too many failed sign-ins; wait and try again', { retryAfter: seconds, reason });
}
