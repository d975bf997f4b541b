import { networkInterfaces } from 'node:os';

/** Where join links point: PUBLIC_URL, else a LAN address of this machine, else loopback (phones cannot use it). */
export type JoinBase = { url: string; source: 'configured' | 'lan' | 'loopback' };

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The machine's non-internal IPv4 addresses, in the order the system lists them. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((addresses) => (addresses ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address));
}

/**
 * The base of join links and QR codes (DESIGN §11): PUBLIC_URL when set; else, when the
 * server listens on every interface, its first non-loopback address; else the address it
 * listens on. Loopback only when nothing else can work, and then the caller warns.
 */
export function joinBase(options: { publicUrl?: string; https: boolean; host: string; port: number }): JoinBase {
  if (options.publicUrl) return { url: options.publicUrl.replace(/\/+$/, ''), source: 'configured' };
  const scheme = options.https ? 'https' : 'http';
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  const host = wildcard ? lanAddresses()[0] : LOOPBACK.has(options.host) ? undefined : options.host;
  if (host) return { url: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${options.port}`, source: 'lan' };
  return { url: `${scheme}://localhost:${options.port}`, source: 'loopback' };
}

/**
 * The addresses to open: PUBLIC_URL when set (it is what goes in QR codes), else one per
 * LAN address of this machine so phones on the venue network can reach it, then localhost.
 */
export function listenUrls(options: { publicUrl?: string; https: boolean; host: string; port: number }): string[] {
  if (options.publicUrl) return [options.publicUrl];
  const scheme = options.https ? 'https' : 'http';
  if (options.host === '0.0.0.0' || options.host === '::') {
    return [...lanAddresses().map((a) => `${scheme}://${a}:${options.port}/`), `${scheme}://localhost:${options.port}/`];
  }
  return [`${scheme}://${options.host}:${options.port}/`];
}
