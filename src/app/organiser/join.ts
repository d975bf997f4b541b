import type { Overview, WaveRow } from './types';

/** Where join links point and who chose it: PUBLIC_URL, the server's LAN address, loopback, or this page. */
export type JoinAddress = { base: string; source: 'configured' | 'lan' | 'loopback' | 'page' };

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The address phones join at: what the server says it put in QR codes (PUBLIC_URL, else
 * its first LAN address), else this page's own origin.
 */
export function joinAddress(overview: Pick<Overview, 'publicUrl' | 'publicUrlSource'> | undefined): JoinAddress {
  if (overview?.publicUrl) return { base: overview.publicUrl.replace(/\/+$/, ''), source: overview.publicUrlSource ?? 'configured' };
  return { base: location.origin, source: 'page' };
}

/** Whether phones in the room cannot open the address: it names this machine only. */
export function onlyThisMachine(address: JoinAddress): boolean {
  return address.source === 'loopback' || LOOPBACK_HOST.test(new URL(address.base).hostname);
}

/**
 * The link a wave's QR code carries: `/j/CODE` for a registered wave (short enough to
 * type off the screen), else the survey's link naming the wave; with no wave, the
 * survey's link alone. All open the conference channel unless the wave says otherwise.
 */
export function joinLink(address: JoinAddress, surveyId: string, wave: Pick<WaveRow, 'slug' | 'code'> | undefined): string {
  if (wave?.code) return `${address.base}/j/${wave.code}`;
  const query = wave ? `wave=${encodeURIComponent(wave.slug)}&channel=conference` : 'channel=conference';
  return `${address.base}/s/${encodeURIComponent(surveyId)}?${query}`;
}

/** The link without its scheme, short enough to read off a projector and type. */
export function shortLink(link: string): string {
  return link.replace(/^https?:\/\//, '');
}
