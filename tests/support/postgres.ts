import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** An empty database of the test's own, as Stance sees it, dropped by `drop`. */
export type TestDatabase = { url: string; name: string; drop(): Promise<void> };

/** The admin URL of the run's server (see postgres-setup.ts). */
export function postgresAdminUrl(): string {
  return inject('postgresUrl');
}

/** `adminUrl` with the search path set to `schema`, the way a deployment in its own schema connects. */
export function schemaUrl(adminUrl: string, schema: string): string {
  const url = new URL(adminUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Runs `work` on a client of the run's server as its superuser (schemas, tablespaces). */
export async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty schema on the run's server, with a URL whose search path points at it: a
 * database of its own as far as Stance can tell (its tables, its migrations, and its
 * notification channels, which carry the schema's name), made in under a millisecond
 * where a real CREATE DATABASE takes half a second.
 */
export async function createTestDatabase(adminUrl = postgresAdminUrl()): Promise<TestDatabase> {
  const name = `stance_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`CREATE SCHEMA ${name}`));
  return {
    url: schemaUrl(adminUrl, name),
    name,
    drop: () => admin(adminUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => undefined),
  };
}
