import type { TestProject } from 'vitest/node';
import { TEST_SETTINGS, startPostgres } from '../../scripts/postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * The PostgreSQL server of this test run: TEST_DATABASE_URL when set (`npm test` starts one
 * server for the whole run and sets it), else a throwaway one for this project's files.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return undefined;
  }
  const server = await startPostgres(TEST_SETTINGS);
  project.provide('postgresUrl', server.url);
  return () => server.destroy();
}
