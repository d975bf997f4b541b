import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/server/config';
import { deviceSecret, DeviceTokens } from '../../src/server/device-token';
import { ActiveDevices, fairShare, MIN_SHARE_BURST } from '../../src/server/fair-share';
import { getJson, pollResponse, setup, submit, TOKEN } from './helpers';

function fakeClock(start = 1_750_000_000_000) {
  let now = start;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
}

const TOKEN_HEADER = 'x-stance-device-token';
const headers = (device: string, token?: string) => ({ 'X-Stance-Device': device, ...(token ? { 'X-Stance-Device-Token': token } : {}) });

describe('device credentials', () => {
  it('are handed out with a successful submission of the device’s own response, once, and verify only for that device', async () => {
    const { app } = await setup({ config: { rateLimit: DEFAULT_RATE_LIMIT } });
    const first = await submit(app, [pollResponse({ device: 'phone-000001' })], headers('phone-000001'));
    expect(first.status).toBe(200);
    const token = first.headers.get(TOKEN_HEADER)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Sent back, it is not handed out again; without it, the same one comes back (it is a signature, not a record).
    expect((await submit(app, [pollResponse({ device: 'phone-000001' })], headers('phone-000001', token))).headers.get(TOKEN_HEADER)).toBeNull();
    expect((await submit(app, [pollResponse({ device: 'phone-000001' })], headers('phone-000001'))).headers.get(TOKEN_HEADER)).toBe(token);
    const tokens = new DeviceTokens(deviceSecret({ adminToken: TOKEN }));
    expect(tokens.verify('phone-000001', token)).toBe(true);
    expect(tokens.verify('phone-000002', token)).toBe(false);
    expect(tokens.verify('phone-000001', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    // 43 characters but more bytes (a header's Latin-1 byte read as é) is refused, not a 500.
    expect(tokens.verify('phone-000001', `${token.slice(0, -1)}é`)).toBe(false);
    const odd = await getJson(app, '/api/v1/health', { 'X-Stance-Device': 'phone-000001', 'X-Stance-Device-Token': `${token.slice(0, -1)}\u00e9` });
    expect(odd.status).toBe(200);
  });

  it('are not earned by a rejected response, nor by someone else’s, nor without a device header', async () => {
    const { app } = await setup({ config: { rateLimit: DEFAULT_RATE_LIMIT } });
    expect((await submit(app, [pollResponse({ device: 'phone-000001' }, { agree: 99 })], headers('phone-000001'))).headers.get(TOKEN_HEADER)).toBeNull();
    expect((await submit(app, [pollResponse({ device: 'phone-000002' })], headers('phone-000001'))).headers.get(TOKEN_HEADER)).toBeNull();
    expect((await submit(app, [pollResponse({ device: 'phone-000003' })])).headers.get(TOKEN_HEADER)).toBeNull();
  });

  it('are limited per IP: past the burst, only as fast as the refill', async () => {
    const time = fakeClock();
    const { app } = await setup({ clock: time.clock, config: { rateLimit: { ...DEFAULT_RATE_LIMIT, issueBurst: 3, issuePerSecond: 1 } } });
    const issued = async (i: number) => {
      const device = `phone-${String(i).padStart(6, '0')}`;
      const res = await submit(app, [pollResponse({ device })], headers(device));
      expect(res.status).toBe(200);
      return res.headers.get(TOKEN_HEADER) !== null;
    };
    const got = [];
    for (let i = 0; i < 5; i++) got.push(await issued(i));
    expect(got).toEqual([true, true, true, false, false]);
    time.advance(1000);
    expect(await issued(5)).toBe(true);
    expect(await issued(6)).toBe(false);
  });

  it('come from STANCE_DEVICE_SECRET when set, else from the organiser token', () => {
    expect(deviceSecret({ adminToken: 'a', deviceSecret: 's' })).toBe('s');
    expect(deviceSecret({ adminToken: 'a' })).toBe(deviceSecret({ adminToken: 'a' }));
    expect(deviceSecret({ adminToken: 'a' })).not.toBe(deviceSecret({ adminToken: 'b' }));
    expect(deviceSecret({ adminToken: 'a' })).not.toContain('a'.repeat(2));
  });
});

describe('fair shares of one IP (hostile hall, finding 6)', () => {
  it('keep a device with a credential at its own bucket while a flood of new device ids drains the IP', async () => {
    const time = fakeClock();
    // The default limits with a twentieth of the IP's burst, so the flood drains it within the test's first fifth of a second.
    const { app } = await setup({ clock: time.clock, config: { rateLimit: { ...DEFAULT_RATE_LIMIT, ipBurst: 1_000 } } });
    const honest = 'honest-phone-01';
    const token = (await submit(app, [pollResponse({ device: honest })], headers(honest))).headers.get(TOKEN_HEADER)!;
    let ok = 0;
    let limited = 0;
    let forged = 0;
    for (let tenth = 0; tenth < 15; tenth++) {
      // 5,600 requests a second from the hall's IP, each claiming a new device id; some claim
      // the honest phone's id, some with a made-up credential. The phone submits every 100 ms.
      for (let i = 0; i < 560; i++) {
        time.advance(1000 / 5600);
        const claim = i % 50 === 0 ? honest : `flood-${tenth}-${i}`;
        const res = await app.request('/api/v1/health', { headers: headers(claim, i % 7 === 0 ? 'A'.repeat(43) : undefined) });
        if (res.status === 429) limited++;
        if (claim === honest && res.status === 429) forged++;
      }
      const res = await submit(app, [pollResponse({ device: honest })], headers(honest, token));
      if (res.status === 200 && res.body.results[0].status === 'stored') ok++;
    }
    // 8,400 requests in 1.5 s against 1,000 + 3,000: over half refused.
    expect(limited).toBeGreaterThan(4_000);
    expect(forged).toBeGreaterThan(0);
    expect(ok).toBe(15);
  }, 90_000);

  it('divide the IP evenly among the devices with credentials present, within each device’s own limit', () => {
    const ip = { burst: 20_000, perSecond: 2_000 };
    const device = { burst: 300, perSecond: 30 };
    expect(fairShare(ip, device, 1)).toEqual(device);
    expect(fairShare(ip, device, 2_000)).toEqual({ burst: 10, perSecond: 1 });
    expect(fairShare(ip, device, 100_000)).toEqual({ burst: MIN_SHARE_BURST, perSecond: 0.02 });
  });

  it('count a device present for a minute after its last request with a credential', () => {
    const time = fakeClock();
    const present = new ActiveDevices(time.clock);
    expect(present.touch('ip-a', 'd1')).toBe(1);
    time.advance(30_000);
    expect(present.touch('ip-a', 'd2')).toBe(2);
    expect(present.touch('ip-b', 'd3')).toBe(1);
    time.advance(30_000);
    expect(present.touch('ip-a', 'd2')).toBe(1);
    time.advance(59_999);
    expect(present.touch('ip-a', 'd4')).toBe(2);
  });

  it('slow every device with a credential to its share when many share the IP', async () => {
    const time = fakeClock();
    const limits = { deviceBurst: 300, devicePerSecond: 30, ipBurst: 40, ipPerSecond: 4 };
    const { app } = await setup({ clock: time.clock, config: { rateLimit: limits } });
    const devices = Array.from({ length: 4 }, (_, i) => `shared-${String(i).padStart(4, '0')}`);
    const tokens = [];
    for (const d of devices) tokens.push((await submit(app, [pollResponse({ device: d })], headers(d))).headers.get(TOKEN_HEADER)!);
    time.advance(60_000);
    // Once all four are present, each gets a quarter of the IP: 10 requests at once, then 1 a second.
    for (let i = 0; i < 4; i++) await getJson(app, '/api/v1/health', headers(devices[i]!, tokens[i]));
    let allowed = 0;
    for (let i = 0; i < 20; i++) if ((await getJson(app, '/api/v1/health', headers(devices[0]!, tokens[0]))).status === 200) allowed++;
    expect(allowed).toBe(10);
    time.advance(1000);
    expect((await getJson(app, '/api/v1/health', headers(devices[0]!, tokens[0]))).status).toBe(200);
    expect((await getJson(app, '/api/v1/health', headers(devices[0]!, tokens[0]))).status).toBe(429);
  });
});
