import pg from 'pg';
import type { ClientConfig, Pool } from 'pg';
import type { SharedMap, SharedMaps } from '../types';

/** The advisory-lock class of opinion-map computations; the second key hashes the map's identity. */
const MAP_LOCK_CLASS = 7_301_003;

/**
 * Opinion maps shared by every process through a table. `exclusive` holds an advisory
 * lock on a connection of its own (not one of the pool's, which the computation itself
 * needs), so while one process computes a map the others wait and then read its result;
 * a process that dies while computing releases the lock with its connection.
 */
export class PgSharedMaps implements SharedMaps {
  constructor(
    private readonly pool: Pool,
    private readonly config: ClientConfig,
  ) {}

  async read(surveyId: string, version: number, key: string): Promise<SharedMap | undefined> {
    const { rows } = await this.pool.query<SharedMap>('SELECT state, etag, body FROM analysis_maps WHERE survey = $1 AND version = $2 AND key = $3', [surveyId, version, key]);
    return rows[0];
  }

  async write(surveyId: string, version: number, key: string, map: SharedMap): Promise<void> {
    await this.pool.query(
      `INSERT INTO analysis_maps (survey, version, key, state, etag, body) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (survey, version, key) DO UPDATE SET state = excluded.state, etag = excluded.etag, body = excluded.body, computed_at = now()`,
      [surveyId, version, key, map.state, map.etag, map.body],
    );
  }

  async exclusive<T>(surveyId: string, version: number, key: string, compute: () => Promise<T>): Promise<T> {
    const client = new pg.Client(this.config);
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [MAP_LOCK_CLASS, `${surveyId} ${version} ${key}`]);
      return await compute();
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
