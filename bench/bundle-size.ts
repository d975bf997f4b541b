import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets of DESIGN §5, in bytes of gzip. */
export const BUDGET = { firstLoadJs: 35 * 1024, precache: 200 * 1024 };

/** Gzipped sizes of the built respondent app: what a first visit loads, each chunk, the precache. */
export type BundleReport = {
  firstLoad: { js: number; css: number; files: string[] };
  chunks: { file: string; gzip: number; precached: boolean }[];
  precache: { gzip: number; entries: number };
};

const gzip = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Static imports of a built chunk (`import … from"./x.js"`), not the lazy `import()` ones. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*"(\.\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

/** The entry scripts and everything they import statically, transitively: what runs before the first screen. */
function withStaticImports(distDir: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const spec of staticImports(readFileSync(join(distDir, file), 'utf8'))) visit(dir + spec.slice(2));
  };
  entries.forEach(visit);
  return [...seen];
}

/**
 * Measures `dist/app` as built. The first load is what index.html names (its entry script,
 * modulepreloads and stylesheets) plus every chunk those import statically; the precache is
 * the manifest injected into sw.js.
 */
export function measureBundle(distDir = 'dist/app'): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const js = withStaticImports(distDir, named.filter((f) => f.endsWith('.js')));
  const css = named.filter((f) => f.endsWith('.css'));
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const precached = new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!));
  const chunks = walk(join(distDir, 'assets'))
    .filter((p) => p.endsWith('.js'))
    .map((p) => {
      const file = relative(distDir, p);
      return { file, gzip: gzip(p), precached: precached.has(file) };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const sum = (files: string[]) => files.reduce((total, f) => total + gzip(join(distDir, f)), 0);
  return {
    firstLoad: { js: sum(js), css: sum(css), files: [...js, ...css] },
    chunks,
    precache: { gzip: sum([...precached]), entries: precached.size },
  };
}
