import { readFile, stat } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map']);

type Encoded = { mtimeMs: number; raw: Buffer; br?: Buffer; gzip?: Buffer };

/**
 * Serves the built PWA. Files under /assets/ carry a content hash in their names, so they
 * are cached for a year as immutable; everything else (index.html, the manifest, sw.js,
 * icons) is `no-cache` so an update is seen on the next load. Text files are compressed
 * once and kept in memory: the respondent's phone is on slow venue Wi-Fi.
 */
export function staticSite(rootDir: string) {
  const root = resolve(rootDir);
  const cache = new Map<string, Encoded>();

  async function load(path: string): Promise<Encoded | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const raw = await readFile(path);
    const entry: Encoded = { mtimeMs: info.mtimeMs, raw };
    if (COMPRESSIBLE.has(extname(path)) && raw.length > 512) {
      entry.br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      entry.gzip = gzipSync(raw, { level: 9 });
    }
    cache.set(path, entry);
    return entry;
  }

  function send(c: Context, file: Encoded, path: string, urlPath: string): Response {
    const headers = new Headers({ 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    headers.set('Cache-Control', urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    const etag = `W/"${file.raw.length.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    headers.set('ETag', etag);
    if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
    const accept = c.req.header('accept-encoding') ?? '';
    const encoding = file.br && /\bbr\b/.test(accept) ? 'br' : file.gzip && /\bgzip\b/.test(accept) ? 'gzip' : undefined;
    const body = encoding ? file[encoding]! : file.raw;
    if (file.br || file.gzip) headers.set('Vary', 'Accept-Encoding');
    if (encoding) headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(body.length));
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  }

  /** Handles GET and HEAD outside /api: a file, else index.html for navigations, else 404. */
  return async (c: Context): Promise<Response> => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('Bad request', 400);
    }
    const path = resolve(root, normalize(urlPath).replace(/^[/\\]+/, ''));
    // Refuse anything that resolves outside the app folder (../, encoded or not, and NUL tricks).
    if (urlPath.includes('\0') || (path !== root && !path.startsWith(root + sep))) return c.text('Not found', 404);
    const file = path === root ? undefined : await load(path);
    if (file) return send(c, file, path, urlPath);
    const navigation = extname(urlPath) === '' || (c.req.header('accept') ?? '').includes('text/html');
    const index = navigation ? await load(resolve(root, 'index.html')) : undefined;
    if (index) return send(c, index, 'index.html', '/index.html');
    return navigation ? c.text('The app is not built yet: run `npm run build`.', 503) : c.text('Not found', 404);
  };
}
