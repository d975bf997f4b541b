import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { builtInSurveys } from '../core/surveys';
import { migrateStore } from './store/migrate';
import { PgStore } from './store/postgres';
import { SqliteStore } from './store/sqlite';
import { loadSurveys } from './survey-files';

const USAGE = 'usage: npm run migrate-store -- --from <data/stance.db> --to <postgres://user@host/db>';

/**
 * `npm run migrate-store -- --from data/stance.db --to postgres://…`: copies a SQLite
 * deployment (with the survey files beside it in surveys/) into PostgreSQL, then prints the
 * counts on both sides and fails if any differ. Safe to run twice, and to run again after
 * an interruption: it carries on where it stopped.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.from || !values.to) throw new Error(USAGE);
  const from = resolve(values.from);
  if (!existsSync(from)) throw new Error(`no SQLite database at ${from}`);
  const source = new SqliteStore(from);
  const target = await PgStore.open({ url: values.to, log: (m) => console.error(m) });
  try {
    for (const p of await loadSurveys(source, builtInSurveys, join(dirname(from), 'surveys'))) console.error(`Survey file ${p.file} (${p.path}) was not copied: ${p.message}`);
    console.log(`Copying ${from} into PostgreSQL...`);
    const report = await migrateStore(source, target, (m) => console.log(m));
    const width = Math.max(...report.lines.map((l) => l.what.length));
    console.log(`\n${'what'.padEnd(width)}  ${'SQLite'.padStart(10)}  ${'PostgreSQL'.padStart(10)}`);
    for (const l of report.lines) console.log(`${l.what.padEnd(width)}  ${String(l.source).padStart(10)}  ${String(l.target).padStart(10)}${l.source === l.target ? '' : '  ← differs'}`);
    if (!report.ok) throw new Error('the counts differ: the copy is not complete (run it again, or look at the lines marked above)');
    console.log(`\nDone: ${report.copied} responses read, every count agrees.`);
  } finally {
    await source.close();
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
