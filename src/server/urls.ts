import { networkInterfaces } from 'node:os';

/**
 * The addresses to open: PUBLIC_URL when set (it is what goes in QR codes), else one per
 * LAN address of this machine so phones on the venue network can reach it, then localhost.
 */
export function listenUrls(options: { publicUrl?: string; https: boolean; host: string; port: number }): string[] {
  if (options.publicUrl) return [options.publicUrl];
  const scheme = options.https ? 'https' : 'http';
  const urls: string[] = [];
  if (options.host === '0.0.0.0' || options.host === '::') {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) urls.push(`${scheme}://${a.address}:${options.port}/`);
    }
    urls.push(`${scheme}://localhost:${options.port}/`);
  } else {
    urls.push(`${scheme}://${options.host}:${options.port}/`);
  }
  return urls;
}
