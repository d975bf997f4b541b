import { describe, expect, it } from 'vitest';
import { AUTH, getJson, pollResponse, setup, submit } from './helpers';

type App = Awaited<ReturnType<typeof setup>>['app'];

/** Opens the live stream and returns a reader of parsed SSE events (and comments). */
async function openLive(app: App, path = '/api/v1/surveys/poll/live', headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (timeoutMs = 2000): Promise<{ event?: string; data?: any; comment?: string; at: number }> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('retry:')) continue;
        if (block.startsWith(':')) return { comment: block.slice(1).trim(), at: Date.now() };
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        return { event, data: data ? JSON.parse(data) : undefined, at: Date.now() };
      }
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now())));
      const read = await Promise.race([reader.read(), timer]);
      if (read === 'timeout') throw new Error('no event in time');
      if (read.done) throw new Error('stream ended');
      buffer += decoder.decode(read.value, { stream: true });
    }
  };
  return { next, close: () => reader.cancel() };
}

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
