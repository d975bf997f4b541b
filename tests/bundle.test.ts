import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET, measureBundle } from '../bench/bundle-size';
import { ORGANISER_CACHE_ENTRIES } from '../src/sw/organiser-cache';

// The bundle budget is deterministic, so unlike the other speed targets it is a test (DESIGN §5).
describe.runIf(existsSync('dist/app/sw.js'))('the built respondent app', () => {
  const report = measureBundle();

  it(`loads at most ${BUDGET.firstLoadJs / 1024} KB of gzipped JavaScript first`, () => {
    expect(report.firstLoad.js).toBeLessThanOrEqual(BUDGET.firstLoadJs);
  });

  it(`precaches at most ${BUDGET.precache / 1024} KB gzipped`, () => {
    expect(report.precache.gzip).toBeLessThanOrEqual(BUDGET.precache);
  });

  it('keeps organiser chunks out of the first load and the precache', () => {
    const organiser = report.chunks.filter((c) => c.file.startsWith('assets/organiser/'));
    expect(organiser.length).toBeGreaterThan(0);
    expect(organiser.filter((c) => c.precached)).toEqual([]);
    expect(report.firstLoad.files.filter((f) => f.includes('organiser'))).toEqual([]);
  });

  it('has fewer organiser chunks than the worker keeps, so a deploy never evicts its own', () => {
    const organiser = report.chunks.filter((c) => c.file.startsWith('assets/organiser/'));
    expect(organiser.length * 2).toBeLessThanOrEqual(ORGANISER_CACHE_ENTRIES);
  });

  it('precaches every other chunk, so every respondent screen works offline', () => {
    expect(report.chunks.filter((c) => !c.file.startsWith('assets/organiser/') && !c.precached)).toEqual([]);
  });
});

it('has a build to measure (npm test builds before testing)', () => {
  expect(existsSync('dist/app/sw.js')).toBe(true);
});

it('counts the chunks an entry imports statically as part of the first load', async () => {
  const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join((await import('node:os')).tmpdir(), 'bundle-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<script type="module" src="/assets/entry.js"></script>');
  writeFileSync(join(dir, 'assets/entry.js'), 'import{a}from"./shared.js";import"./side.js";const lazy=()=>import("./lazy.js");');
  writeFileSync(join(dir, 'assets/shared.js'), 'export const a=1;');
  writeFileSync(join(dir, 'assets/side.js'), 'import{a}from"./shared.js";');
  writeFileSync(join(dir, 'assets/lazy.js'), 'export default 1;');
  writeFileSync(join(dir, 'sw.js'), '[{"revision":"1","url":"assets/entry.js"}]');
  expect(measureBundle(dir).firstLoad.files.sort()).toEqual(['assets/entry.js', 'assets/shared.js', 'assets/side.js']);
});
