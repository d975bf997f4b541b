import { Agent, request } from 'node:http';
import { submitBody } from './fixtures';
import type { SectionResult } from './report';
import { cpuSeconds, startStance, type Running } from './servers';
import { percentiles, round, type Percentiles } from './stats';

const DEVICES = 2_000;
const WINDOW_MS = 10_000;

type Call = { path: string; method: 'GET' | 'POST'; body?: string };
type Outcome = { call: string; ms: number; status: number };

/** One HTTP call on the device's own connection; status 0 for a network error. */
function call(base: URL, agent: Agent, device: string, c: Call): Promise<Outcome> {
  const start = performance.now();
  return new Promise((done) => {
    const headers: Record<string, string> = { 'x-stance-device': device };
    if (c.body) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(c.body)) });
    const req = request({ host: base.hostname, port: base.port, path: c.path, method: c.method, agent, headers, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => done({ call: `${c.method} ${c.path.split('?')[0]}`, ms: performance.now() - start, status: res.statusCode ?? 0 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done({ call: `${c.method} ${c.path}`, ms: performance.now() - start, status: 0 }));
    req.end(c.body);
  });
}

/** Runs `calls` in order on one new connection of the phone's own. */
async function visit(base: URL, device: string, calls: Call[]): Promise<Outcome[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out: Outcome[] = [];
  for (const c of calls) out.push(await call(base, agent, device, c));
  agent.destroy();
  return out;
}

const at = (t0: number, ms: number) => new Promise((r) => setTimeout(r, ms - (performance.now() - t0)));

/**
 * A phone in the hall: it opens the app (which fetches the survey list), and at another
 * random moment submits its response and reads the results the thank-you screen shows.
 * Both moments are random, so every kind of call meets the server at an arbitrary time: a
 * call made right after an answer would mostly find the server just drained and look fast.
 */
async function phone(base: URL, t0: number, opens: number, submits: number): Promise<Outcome[]> {
  const { device, body } = submitBody(1, { wave: 'hall', channel: 'conference' });
  await at(t0, opens);
  const opened = await visit(base, device, [{ method: 'GET', path: '/api/v1/surveys' }]);
  await at(t0, submits);
  const submitted = await visit(base, device, [
    { method: 'POST', path: '/api/v1/responses', body },
    { method: 'GET', path: '/api/v1/surveys/sovereign-ai/results?wave=hall' },
  ]);
  return [...opened, ...submitted];
}

/** 2,000 phones submitting at random moments within 10 s, every one from 127.0.0.1. */
async function burst(server: Running): Promise<Outcome[]> {
  const base = new URL(server.url);
  const t0 = performance.now();
  const phones = Array.from({ length: DEVICES }, () => {
    // Submissions spread evenly over the window, as DESIGN §5 has them; each phone opened the app before.
    const submits = Math.random() * WINDOW_MS;
    return phone(base, t0, Math.random() * submits, submits);
  });
  return (await Promise.all(phones)).flat();
}

/** DESIGN §5's hall: 2,000 attendees behind one IP within 10 s, with the default rate limits on. */
export async function benchHall(): Promise<SectionResult> {
  const server = await startStance({ rateLimit: true });
  let outcomes: Outcome[];
  const start = performance.now();
  const cpuBefore = cpuSeconds(server.pid);
  let serverCpuSeconds: number;
  try {
    outcomes = await burst(server);
    serverCpuSeconds = round(cpuSeconds(server.pid) - cpuBefore, 2);
  } finally {
    await server.stop();
  }
  const seconds = round((performance.now() - start) / 1000, 1);
  const errors = outcomes.filter((o) => o.status < 200 || o.status >= 300);
  const rounded = (p: Percentiles) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, round(v, 1)]));
  const posts = percentiles(outcomes.filter((o) => o.call === 'POST /api/v1/responses').map((o) => o.ms));
  const all = percentiles(outcomes.map((o) => o.ms));
  const byCall = Object.fromEntries([...new Set(outcomes.map((o) => o.call))].map((c) => [c, rounded(percentiles(outcomes.filter((o) => o.call === c).map((o) => o.ms)))]));
  const byStatus: Record<string, number> = {};
  for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  const section = 'hall';
  return {
    figures: [
      { section, name: '2,000 devices, one IP, 10 s, limits on: submit p99', value: round(posts.p99, 1), unit: 'ms', target: { op: '<=', value: 200 } },
      { section, name: 'hall: p99 of every API call (survey list, submit, results)', value: round(all.p99, 1), unit: 'ms' },
      { section, name: 'hall: errors and 429s', value: errors.length, unit: `of ${outcomes.length} calls`, target: { op: '<=', value: 0 } },
    ],
    details: { devices: DEVICES, windowMs: WINDOW_MS, seconds, serverCpuSeconds, submit: rounded(posts), all: rounded(all), byCall, byStatus, firstErrors: errors.slice(0, 5) },
  };
}
