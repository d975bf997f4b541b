import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { Clock } from '../core/ids';
import type { ItemResult } from '../core/wire';
import type { AppConfig } from './config';
import { DEFAULT_RATE_LIMIT } from './config';
import { clientIp } from './client-ip';
import { TokenBuckets } from './token-buckets';

/** The request header naming the device (the `device` of its responses). */
export const DEVICE_HEADER = 'x-stance-device';
/** The request and response header carrying the credential the server signed for that device. */
export const DEVICE_TOKEN_HEADER = 'x-stance-device-token';

/** A credential as the server makes them: an HMAC-SHA256 in base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A device id as the header may carry it (the Response schema's `device`). */
export const DEVICE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The key device credentials are signed with: STANCE_DEVICE_SECRET, else one derived from
 * the organiser token. Every process behind one load balancer must share it, so either
 * variable set alike on all of them will do.
 */
export function deviceSecret(config: Pick<AppConfig, 'deviceSecret' | 'adminToken'>): string {
  return config.deviceSecret || createHmac('sha256', config.adminToken).update('stance device credential v1').digest('base64url');
}

/**
 * Credentials for device ids: an HMAC of the id with the server's secret. Nothing is stored,
 * so any process holding the secret checks any device's credential.
 */
export class DeviceTokens {
  constructor(private readonly secret: string) {}

  /** The credential for this device id. */
  sign(device: string): string {
    return createHmac('sha256', this.secret).update(`device:${device}`).digest('base64url');
  }

  /** Whether `token` is this device id's credential (compared in constant time). */
  verify(device: string, token: string | undefined): boolean {
    // Checked first so both buffers have 43 bytes: timingSafeEqual throws on unequal lengths.
    if (!token || !TOKEN_PATTERN.test(token)) return false;
    return timingSafeEqual(Buffer.from(this.sign(device)), Buffer.from(token));
  }
}

/**
 * Hands out credentials after successful submissions. A device has shown it is real when a
 * response it made (`device` equal to the header) was stored or already held: each new
 * credential costs one accepted response. Issuance is limited per IP, so a flood cannot
 * mint its way into a hall's fair shares faster than phones actually answer.
 */
export class DeviceIssuer {
  private readonly tokens: DeviceTokens;
  private readonly trustProxy: boolean;
  private readonly perIp: TokenBuckets;

  constructor(config: AppConfig, clock: Clock) {
    const limits = config.rateLimit || DEFAULT_RATE_LIMIT;
    this.tokens = new DeviceTokens(deviceSecret(config));
    this.trustProxy = config.trustProxy;
    this.perIp = new TokenBuckets(limits.issueBurst ?? DEFAULT_RATE_LIMIT.issueBurst, limits.issuePerSecond ?? DEFAULT_RATE_LIMIT.issuePerSecond, clock);
  }

  /** The credential to send with this answer, if the request earned one and did not already carry it. */
  tokenFor(c: Context, items: unknown[], results: ItemResult[]): string | undefined {
    const device = c.req.header(DEVICE_HEADER);
    if (!device || !DEVICE_PATTERN.test(device) || this.tokens.verify(device, c.req.header(DEVICE_TOKEN_HEADER))) return undefined;
    const proven = results.some((r, i) => r.status !== 'rejected' && (items[i] as { device?: unknown }).device === device);
    if (!proven || this.perIp.take(clientIp(c, this.trustProxy)) > 0) return undefined;
    return this.tokens.sign(device);
  }
}
