import type { MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors';
import type { Clock } from '../core/ids';
import { clientIp } from './client-ip';
import type { AppConfig, RateLimitConfig } from './config';
import { DEVICE_HEADER, DEVICE_PATTERN, DEVICE_TOKEN_HEADER, DeviceTokens, deviceSecret } from './device-token';
import { ActiveDevices, fairShare } from './fair-share';
import { TokenBuckets } from './token-buckets';

/** Token buckets by key, for routes with limits of their own (they lived here before). */
export { TokenBuckets };

/**
 * Rate limits for `/api`, in two pools per IP, 429 with Retry-After when a bucket runs dry.
 *
 * - A device with a valid credential (`X-Stance-Device` and its `X-Stance-Device-Token`)
 *   spends only its own bucket, sized as its fair share of the IP's capacity among the
 *   devices with credentials present there (`fairShare`). A flood from the same IP, however
 *   fast and whatever device ids it claims, never reaches that bucket.
 * - Every other request spends the IP's one first-come bucket, and the bucket of the device
 *   id it claims, as before credentials existed: a phone's first submission in a hall.
 */
export function rateLimit(config: RateLimitConfig, clock: Clock, trustProxy: boolean, keys: Pick<AppConfig, 'deviceSecret' | 'adminToken'>): MiddlewareHandler {
  const ipLimit = { burst: config.ipBurst, perSecond: config.ipPerSecond };
  const deviceLimit = { burst: config.deviceBurst, perSecond: config.devicePerSecond };
  const byIp = new TokenBuckets(config.ipBurst, config.ipPerSecond, clock);
  const byDevice = new TokenBuckets(config.deviceBurst, config.devicePerSecond, clock);
  // Apart from byDevice: a request claiming a device's id without its credential must not drain that device's bucket.
  const byCredential = new TokenBuckets(config.deviceBurst, config.devicePerSecond, clock);
  const present = new ActiveDevices(clock);
  const tokens = new DeviceTokens(deviceSecret(keys));
  return async (c, next) => {
    const ip = clientIp(c, trustProxy);
    const header = c.req.header(DEVICE_HEADER);
    const device = header && DEVICE_PATTERN.test(header) ? header : undefined;
    let wait: number;
    if (device && tokens.verify(device, c.req.header(DEVICE_TOKEN_HEADER))) {
      wait = byCredential.take(device, fairShare(ipLimit, deviceLimit, present.touch(ip, device)));
    } else {
      wait = Math.max(byIp.take(ip), device ? byDevice.take(device) : 0);
    }
    if (wait > 0) throw new AppError('too_many_requests', 'too many requests; retry later', { retryAfter: wait });
    await next();
  };
}
