import { DEFAULT_WAVE } from '../src/core/vocabulary';
import { request, type ClientRequest } from 'node:http';
import { submitBody } from './fixtures';
import type { SectionResult } from './report';
import { startConstant, startStance, type Running } from './servers';
import { median, percentiles, round } from './stats';

export const SUBSCRIBERS = 1_000;
export const TRIALS = 5;
/** Longer than the server's one-second live interval, so each trial's first push is immediate. */
const QUIET_MS = 1_500;

/** One open stream: when each `results` event arrived, in order. */
export type Subscriber = { arrivals: number[]; req: ClientRequest; bytes: number };

/** Opens a stream on its own connection and notes the arrival time of every `results` event. */
export function subscribe(base: URL, path: string): Promise<Subscriber> {
  return new Promise((done, fail) => {
    const sub: Subscriber = { arrivals: [], req: undefined as unknown as ClientRequest, bytes: 0 };
    sub.req = request({ host: base.hostname, port: base.port, path, agent: false }, (res) => {
      if (res.statusCode !== 200) return fail(new Error(`live stream answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('event: results')) (sub.arrivals.push(performance.now()), (sub.bytes = block.length));
        }
      });
      res.on('error', () => undefined);
      done(sub);
    });
    sub.req.on('error', fail);
    sub.req.end();
  });
}

export async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 2));
  }
  return true;
}

/** Opens the streams in waves of 100, so the opening itself is not what is measured. */
async function openAll(base: URL, path: string): Promise<Subscriber[]> {
  const subs: Subscriber[] = [];
  for (let i = 0; i < SUBSCRIBERS; i += 100) subs.push(...(await Promise.all(Array.from({ length: 100 }, () => subscribe(base, path)))));
  return subs;
}

/**
 * `TRIALS` times: wait for quiet, trigger one change, and time until the last of the
 * subscribers has the event. Returns the time to the last and to the median subscriber.
 */
export async function trials(subs: Subscriber[], trigger: () => Promise<void>): Promise<{ last: number[]; middle: number[]; missed: number }> {
  const last: number[] = [];
  const middle: number[] = [];
  let missed = 0;
  for (let t = 0; t < TRIALS; t++) {
    await new Promise((r) => setTimeout(r, QUIET_MS));
    const before = subs.map((s) => s.arrivals.length);
    const start = performance.now();
    await trigger();
    await until(() => subs.every((s, i) => s.arrivals.length > before[i]!), 10_000);
    const times = subs.flatMap((s, i) => (s.arrivals.length > before[i]! ? [s.arrivals[before[i]!]! - start] : []));
    missed += subs.length - times.length;
    // A trial nobody saw counts as the whole wait, never as a fast one.
    last.push(times.length ? Math.max(...times) : 10_000);
    middle.push(times.length ? median(times) : 10_000);
  }
  return { last, middle, missed };
}

async function measure(server: Running, path: string, trigger: () => Promise<void>) {
  const subs = await openAll(new URL(server.url), path);
  try {
    // The real stream sends the current snapshot on connect; the constant one does not.
    await until(() => subs.every((s) => s.arrivals.length >= (path.includes('/api/') ? 1 : 0)), 10_000);
    return { ...(await trials(subs, trigger)), eventBytes: subs[0]!.bytes };
  } finally {
    for (const s of subs) s.req.destroy();
  }
}

export async function postBody(url: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status}`);
  await res.arrayBuffer();
}

/** 1,000 subscribers on the live stream: from one submission to the last subscriber's event. */
export async function benchLive(): Promise<SectionResult> {
  const stance = await startStance({ rateLimit: false });
  let real: Awaited<ReturnType<typeof measure>>;
  try {
    // Below five responses every figure is withheld, so a new one may change nothing and push nothing;
    // and the public counts only registered waves and `open`, so the responses go to `open`.
    const seed = submitBody(10, { wave: DEFAULT_WAVE });
    await postBody(`${stance.url}/api/v1/responses`, seed.body, { 'x-stance-device': seed.device });
    real = await measure(stance, '/api/v1/surveys/sovereign-ai/live', () => {
      const { device, body } = submitBody(1, { wave: DEFAULT_WAVE });
      return postBody(`${stance.url}/api/v1/responses`, body, { 'x-stance-device': device });
    });
  } finally {
    await stance.stop();
  }
  const constant = await startConstant();
  let floor: Awaited<ReturnType<typeof measure>>;
  try {
    floor = await measure(constant, '/live', () => postBody(`${constant.url}/poke?bytes=${real.eventBytes}`, ''));
  } finally {
    await constant.stop();
  }
  const section = 'live';
  return {
    figures: [
      { section, name: '1,000 subscribers: submission to last event (median of 5)', value: round(median(real.last), 1), unit: 'ms', target: { op: '<=', value: 1000 }, limit: { value: round(median(floor.last), 1), label: 'HTTP constant fan-out' } },
      { section, name: 'live: subscribers that missed an event', value: real.missed, unit: `of ${SUBSCRIBERS * TRIALS}`, target: { op: '<=', value: 0 } },
    ],
    details: { subscribers: SUBSCRIBERS, trials: TRIALS, real: summary(real), constant: summary(floor) },
  };
}

export function summary(m: { last: number[]; middle: number[]; missed: number; eventBytes: number }) {
  return { lastMs: m.last.map((x) => round(x, 1)), medianSubscriberMs: m.middle.map((x) => round(x, 1)), worst: round(percentiles(m.last).max, 1), missed: m.missed, eventBytes: m.eventBytes };
}
