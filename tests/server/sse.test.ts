import { describe, expect, it } from 'vitest';
import { MAX_UNSENT_BYTES } from '../../src/server/sse';
import { getJson, pollResponse, setup, submit } from './helpers';

// In-process there is no socket: what counts is what the stream's reader has not taken.
describe('live stream backpressure', () => {
  it('drops a subscriber that leaves more than MAX_UNSENT_BYTES untaken, and keeps one that reads', async () => {
    const { app } = await setup({ config: { liveIntervalMs: 0 } });
    const idle = await app.request('/api/v1/surveys/poll/live');
    const reader = (await app.request('/api/v1/surveys/poll/live')).body!.getReader();
    let taken = 0;
    const pump = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        taken += value.byteLength;
      }
    })();
    expect((await getJson(app, '/api/v1/health')).body.liveSubscribers).toBe(2);
    let pushed = 0;
    for (let i = 0; i < 400 && (await getJson(app, '/api/v1/health')).body.liveSubscribers === 2; i++) {
      await submit(app, [pollResponse()]);
      await new Promise((r) => setTimeout(r, 5));
      pushed = taken;
    }
    expect((await getJson(app, '/api/v1/health')).body.liveSubscribers).toBe(1);
    expect(pushed).toBeGreaterThan(MAX_UNSENT_BYTES);
    // What was queued for the dropped one is discarded, not delivered late.
    await expect(idle.body!.getReader().read()).rejects.toThrow(/not reading/);
    await reader.cancel();
    await pump;
    expect((await getJson(app, '/api/v1/health')).body.liveSubscribers).toBe(0);
  });
});
