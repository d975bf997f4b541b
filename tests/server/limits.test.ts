import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../../src/server/config';
import { getJson, pollResponse, setup, submit } from './helpers';

function fakeClock(start = 1_000_000) {
  let now = start;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
}

describe('rate limits', () => {
  it('answers 429 with Retry-After when a device sends too fast, and lets other devices through', async () => {
    const time = fakeClock();
    const { app } = await setup({ clock: time.clock, config: { rateLimit: { deviceBurst: 3, devicePerSecond: 1, ipBurst: 1000, ipPerSecond: 100 } } });
    const device = { 'X-Stance-Device': 'device-aaaa' };
    for (let i = 0; i < 3; i++) expect((await submit(app, [pollResponse()], device)).status).toBe(200);
    const limited = await submit(app, [pollResponse()], device);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toEqual({ error: { code: 'too_many_requests', message: expect.any(String) } });
    expect((await submit(app, [pollResponse()], { 'X-Stance-Device': 'device-bbbb' })).status).toBe(200);
    time.advance(1000);
    expect((await submit(app, [pollResponse()], device)).status).toBe(200);
  });

  it('limits by IP too, reading X-Forwarded-For only behind a trusted proxy', async () => {
    const time = fakeClock();
    const limits = { deviceBurst: 100, devicePerSecond: 10, ipBurst: 2, ipPerSecond: 0.5 };
    const trusted = await setup({ clock: time.clock, config: { rateLimit: limits, trustProxy: true } });
    const from = (ip: string) => ({ 'X-Forwarded-For': `203.0.113.9, ${ip}` });
    await getJson(trusted.app, '/api/v1/health', from('198.51.100.1'));
    await getJson(trusted.app, '/api/v1/health', from('198.51.100.1'));
    const third = await getJson(trusted.app, '/api/v1/health', from('198.51.100.1'));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('2');
    expect((await getJson(trusted.app, '/api/v1/health', from('198.51.100.2'))).status).toBe(200);

    const untrusted = await setup({ clock: time.clock, config: { rateLimit: limits, trustProxy: false } });
    await getJson(untrusted.app, '/api/v1/health', from('198.51.100.1'));
    await getJson(untrusted.app, '/api/v1/health', from('198.51.100.2'));
    // Without TRUST_PROXY the header is ignored: both came from the same socket address.
    expect((await getJson(untrusted.app, '/api/v1/health', from('198.51.100.3'))).status).toBe(429);
  });

  it('lets 2,000 devices behind one NAT answer within 10 s with the default limits', async () => {
    const time = fakeClock();
    const { app } = await setup({ clock: time.clock, config: { rateLimit: DEFAULT_RATE_LIMIT } });
    const statuses = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      time.advance(5); // 2,000 arrivals spread over 10 s
      const device = { 'X-Stance-Device': `phone-${String(i).padStart(6, '0')}` };
      for (const path of ['/api/v1/surveys', '/api/v1/surveys/poll', '/api/v1/surveys/poll/results']) {
        statuses.add((await app.request(path, { headers: device })).status);
      }
      statuses.add((await submit(app, [pollResponse({ device: device['X-Stance-Device'] })], device)).status);
    }
    expect([...statuses]).toEqual([200]);
  });

  it('does not slow one device syncing a 10,000-response backlog in batches of 100', async () => {
    const time = fakeClock();
    const { app } = await setup({ clock: time.clock, config: { rateLimit: DEFAULT_RATE_LIMIT } });
    const device = { 'X-Stance-Device': 'field-tablet-01' };
    for (let batch = 0; batch < 100; batch++) {
      time.advance(20); // 100 batches in 2 s, far quicker than the 20 s budget
      const res = await submit(app, Array.from({ length: 100 }, () => pollResponse({ device: 'field-tablet-01' })), device);
      expect(res.status).toBe(200);
    }
  });
});

describe('body limits', () => {
  it('answers 413 on any API body over the largest limit before reading it', async () => {
    const { app } = await setup();
    const res = await app.request('/api/v1/health', { method: 'POST', headers: { 'Content-Length': String(65 * 1024 * 1024) }, body: 'x' });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('too_large');
  });

  it('answers 413 for an organiser survey upload over 1 MiB', async () => {
    const { app } = await setup();
    const res = await app.request('/api/v1/surveys', {
      method: 'POST',
      headers: { Authorization: 'Bearer organiser-secret-token' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
  });
});
