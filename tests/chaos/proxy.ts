import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one request. `drop-before` closes the connection without
 * forwarding; `drop-after` forwards, lets the server commit and answer, then closes the
 * connection without a word (the duplicate path: stored, but the device never heard);
 * `cut-body` forwards and relays half of the answer; `502`/`503` answer for the server
 * without forwarding; `delay` forwards late; `pass` forwards.
 */
export type Fate = 'pass' | 'delay' | 'drop-before' | 'drop-after' | 'cut-body' | '502' | '503';

/** Chances of each fault; whatever is left over passes untouched. Drops add up to a fifth. */
const CHANCES: [Fate, number][] = [
  ['drop-before', 0.08],
  ['drop-after', 0.08],
  ['cut-body', 0.04],
  ['502', 0.05],
  ['503', 0.05],
  ['delay', 0.2],
];

/** Counts by fate, plus requests that found the server down (killed) and were answered 502. */
export type ProxyStats = Record<Fate, number> & { requests: number; serverDown: number; itemStatuses: Record<string, number> };

/** A running fault proxy in front of one or more upstream ports. */
export type FaultProxy = { url: string; stats: ProxyStats; close(): Promise<void> };

function chooseFate(random: () => number): Fate {
  let roll = random();
  for (const [fate, chance] of CHANCES) {
    if (roll < chance) return fate;
    roll -= chance;
  }
  return 'pass';
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => done(Buffer.concat(chunks)));
    stream.on('error', fail);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts the per-item statuses in a server answer, so duplicates the device never heard are counted too. */
function countStatuses(body: Buffer, into: Record<string, number>): void {
  try {
    for (const r of (JSON.parse(body.toString('utf8')) as { results?: { status: string }[] }).results ?? []) into[r.status] = (into[r.status] ?? 0) + 1;
  } catch {
    // Not a batch answer (an error body): nothing to count.
  }
}

type Upstream = { status: number; headers: Record<string, string>; body: Buffer };

/** Forwards one buffered request; resolves with the whole answer, or undefined when the server is down. */
function forward(port: number, req: IncomingMessage, body: Buffer): Promise<Upstream | undefined> {
  const headers = { ...req.headers, host: `127.0.0.1:${port}`, connection: 'close', 'content-length': String(body.length) };
  return new Promise((done) => {
    const out = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent: false }, (res) => {
      readAll(res).then(
        (answer) => done({ status: res.statusCode ?? 502, headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json'), ...(res.headers['retry-after'] ? { 'retry-after': String(res.headers['retry-after']) } : {}) }, body: answer }),
        () => done(undefined),
      );
    });
    out.on('error', () => done(undefined));
    out.end(body);
  });
}

/**
 * Forwards to the upstreams in turn, as a load balancer does, trying the next when one is
 * down; undefined only when every upstream is.
 */
async function balance(ports: number[], turn: number, req: IncomingMessage, body: Buffer): Promise<Upstream | undefined> {
  for (let i = 0; i < ports.length; i++) {
    const answer = await forward(ports[(turn + i) % ports.length]!, req, body);
    if (answer) return answer;
  }
  return undefined;
}

async function handle(ports: number[], turn: number, random: () => number, stats: ProxyStats, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readAll(req);
  const fate = chooseFate(random);
  stats.requests++;
  stats[fate]++;
  if (fate === 'drop-before') return void req.socket.destroy();
  if (fate === '502' || fate === '503') return void res.writeHead(Number(fate), { 'content-type': 'text/plain' }).end('injected fault');
  if (fate === 'delay') await sleep(50 + Math.floor(random() * 750));
  const answer = await balance(ports, turn, req, body);
  if (!answer) {
    stats.serverDown++;
    return void res.writeHead(502, { 'content-type': 'text/plain' }).end('server down');
  }
  countStatuses(answer.body, stats.itemStatuses);
  if (fate === 'drop-after') return void req.socket.destroy();
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
  if (fate === 'cut-body') {
    res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
    return void setImmediate(() => req.socket.destroy());
  }
  res.end(answer.body);
}

/** Starts the fault proxy on a free loopback port in front of the upstream ports (which may come and go). */
export async function startFaultProxy(upstreamPorts: number[], random: () => number): Promise<FaultProxy> {
  const stats = { requests: 0, serverDown: 0, itemStatuses: {}, pass: 0 } as ProxyStats;
  for (const [fate] of CHANCES) stats[fate] = 0;
  let turn = 0;
  const server = createServer((req, res) => {
    handle(upstreamPorts, turn++, random, stats, req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
