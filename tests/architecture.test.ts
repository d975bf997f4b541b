import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');
const LAYERS = ['core', 'client', 'app', 'sw', 'server'] as const;
type Layer = (typeof LAYERS)[number];

/** Which of our layers each layer may import (DESIGN §3), and which packages. */
const ALLOWED: Record<Layer, { layers: Layer[]; packages: RegExp }> = {
  core: { layers: ['core'], packages: /^zod\/mini$/ },
  client: { layers: ['core', 'client'], packages: /^(idb|zod\/mini)$/ },
  app: { layers: ['core', 'client', 'app'], packages: /^(solid-js(\/.*)?|@solidjs\/router|workbox-window|zod\/mini|qrcode-generator)$/ },
  sw: { layers: ['core', 'client', 'sw'], packages: /^(workbox-[a-z-]+)$/ },
  server: { layers: ['core', 'server'], packages: /^(node:.*|hono(\/.*)?|@hono\/node-server(\/.*)?|better-sqlite3|exceljs|pg|zod\/mini)$/ },
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Import specifiers of a file, static and dynamic. */
function imports(source: string): string[] {
  const found = [...source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)];
  return found.map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean);
}

function violations(layer: Layer): string[] {
  const out: string[] = [];
  for (const file of files(join(SRC, layer))) {
    for (const spec of imports(readFileSync(file, 'utf8'))) {
      const name = relative(SRC, file);
      if (layer === 'server' && spec.endsWith('/package.json')) continue; // the version it reports
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(dirname(file), spec)).split('/')[0] as Layer;
        if (!ALLOWED[layer].layers.includes(target)) out.push(`${name} imports ${spec} (${target})`);
      } else if (!spec.startsWith('virtual:') && !ALLOWED[layer].packages.test(spec)) {
        out.push(`${name} imports package ${spec}`);
      }
    }
  }
  return out;
}

describe('imports flow one way (DESIGN §3)', () => {
  it.each(LAYERS)('%s imports only what it may', (layer) => {
    expect(violations(layer)).toEqual([]);
  });

  it('core uses no DOM, browser or Node globals', () => {
    const globals = /\b(window|document|navigator|indexedDB|localStorage|sessionStorage|process|Buffer|require|fetch)\b\s*[.(]/;
    const offenders = files(join(SRC, 'core')).filter((f) => globals.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, '')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('detects a forbidden import (the check itself can fail)', () => {
    expect(imports("import { x } from '../server/app';\nconst y = await import('idb');")).toEqual(['../server/app', 'idb']);
  });
});
