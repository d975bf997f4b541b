import { expect } from 'vitest';
import type { setup } from './helpers';

type App = Awaited<ReturnType<typeof setup>>['app'];

/** Opens a live stream in-process and returns a reader of parsed SSE events (and comments). */
export async function openLive(app: App, path = '/api/v1/surveys/poll/live', headers: Record<string, string> = {}) {
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
