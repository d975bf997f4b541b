import { readdirSync } from 'node:fs';
import { BUDGET, measureBundle } from './bundle-size';
import type { Figure, SectionResult } from './report';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Gzipped sizes of the built app: the first load, the precache and every chunk after them. */
export async function benchBundle(): Promise<SectionResult> {
  const report = measureBundle('dist/app');
  const section = 'bundle';
  const figures: Figure[] = [
    { section, name: 'respondent first load, JavaScript with @solidjs/router (gzip)', value: kb(report.firstLoad.js), unit: 'KB', target: { op: '<=', value: BUDGET.firstLoadJs / 1024 } },
    { section, name: 'respondent first load, CSS (gzip)', value: kb(report.firstLoad.css), unit: 'KB' },
    { section, name: `whole precache, ${report.precache.entries} entries (gzip)`, value: kb(report.precache.gzip), unit: 'KB', target: { op: '<=', value: BUDGET.precache / 1024 } },
  ];
  // DESIGN §5: Hangul comes from the system's fonts, so the build ships no font file at all.
  const fonts = readdirSync('dist/app', { recursive: true }).filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(String(f)));
  figures.push({ section, name: 'web font files in the build', value: fonts.length, unit: 'files', target: { op: '<=', value: 0 } });
  const first = new Set(report.firstLoad.files);
  for (const chunk of report.chunks.filter((c) => !first.has(c.file))) {
    const where = chunk.file.startsWith('assets/organiser/') ? 'organiser, lazy, not precached' : chunk.precached ? 'lazy, precached' : 'lazy, NOT precached';
    figures.push({ section, name: `${chunk.file.replace(/-[\w-]{8}\.js$/, '.js')} (${where})`, value: kb(chunk.gzip), unit: 'KB' });
  }
  return { figures, details: { ...report, fonts } };
}
