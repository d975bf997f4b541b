import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors';
import type { Clock } from '../core/ids';
import type { RateLimitConfig } from './config';

/** Past this many keys, buckets that have refilled completely are forgotten (they equal a new one). */
const SWEEP_AT = 50_000;

/** Token buckets by key: `take` spends one token or says how many seconds until one is back. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly clock: Clock,
  ) {}

  /** 0 when allowed (and a token was spent), else the wait in seconds. */
  take(key: string): number {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size >= SWEEP_AT) this.sweep(now);
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return this.perSecond > 0 ? Math.ceil((1 - b.tokens) / this.perSecond) : 60;
  }

  private sweep(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}

/** The client's address: the last X-Forwarded-For hop when behind a trusted proxy, else the socket's. */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
    // The last hop is the one our own proxy appended; earlier ones are whatever the client claimed.
    if (hops.length) return hops[hops.length - 1]!;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

const DEVICE = /^[A-Za-z0-9_-]{8,64}$/;

/** Rate limits keyed by device (X-Stance-Device) and by IP; 429 with Retry-After when either runs dry. */
export function rateLimit(config: RateLimitConfig, clock: Clock, trustProxy: boolean): MiddlewareHandler {
  const byIp = new TokenBuckets(config.ipBurst, config.ipPerSecond, clock);
  const byDevice = new TokenBuckets(config.deviceBurst, config.devicePerSecond, clock);
  return async (c, next) => {
    const device = c.req.header('x-stance-device');
    const wait = Math.max(byIp.take(clientIp(c, trustProxy)), device && DEVICE.test(device) ? byDevice.take(device) : 0);
    if (wait > 0) throw new AppError('too_many_requests', 'too many requests; retry later', { retryAfter: wait });
    await next();
  };
}
