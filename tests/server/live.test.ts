import { describe, expect, it } from 'vitest';
import { AUTH, getJson, pollResponse, setup, submit } from './helpers';
import { openLive } from './live-reader';


describe('GET /api/v1/surveys/:id/live', () => {
  it('sends the current results at once and an event after an insert', async () => {
    const { app } = await setup();
    const live = await openLive(app);
    expect((await live.next()).event).toBe('results');
    await submit(app, Array.from({ length: 5 }, () => pollResponse()));
    const update = await live.next();
    expect(update.event).toBe('results');
    expect(update.data.count).toBe(5);
    await live.close();
  });

  it('pushes the first change at once, then at most one event per interval, the last always sent', async () => {
    const { app } = await setup({ config: { liveIntervalMs: 300 } });
    const live = await openLive(app);
    await live.next();
    const start = Date.now();
    await submit(app, Array.from({ length: 5 }, () => pollResponse()));
    const first = await live.next();
    expect(first.at - start).toBeLessThan(150);
    for (let i = 0; i < 4; i++) await submit(app, [pollResponse()]);
    const trailing = await live.next();
    expect(trailing.data.count).toBe(9);
    expect(trailing.at - first.at).toBeGreaterThanOrEqual(250);
    await expect(live.next(500)).rejects.toThrow('no event in time');
    await live.close();
  });

  it('sends heartbeat comments and forgets a subscriber that went away', async () => {
    const { app } = await setup({ config: { heartbeatMs: 50 } });
    const live = await openLive(app);
    await live.next();
    expect(await live.next()).toMatchObject({ comment: 'heartbeat' });
    expect((await getJson(app, '/api/v1/health')).body.liveSubscribers).toBe(1);
    await live.close();
    expect((await getJson(app, '/api/v1/health')).body.liveSubscribers).toBe(0);
    await submit(app, [pollResponse()]);
  });

  it('follows the results access rule', async () => {
    const { app } = await setup();
    expect((await app.request('/api/v1/surveys/private/live')).status).toBe(401);
    const live = await openLive(app, '/api/v1/surveys/private/live', AUTH);
    expect((await live.next()).data.surveyId).toBe('private');
    await live.close();
  });

  it('keeps each subscriber on its own filters', async () => {
    const { app } = await setup();
    const field = await openLive(app, '/api/v1/surveys/poll/live?channel=field');
    const all = await openLive(app);
    await field.next();
    await all.next();
    await submit(app, Array.from({ length: 5 }, () => pollResponse({ channel: 'web' })));
    expect((await all.next()).data.count).toBe(5);
    // The field view's figures did not change, so it gets no event.
    await expect(field.next(300)).rejects.toThrow('no event in time');
    await Promise.all([field.close(), all.close()]);
  });
});
