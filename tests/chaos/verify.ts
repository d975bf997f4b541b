import Database from 'better-sqlite3';
import type { Response } from '../../src/core/response';
import type { TallyRow } from '../../src/core/results';
import type { Survey } from '../../src/core/survey';
import type { Tally } from '../../src/core/tally';
import { addResponse, addTally, emptyTally } from '../../src/core/tally';
import pg from 'pg';
import type { SentRecord } from '../../src/client/db';
import type { Device } from './device';

/** One stored response row, as the server wrote it. */
export type StoredRow = { id: string; survey: string; version: number; wave: string; channel: string; grp: string; json: string };
/** One tally row, as the server wrote it. */
export type StoredTally = { survey: string; version: number; wave: string; channel: string; grp: string; count: number; json: string };

/** Everything the server holds, read straight from its SQLite file (read-only, after the server stopped). */
export function readDatabase(path: string): { rows: StoredRow[]; tallies: StoredTally[]; integrity: unknown } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return {
      rows: db.prepare('SELECT id, survey, version, wave, channel, grp, json FROM responses ORDER BY id').all() as StoredRow[],
      tallies: db.prepare('SELECT survey, version, wave, channel, grp, count, json FROM tallies').all() as StoredTally[],
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

/**
 * Everything a PostgreSQL deployment holds, read straight from its tables after the servers
 * stopped; each segment's tally is the sum of its shard rows, as the servers merge them.
 */
export async function readPostgres(url: string): Promise<{ rows: StoredRow[]; tallies: StoredTally[] }> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const rows = (await client.query<StoredRow>('SELECT id, survey, version, wave, channel, grp, json FROM responses ORDER BY id')).rows;
    const shards = (await client.query<StoredTally>('SELECT survey, version, wave, channel, grp, count, json FROM tallies')).rows;
    const merged = new Map<string, { row: StoredTally; tally: Tally }>();
    for (const s of shards) {
      const key = `${s.survey}|${s.version}|${keyOf(s)}`;
      const entry = merged.get(key) ?? { row: s, tally: emptyTally() };
      addTally(entry.tally, JSON.parse(s.json) as Tally);
      merged.set(key, entry);
    }
    const tallies = [...merged.values()].filter((m) => m.tally.count !== 0).map((m) => ({ ...m.row, count: m.tally.count, json: JSON.stringify(m.tally) }));
    return { rows, tallies };
  } finally {
    await client.end();
  }
}

const keyOf = (r: { wave: string; channel: string; grp: string }) => `${r.wave}|${r.channel}|${r.grp}`;

/** The tallies recomputed from the raw rows with core's own tally functions, keyed by wave|channel|group. */
export function recount(rows: StoredRow[], survey: Survey): Map<string, TallyRow> {
  const out = new Map<string, TallyRow>();
  for (const row of rows) {
    const response = JSON.parse(row.json) as Response;
    const key = keyOf(row);
    const entry = out.get(key) ?? { wave: row.wave, channel: row.channel, group: row.grp, tally: emptyTally() };
    addResponse(entry.tally, survey, response.answers);
    out.set(key, entry);
  }
  return out;
}

/** The server's tally table in the same shape as `recount`. */
export function storedTallies(tallies: StoredTally[]): Map<string, TallyRow> {
  return new Map(tallies.map((t) => [keyOf(t), { wave: t.wave, channel: t.channel, group: t.grp, tally: JSON.parse(t.json) as Tally }]));
}

/** Every record of one object store of a device, read beside the client rather than through it. */
function readAll<T>(device: Device, store: string): Promise<T[]> {
  return new Promise((done, fail) => {
    const open = device.factory.open(device.dbName);
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => (open.result.close(), done(request.result as T[]));
      request.onerror = () => fail(request.error);
    };
  });
}

/** What one device holds at the end: waiting, acknowledged (and how many came back `duplicate`), refused. */
export async function deviceLedger(device: Device) {
  const counts = await device.client.counts();
  const sent = await readAll<SentRecord>(device, 'sent');
  return {
    outbox: counts.outbox,
    sent: counts.sent,
    rejected: counts.rejected,
    duplicates: sent.filter((s) => s.status === 'duplicate').length,
    sentIds: new Set(sent.map((s) => s.response.id)),
  };
}
