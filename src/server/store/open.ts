import { resolve } from 'node:path';
import type { ServerConfig } from '../config';
import { databasePath } from '../config';
import { putSurveyFiles } from '../survey-files';
import { PgStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set, else the
 * SQLite file in DATA_DIR. On PostgreSQL the survey files of a SQLite deployment in
 * DATA_DIR/surveys are imported once, by the first migration.
 */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir' | 'log'>): Promise<Store> {
  if (!config.databaseUrl) return new SqliteStore(databasePath(config.dataDir));
  const surveysDir = resolve(config.dataDir, 'surveys');
  return PgStore.open({
    url: config.databaseUrl,
    log: config.log,
    importSurveyFiles: async (put) => {
      for (const p of await putSurveyFiles(surveysDir, put)) config.log(`Survey file ${p.file} (${p.path}) was not imported: ${p.message}`);
    },
  });
}
