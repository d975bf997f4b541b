import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { ResultsSnapshot } from '../core/results';
import { kernelQueues } from './kernel-queues';

const encoder = new TextEncoder();
// Snapshots are shared between subscribers of one view, so a thousand projectors and phones
// cost one serialisation per change, not a thousand.
const encoded = new WeakMap<ResultsSnapshot, Uint8Array>();

/** One `results` event for a snapshot, encoded once however many subscribers get it. */
export function sseEvent(snapshot: ResultsSnapshot, etag: string): Uint8Array {
  let bytes = encoded.get(snapshot);
  if (!bytes) encoded.set(snapshot, (bytes = encoder.encode(`event: results\nid: ${etag.replaceAll('"', '')}\ndata: ${JSON.stringify(snapshot)}\n\n`)));
  return bytes;
}

/**
 * Most bytes a subscriber may leave untaken (or twice the event being sent, if larger): queued
 * in its stream, buffered in Node for its socket, and held by the kernel unacknowledged
 * (`kernel-queues.ts`). One event more than that and the subscriber is dropped; it reconnects
 * and gets a fresh snapshot, which is all a stale backlog would have ended with anyway. A
 * phone that keeps up has at most an event and what is in flight outstanding.
 */
export const MAX_UNSENT_BYTES = 256 * 1024;

const HEARTBEAT = encoder.encode(': heartbeat\n\n');

/** What the Node adapter hands a route (`c.env`): the response the stream is written to. */
type NodeBindings = { outgoing?: ServerResponse } | undefined;

/**
 * Ends the connection at once. On TCP, with a reset: a plain close would leave the kernel
 * holding the unsent bytes, and retrying them, until the peer reads or the retries run out,
 * which is exactly the memory a subscriber that never reads is made to hold.
 */
function hangUp(outgoing: ServerResponse | undefined): void {
  const socket = outgoing?.socket;
  if (!socket || socket.destroyed) return;
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy(); // not a TCP handle (TLS wraps it): close it the ordinary way
  }
}

/**
 * A text/event-stream response. `open` sends the first events and subscribes, returning
 * the unsubscribe function, which runs once whichever way the stream ends: the client
 * disconnects (abort or cancel), or it leaves more than MAX_UNSENT_BYTES untaken.
 */
export function eventStream(c: Context, heartbeatMs: number, open: (send: (chunk: Uint8Array) => void) => () => void): Response {
  const outgoing = (c.env as NodeBindings)?.outgoing;
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const release = kernelQueues.hold();
        // With a byte-counting queue of high-water mark 0, -desiredSize is what the writer has not yet read.
        const unsent = () => -(controller.desiredSize ?? 0) + (outgoing?.writableLength ?? 0) + (outgoing?.socket ? kernelQueues.queued(outgoing.socket) : 0);
        const drop = () => {
          cleanup();
          hangUp(outgoing);
          controller.error(new Error('the subscriber is not reading'));
        };
        const send = (chunk: Uint8Array) => {
          if (unsent() + chunk.byteLength > Math.max(MAX_UNSENT_BYTES, 2 * chunk.byteLength)) return drop();
          try {
            controller.enqueue(chunk);
          } catch {
            cleanup(); // the stream already ended (the client went away between two events)
          }
        };
        send(encoder.encode('retry: 3000\n\n'));
        const unsubscribe = open(send);
        // A comment line every so often keeps proxies and phones from closing an idle stream.
        const heartbeat = setInterval(() => send(HEARTBEAT), heartbeatMs);
        cleanup = () => {
          clearInterval(heartbeat);
          release();
          unsubscribe();
          cleanup = () => {};
        };
      },
      cancel: () => cleanup(),
    },
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  );
  c.req.raw.signal.addEventListener('abort', () => cleanup(), { once: true });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' },
  });
}
