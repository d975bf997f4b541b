import type { Context } from 'hono';
import { AppError } from '../../core/errors';
import { isHttps } from './sessions';

/** Methods that change something; GET and HEAD never do here. */
export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The origins this server answers as: the Host the request came to (behind a trusted
 * proxy, the forwarded host and scheme) and PUBLIC_URL's.
 */
function ownOrigins(c: Context, trustProxy: boolean, publicUrl: string | undefined): Set<string> {
  const scheme = isHttps(c, trustProxy) ? 'https' : 'http';
  const forwardedHost = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const host = forwardedHost || c.req.header('host') || new URL(c.req.url).host;
  const origins = new Set([`${scheme}://${host.toLowerCase()}`]);
  if (publicUrl) {
    try {
      origins.add(new URL(publicUrl).origin);
    } catch {
      // PUBLIC_URL is checked at start; nothing to add if it is not a URL.
    }
  }
  return origins;
}

/**
 * What the browser says of where a request comes from: `same` (Sec-Fetch-Site
 * same-origin, or an Origin that is ours), `other` (any other site or origin), or
 * `unknown` (neither header: not a browser, or a very old one).
 */
export function requestSite(c: Context, trustProxy: boolean, publicUrl: string | undefined): 'same' | 'other' | 'unknown' {
  const fetchSite = c.req.header('sec-fetch-site')?.toLowerCase();
  if (fetchSite !== undefined) return fetchSite === 'same-origin' ? 'same' : 'other';
  const origin = c.req.header('origin');
  if (origin === undefined) return 'unknown';
  return ownOrigins(c, trustProxy, publicUrl).has(origin.toLowerCase()) ? 'same' : 'other';
}

/**
 * A change authenticated by the session cookie must prove it comes from our own pages:
 * SameSite=Strict already keeps other sites' requests cookieless, and this also refuses
 * sibling origins (another port or subdomain) and requests that say nothing.
 */
export function requireSameOrigin(c: Context, trustProxy: boolean, publicUrl: string | undefined): void {
  if (requestSite(c, trustProxy, publicUrl) !== 'same') throw new AppError('csrf', 'a change made with the session cookie must come from this site\'s own pages');
}

/** The origin a browser used to reach us (scheme and host, as a trusted proxy forwards them). */
export function requestOrigin(c: Context, trustProxy: boolean): string {
  return [...ownOrigins(c, trustProxy, undefined)][0]!;
}
