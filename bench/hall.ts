import { Agent, request } from 'node:http';
import { submitBody } from './fixtures';
import type { SectionResult } from './report';
import { cpuSeconds, startStance, type Running } from './servers';
import { percentiles, round, type Percentiles } from './stats';

const DEVICES = 2_000;
const WINDOW_MS = 10_000;
const OPEN_MS = 5_000;

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

/** Starts `task` for each phone at a moment spread evenly at random over `windowMs`. */
async function spread<T>(count: number, windowMs: number, task: (i: number) => Promise<T[]>): Promise<T[]> {
  const t0 = performance.now();
  const runs = Array.from({ length: count }, (_, i) => {
    const at = Math.random() * windowMs;
    return new Promise<T[]>((done) => setTimeout(() => void task(i).then(done), at - (performance.now() - t0)));
  });
  return (await Promise.all(runs)).flat();
}

/**
 * The hall: first every phone opens the app (which fetches the survey list) over 5 s, then
 * every phone submits its response and reads the results the thank-you screen shows, at
 * moments spread over 10 s (DESIGN §5's window). Each visit is a fresh connection, as a
 * phone makes after minutes of answering. Two phases, because opening times drawn before
 * each submission would crowd the first second with a burst no hall makes.
 */
async function burst(server: Running): Promise<Outcome[]> {
  const base = new URL(server.url);
  const phones = Array.from({ length: DEVICES }, () => submitBody(1, { wave: 'hall', channel: 'conference' }));
  const opened = await spread(DEVICES, OPEN_MS, (i) => visit(base, phones[i]!.device, [{ method: 'GET', path: '/api/v1/surveys' }]));
  const submitted = await spread(DEVICES, WINDOW_MS, (i) =>
    visit(base, phones[i]!.device, [
      { method: 'POST', path: '/api/v1/responses', body: phones[i]!.body },
      { method: 'GET', path: '/api/v1/surveys/sovereign-ai/results?wave=hall' },
    ]),
  );
  return [...opened, ...submitted];
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
    details: { devices: DEVICES, openMs: OPEN_MS, windowMs: WINDOW_MS, seconds, serverCpuSeconds, submit: rounded(posts), all: rounded(all), byCall, byStatus, firstErrors: errors.slice(0, 5) },
  };
}
