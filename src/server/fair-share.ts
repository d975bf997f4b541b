import type { Clock } from '../core/ids';
import type { BucketLimit } from './token-buckets';

/** A device counts as present on an IP for this long after its last request with a valid credential. */
export const ACTIVE_WINDOW_MS = 60_000;
/** No device's bucket shrinks below this many requests, however crowded its IP. */
export const MIN_SHARE_BURST = 5;
/** Past this many IPs, those with no device active in the window are forgotten. */
const SWEEP_AT = 10_000;

/**
 * The devices with a valid credential seen recently on each IP. Each IP's map is kept in
 * order of last sight (touching a device moves it to the end), so expired devices are
 * always at the front and the count stays exact at O(1) per request.
 */
export class ActiveDevices {
  private readonly byIp = new Map<string, Map<string, number>>();

  constructor(private readonly clock: Clock, private readonly windowMs = ACTIVE_WINDOW_MS) {}

  /** Marks `device` present on `ip` now and returns how many devices are present there. */
  touch(ip: string, device: string): number {
    const now = this.clock();
    let devices = this.byIp.get(ip);
    if (!devices) {
      if (this.byIp.size >= SWEEP_AT) this.sweep(now);
      this.byIp.set(ip, (devices = new Map()));
    }
    devices.delete(device);
    devices.set(device, now);
    this.expire(devices, now);
    return devices.size;
  }

  private expire(devices: Map<string, number>, now: number): void {
    for (const [device, at] of devices) {
      if (at > now - this.windowMs) break;
      devices.delete(device);
    }
  }

  private sweep(now: number): void {
    for (const [ip, devices] of this.byIp) {
      this.expire(devices, now);
      if (devices.size === 0) this.byIp.delete(ip);
    }
  }
}

/**
 * One device's share of its IP's capacity when `present` devices with credentials share it:
 * the IP's rate and burst divided evenly, never more than a device's own limit, and the
 * burst never below MIN_SHARE_BURST. Each device spends its own bucket, so an attacker
 * holding k of the credentials gets k shares and cannot touch anyone else's.
 */
export function fairShare(ip: BucketLimit, device: BucketLimit, present: number): BucketLimit {
  const n = Math.max(1, present);
  return {
    burst: Math.min(device.burst, Math.max(MIN_SHARE_BURST, ip.burst / n)),
    perSecond: Math.min(device.perSecond, ip.perSecond / n),
  };
}
