import pg from 'pg';
import type { ClientConfig } from 'pg';

/**
 * The channels: `changes` carries commits of responses (one notification per survey per
 * transaction), `catalog` survey versions and waves added or changed; each payload is the
 * survey id.
 */
export type Channels = { changes: string; catalog: string };
/** The advisory-lock class of tally shards; the second key is the shard number. */
const SHARD_LOCK_CLASS = 7_301_002;
/** Shards a process tries to claim; past them it shares one (still correct, only slower). */
const MAX_SHARDS = 64;

/** What the listener tells the store. */
export type ListenerEvents = {
  changed: (surveyId: string) => void;
  catalog: (surveyId: string) => void;
  /** The connection came back after a loss: anything may have changed unseen. */
  reconnected: () => void;
  log: (message: string) => void;
};

/**
 * The process's one long-lived connection: it LISTENs for other processes' commits, and
 * holds the advisory locks that make its tally shards this process's own. If the database
 * restarts or the connection drops, it reconnects with backoff, claims shards again and
 * reports `reconnected`. Notifications sent by this process's own pool connections are
 * skipped: the store already knows its own commits.
 */
export class PgListener {
  /** The tally shards this process writes, one per write slot: its own while the locks are held. */
  shards: number[];
  private client: pg.Client | undefined;
  private closed = false;
  private retryMs = 200;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly config: ClientConfig,
    private readonly channels: Channels,
    private readonly ownPids: Set<number>,
    private readonly events: ListenerEvents,
    private readonly slots: number,
  ) {
    this.shards = Array.from({ length: slots }, () => MAX_SHARDS);
  }

  /** Whether the connection is up. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  /** Connects the first time; throws if the database cannot be reached at start. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Ends the connection (releasing the shard) and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.config, keepAlive: true });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    client.on('notification', (message) => {
      if (this.ownPids.has(message.processId) || !message.payload) return;
      if (message.channel === this.channels.changes) this.events.changed(message.payload);
      else if (message.channel === this.channels.catalog) this.events.catalog(message.payload);
    });
    await client.connect();
    try {
      await client.query(`LISTEN "${this.channels.changes}"`);
      await client.query(`LISTEN "${this.channels.catalog}"`);
      this.shards = await this.claimShards(client);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.retryMs = 200;
  }

  private async claimShards(client: pg.Client): Promise<number[]> {
    const claimed: number[] = [];
    for (let shard = 0; shard < MAX_SHARDS && claimed.length < this.slots; shard++) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [SHARD_LOCK_CLASS, shard]);
      if (rows[0]?.ok) claimed.push(shard);
    }
    while (claimed.length < this.slots) claimed.push(MAX_SHARDS);
    return claimed;
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.events.log(`database listener lost its connection (${error.message}); reconnecting`);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.connect().then(
        () => {
          if (this.closed) {
            void this.close();
            return;
          }
          this.events.log('database listener reconnected');
          this.events.reconnected();
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, 5000);
          this.reconnectLater();
        },
      );
    }, this.retryMs);
  }
}
