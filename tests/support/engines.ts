import { afterAll } from 'vitest';
import { PgStore } from '../../src/server/store/postgres';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Store } from '../../src/server/store/types';
import { createTestDatabase } from './postgres';

/** The two engines behind the Store contract; tests of the store run on both and never skip. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

const open = new Set<() => Promise<void>>();

/**
 * A fresh, empty store: in-memory SQLite, or PostgreSQL on a database of its own on the
 * run's server. Stores still open when a test file ends are closed (and their databases
 * dropped) by the file's afterAll.
 */
export async function openTestStore(engine: Engine, options: { clock?: () => number; log?: (m: string) => void } = {}): Promise<{ store: Store; close(): Promise<void>; url?: string }> {
  if (engine === 'sqlite') {
    const store = new SqliteStore(':memory:', options.clock);
    return { store, close: () => store.close() };
  }
  const db = await createTestDatabase();
  const store = await PgStore.open({ url: db.url, now: options.clock, log: options.log ?? (() => undefined) });
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= store.close().finally(() => db.drop()).finally(() => open.delete(close)));
  open.add(close);
  return { store, close, url: db.url };
}

afterAll(async () => {
  await Promise.all([...open].map((close) => close()));
});
