import type { ClientConfig } from 'pg';

/**
 * The client configuration for a DATABASE_URL. Every connection commits durably whatever
 * the server's default (an acknowledgement means on disk), so `synchronous_commit=on` is
 * added to the URL's own `options` (say, a `search_path` for a deployment in a schema of
 * its own) rather than replacing them: node-postgres lets the URL's parameters win over
 * any given beside it.
 */
export function connectionConfig(url: string): ClientConfig {
  const parsed = new URL(url);
  const own = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), options: [own, '-c synchronous_commit=on'].filter(Boolean).join(' '), application_name: 'stance' };
}

/**
 * The notification channels of a deployment. Several deployments may share one database,
 * each in its own schema; their channels then carry the schema's name, so one never hears
 * another's commits.
 */
export function channelsOf(schema: string): { changes: string; catalog: string } {
  const suffix = schema === 'public' ? '' : `_${schema}`;
  return { changes: `stance_changes${suffix}`, catalog: `stance_catalog${suffix}` };
}
