import type { ServerOptions } from 'node:http';

/** How long a client may take to send a request: its headers, and the whole of it with the body. */
export type HttpTimeouts = { headersTimeoutMs: number; requestTimeoutMs: number };

/**
 * Sized for phones on venue Wi-Fi. Headers are under a few kilobytes, so 20 s is generous
 * even on a link that stalls for seconds at a time. A phone's body is at most 1 MiB, usually
 * a few kilobytes; 60 s carries 1 MiB at 18 KB/s. Node's defaults (60 s and 300 s) let a
 * client that trickles one byte every few seconds hold a connection for five minutes.
 */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersTimeoutMs: 20_000, requestTimeoutMs: 60_000 };

/**
 * The options for `http.createServer` (and `https`) that enforce the timeouts. Node checks
 * them every `connectionsCheckingInterval` (30 s by default), so a tenth of the shorter
 * timeout is used instead: a slow client is closed close to its deadline, not up to 30 s
 * after it. Neither timeout touches a response being written: a live stream stays open.
 */
export function httpServerOptions(timeouts: HttpTimeouts): ServerOptions {
  // Node refuses headers a longer deadline than the whole request; 0 turns a timeout off.
  const headersTimeout = timeouts.requestTimeoutMs > 0 ? Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs) : timeouts.headersTimeoutMs;
  return {
    headersTimeout,
    requestTimeout: timeouts.requestTimeoutMs,
    connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.round((headersTimeout || timeouts.requestTimeoutMs || 50_000) / 10))),
  };
}
