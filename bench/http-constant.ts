// The HTTP-stack limit (DESIGN §5: each figure beside a limit): the same Hono and
// @hono/node-server as Stance, answering constants. Whatever the real server does beyond
// this (validation, SQLite, tallies) is the gap between its figures and these.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
const encoder = new TextEncoder();

// One stored result per item, as the real answer to a batch looks, made once.
const answers = new Map<number, string>();
function answer(items: number): string {
  let json = answers.get(items);
  if (!json) {
    const result = { id: '01900000-0000-7000-8000-000000000000', status: 'stored' };
    answers.set(items, (json = JSON.stringify({ results: Array.from({ length: items }, () => result) })));
  }
  return json;
}

app.get('/constant', (c) => c.json({ status: 'ok' }));

// The Lighthouse floor: the smallest page a browser can show, over the same stack.
app.get('/page', (c) =>
  c.html('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="description" content="A constant page"><title>Constant</title></head><body><main><h1>Constant</h1><p>The same bytes every time.</p></main></body></html>'),
);

// The body is read, as any real route must, but not looked at.
app.post('/api/v1/responses', async (c) => {
  await c.req.text();
  return c.body(answer(Number(c.req.query('items') ?? 1)), 200, { 'Content-Type': 'application/json' });
});

const subscribers = new Set<ReadableStreamDefaultController<Uint8Array>>();

// A live stream like Stance's (one ReadableStream per subscriber), minus the results.
app.get('/live', () => {
  let self: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      self = controller;
      subscribers.add(controller);
      controller.enqueue(encoder.encode('retry: 3000\n\n'));
    },
    cancel: () => void subscribers.delete(self),
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } });
});

// Sends one event of `bytes` bytes (the size of a real snapshot) to every subscriber.
app.post('/poke', (c) => {
  const bytes = Number(c.req.query('bytes') ?? 1000);
  const event = encoder.encode(`event: results\ndata: ${JSON.stringify({ at: Date.now(), pad: 'x'.repeat(bytes) })}\n\n`);
  for (const s of subscribers) s.enqueue(event);
  return c.json({ subscribers: subscribers.size });
});

app.get('/subscribers', (c) => c.json({ subscribers: subscribers.size }));

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: process.env.HOST ?? '127.0.0.1' });
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  if ('closeAllConnections' in server) server.closeAllConnections();
});
