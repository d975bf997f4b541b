import { execFileSync } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Survey } from '../../src/core/survey';
import { TEST_TOKEN, startServer, type TestServer } from './server';

// Finding 7 of the hostile hall (issue 15): live subscribers that never read, over real
// sockets against the built server. A wide survey makes each event large (about 100 KB),
// so the kernel's buffers fill within seconds instead of minutes.

const t = (en: string) => ({ ko: `${en} 한국어`, en });
const QUESTIONS = 200;
const NEVER_READING = 30;
const wide: Survey = {
  id: 'wide',
  version: 1,
  title: t('Wide'),
  description: t('Many questions'),
  notice: t('Anonymous'),
  resultsPublic: true,
  sections: [0, 1].map((s) => ({
    id: `s${s}`,
    title: t(`Section ${s}`),
    questions: Array.from({ length: QUESTIONS / 2 }, (_, i) => ({ id: `q${s}-${i}`, kind: 'likert' as const, points: 5 as const, required: true, prompt: t(`Q${i}`), labels: { low: t('low'), high: t('high') } })),
  })),
};

let server: TestServer;
const api = (path: string) => `${server.url}/api/v1${path}`;
let sent = 0;

function wideResponse() {
  const now = Date.now() + sent;
  const hex = now.toString(16).padStart(12, '0');
  const tail = (sent++).toString(16).padStart(12, '0');
  const answers = Object.fromEntries(wide.sections.flatMap((s) => s.questions.map((q, i) => [q.id, ((i + sent) % 5) + 1])));
  const at = new Date(now).toISOString();
  return { id: `${hex.slice(0, 8)}-${hex.slice(8)}-7000-8000-${tail}`, surveyId: 'wide', surveyVersion: 1, wave: 'open', channel: 'web', device: 'wide-device', locale: 'en', startedAt: at, submittedAt: at, answers };
}

async function submitOne(): Promise<void> {
  const res = await fetch(api('/responses'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ responses: [wideResponse()] }) });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

const subscribers = async () => ((await (await fetch(api('/health'))).json()) as { liveSubscribers: number }).liveSubscribers;

/** A subscriber that sends its request and never reads a byte of the answer. */
function neverReading(): Promise<Socket> {
  return new Promise((done, fail) => {
    const socket = connect({ port: server.port, host: '127.0.0.1' }, () => {
      socket.pause();
      socket.write(`GET /api/v1/surveys/wide/live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`, () => done(socket));
    });
    socket.on('error', () => undefined); // the reset the server answers with is the point
    socket.once('error', fail);
  });
}

/** A subscriber that reads every event as it comes, counting them and keeping the last count. */
function reading() {
  const controller = new AbortController();
  const seen = { events: 0, lastCount: -1, open: true };
  void fetch(api('/surveys/wide/live'), { signal: controller.signal }).then(async (res) => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) (seen.events++, (seen.lastCount = (JSON.parse(data) as { count: number }).count));
      }
    }
    seen.open = false;
  }).catch(() => (seen.open = false));
  return { seen, close: () => controller.abort() };
}

/** Bytes the kernel holds for the server's side of its connections (Send-Q), when `ss` is there to ask. */
function serverSendQueue(): number | undefined {
  try {
    const out = execFileSync('ss', ['-tnH', 'state', 'established', `( sport = :${server.port} )`], { encoding: 'utf8' });
    return out.split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[1] ?? 0), 0);
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  server = await startServer({ env: { LIVE_HEARTBEAT_MS: '1000' } });
  const res = await fetch(api('/surveys'), { method: 'POST', headers: { authorization: `Bearer ${TEST_TOKEN}` }, body: JSON.stringify(wide) });
  expect(res.status).toBe(201);
  for (let i = 0; i < 5; i++) await submitOne();
});
afterAll(() => server?.stop());

describe('live subscribers that never read', () => {
  it('are dropped once what their sockets have not taken passes the limit, while readers keep every event', async () => {
    const readers = [reading(), reading()];
    const idle = await Promise.all(Array.from({ length: NEVER_READING }, neverReading));
    const started = Date.now();
    await expect.poll(subscribers).toBe(NEVER_READING + 2);
    let peakQueue = 0;
    // One response every 250 ms: one event a second to every subscriber, each about 100 KB.
    while ((await subscribers()) > 2 && Date.now() - started < 60_000) {
      await submitOne();
      peakQueue = Math.max(peakQueue, serverSendQueue() ?? 0);
      await new Promise((r) => setTimeout(r, 250));
    }
    const droppedAfterMs = Date.now() - started;
    expect(await subscribers()).toBe(2);
    await submitOne();
    await expect.poll(() => readers.map((r) => r.seen.lastCount), { timeout: 5_000 }).toEqual([sent, sent]);
    expect(readers.every((r) => r.seen.open && r.seen.events >= 5)).toBe(true);
    // Reset, not closed: the kernel dropped what it held for them instead of retrying it.
    const queueAfter = serverSendQueue();
    console.log(`${NEVER_READING} never-reading subscribers dropped after ${(droppedAfterMs / 1000).toFixed(1)} s; kernel send queues on the server's port peaked at ${(peakQueue / 2 ** 20).toFixed(1)} MiB, ${queueAfter === undefined ? '(ss missing)' : `${(queueAfter / 2 ** 10).toFixed(0)} KiB`} after`);
    const ended = await Promise.all(idle.map((socket) => new Promise<string>((done) => {
      socket.once('close', () => done('closed'));
      socket.resume();
      setTimeout(() => done('still open'), 5_000);
    })));
    expect(ended).toEqual(Array(NEVER_READING).fill('closed'));
    readers.forEach((r) => r.close());
  });

  it('gets a fresh snapshot first when a dropped subscriber reconnects', async () => {
    const again = reading();
    await expect.poll(() => again.seen.lastCount, { timeout: 5_000 }).toBe(sent);
    expect(again.seen.events).toBe(1);
    again.close();
  });
});
