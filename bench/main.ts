// Runs every benchmark in turn (never two at once: they would share the two cores), prints
// the table and writes bench/results.json. `npm run bench -- ingest live` runs only those.
import { benchBundle } from './bundle';
import { benchClient } from './client';
import { benchExport } from './export';
import { benchHall } from './hall';
import { benchIngest } from './ingest';
import { benchLighthouse } from './lighthouse';
import { benchLive } from './live';
import { benchOpinionMap } from './opinion-map';
import { benchPgIngest, benchPgLive, benchPgResults } from './postgres';
import { benchResultsRead } from './results-read';
import { machine, othersLoad, table, writeResults, type Figure, type SectionResult } from './report';

const SECTIONS: [string, () => Promise<SectionResult>][] = [
  ['bundle', benchBundle],
  ['ingest', benchIngest],
  ['hall', benchHall],
  ['live', benchLive],
  ['results', benchResultsRead],
  ['export', benchExport],
  ['pg-ingest', benchPgIngest],
  ['pg-results', benchPgResults],
  ['pg-live', benchPgLive],
  ['opinion-map', benchOpinionMap],
  ['client', benchClient],
  ['lighthouse', benchLighthouse],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const started = Date.now();
  const run = { date: new Date().toISOString(), machine: machine(), command: ['npm run bench', ...(only.length ? ['--', ...only] : [])].join(' ') };
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const errors: { section: string; error: string }[] = [];
  for (const [name, bench] of SECTIONS.filter(([n]) => only.length === 0 || only.includes(n))) {
    const start = Date.now();
    const others = await othersLoad();
    console.log(`\n== ${name} (before it, with the bench idle: other programs kept the CPUs ${others.cpuBusy ?? '?'}% busy, a task waiting ${others.cpuWait ?? '?'}% of the time)`);
    try {
      const result = await bench();
      figures.push(...result.figures);
      details[name] = { seconds: Math.round((Date.now() - start) / 100) / 10, othersBefore: others, ...(result.details as object) };
      console.log(table(result.figures));
    } catch (error) {
      // One broken benchmark must not cost the figures of the others.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      errors.push({ section: name, error: message });
      console.error(`${name} failed: ${message}`);
    }
    console.log(`(${name}: ${((Date.now() - start) / 1000).toFixed(0)} s)`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n## All figures (${seconds} s)\n\n${table(figures)}\n`);
  writeResults('bench/results.json', { ...run, seconds, errors }, figures, details);
  console.log('Wrote bench/results.json');
  if (errors.length) process.exitCode = 1;
}

await main();
