import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** A database of its own on the run's PostgreSQL server, dropped by `drop`. */
export type TestDatabase = { url: string; name: string; drop(): Promise<void> };

/** The admin URL of the run's server (see postgres-setup.ts). */
export function postgresAdminUrl(): string {
  return inject('postgresUrl');
}

/** A URL for database `name` on the same server as `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database so a test (or a cluster of processes) starts from nothing. */
export async function createTestDatabase(adminUrl = postgresAdminUrl()): Promise<TestDatabase> {
  const name = `stance_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(adminUrl, name),
    name,
    async drop() {
      const client = new pg.Client(adminUrl);
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
