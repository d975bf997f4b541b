import type { Clock } from '../core/ids';

/** A bucket's size and refill rate. */
export type BucketLimit = { burst: number; perSecond: number };

type Bucket = { tokens: number; at: number; limit: BucketLimit };

/** Past this many keys, buckets that have refilled completely are forgotten (they equal a new one). */
const SWEEP_AT = 50_000;

/**
 * Token buckets by key: `take` spends one token or says how many seconds until one is back.
 * Each call may give the key's limit (a fair share changes as devices come and go); without
 * one the buckets' default applies.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly limit: BucketLimit;

  constructor(burst: number, perSecond: number, private readonly clock: Clock) {
    this.limit = { burst, perSecond };
  }

  /** 0 when allowed (and a token was spent), else the wait in whole seconds. */
  take(key: string, limit: BucketLimit = this.limit): number {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: limit.burst, at: now, limit };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
    b.at = now;
    b.limit = limit;
    if (this.buckets.size >= SWEEP_AT) this.sweep(now);
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return limit.perSecond > 0 ? Math.ceil((1 - b.tokens) / limit.perSecond) : 60;
  }

  private sweep(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * b.limit.perSecond >= b.limit.burst) this.buckets.delete(key);
    }
  }
}
