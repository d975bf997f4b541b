import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/server/config';
import { pollResponse, setup, submit } from './helpers';

function fakeClock(start = 1_750_000_000_000) {
  let now = start;
  return { clock: () => now, set: (ms: number) => (now = ms), start };
}

describe('rate limits', () => {
  it('answer 429 with a whole-second Retry-After and a JSON error, per device and per IP, and let through again after it', async () => {
    const time = fakeClock();
    const { app } = await setup({ clock: time.clock, config: { rateLimit: { deviceBurst: 2, devicePerSecond: 0.5, ipBurst: 5, ipPerSecond: 1 } } });
    const device = { 'X-Stance-Device': 'device-fast-01' };
    expect((await submit(app, [pollResponse()], device)).status).toBe(200);
    expect((await submit(app, [pollResponse()], device)).status).toBe(200);
    const limited = await submit(app, [pollResponse()], device);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toEqual({ error: { code: 'too_many_requests', message: expect.any(String) } });
    // Others behind the same address still get through until the address's own bucket runs dry.
    expect((await submit(app, [pollResponse()], { 'X-Stance-Device': 'device-other-1' })).status).toBe(200);
    expect((await submit(app, [pollResponse()], { 'X-Stance-Device': 'device-other-2' })).status).toBe(200);
    const byIp = await submit(app, [pollResponse()], { 'X-Stance-Device': 'device-other-3' });
    expect(byIp.status).toBe(429);
    expect(Number(byIp.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    time.set(time.start + 2000);
    expect((await submit(app, [pollResponse()], device)).status).toBe(200);
  });

  it('let 2,000 devices behind one IP through within a minute: fetch surveys, submit, some resend, read results', async () => {
    const time = fakeClock();
    const { app, store } = await setup({ clock: time.clock, config: { rateLimit: DEFAULT_RATE_LIMIT } });
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    for (let i = 0; i < 2000; i++) {
      time.set(time.start + i * 30); // 2,000 phones over 60 s, all from the hall's one address
      const device = `hall-phone-${String(i).padStart(4, '0')}`;
      count((await app.request('/api/v1/surveys')).status);
      count((await app.request('/api/v1/surveys/poll/versions/1')).status);
      const response = pollResponse({ device });
      const sent = await submit(app, [response], { 'X-Stance-Device': device });
      count(sent.status);
      expect(sent.body.results[0].status).toBe('stored');
      // One in ten lost the acknowledgement and sends again.
      if (i % 10 === 0) count((await submit(app, [response], { 'X-Stance-Device': device })).status);
      count((await app.request('/api/v1/surveys/poll/results')).status);
    }
    expect([...statuses]).toEqual([[200, 2000 * 4 + 200]]);
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM responses').get() as { n: number }).n).toBe(2000);
  });
});
