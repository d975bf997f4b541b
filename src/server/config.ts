import { resolve } from 'node:path';
import { DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from './timeouts';

/**
 * Token buckets for `/api`: a small one per device and a much larger one per IP (a hall
 * shares one IP), which devices with a credential share fairly (`rate-limit.ts`); and how
 * many credentials one IP may be given, at once and per second (`issueBurst`, `issuePerSecond`).
 */
export type RateLimitConfig = {
  deviceBurst: number;
  devicePerSecond: number;
  ipBurst: number;
  ipPerSecond: number;
  issueBurst?: number;
  issuePerSecond?: number;
};

/**
 * Defaults sized for DESIGN §5: 2,000 phones behind one NAT each making a handful of API
 * calls within 10 s stay under the IP bucket, and a device sending a 10,000-response
 * backlog as 100 batches fits in its burst. A hall's 2,000 phones all get a credential
 * with their first submission; after that rush, 20 more a second.
 */
export const DEFAULT_RATE_LIMIT = { deviceBurst: 300, devicePerSecond: 30, ipBurst: 20_000, ipPerSecond: 2_000, issueBurst: 2_500, issuePerSecond: 20 } satisfies RateLimitConfig;

/** What `createApp` needs to know; tests build it with `appConfig({...})`. */
export type AppConfig = {
  adminToken: string;
  /** Believe X-Forwarded-For from a reverse proxy. */
  trustProxy: boolean;
  rateLimit: RateLimitConfig | false;
  /** The built PWA (dist/app); without it only the API is served. */
  staticDir?: string;
  /** Where organiser-added surveys are written as `<id>-v<version>.json`. */
  surveysDir?: string;
  /** Shortest gap between two live events of one survey. */
  liveIntervalMs: number;
  heartbeatMs: number;
  version: string;
  /** The address for join links and QR codes: PUBLIC_URL, or the LAN address main.ts chose. */
  publicUrl?: string;
  /** Where `publicUrl` came from; `loopback` means phones cannot use it, and the organiser is warned. */
  publicUrlSource?: 'configured' | 'lan' | 'loopback';
  /** How long audit entries are kept before they are deleted (AUDIT_RETENTION_DAYS). */
  auditRetentionDays: number;
  /** Signs device credentials (STANCE_DEVICE_SECRET); when empty, derived from the organiser token. */
  deviceSecret?: string;
  log: (message: string) => void;
  /** The built opinion-map worker (dist/server/analysis-worker.js); without it maps are drawn on the main thread. */
  analysisWorker?: URL;
};

/** Everything `main.ts` reads from the environment (DESIGN §4). */
export type ServerConfig = AppConfig & {
  port: number;
  host: string;
  dataDir: string;
  tlsCert?: string;
  tlsKey?: string;
  /** A PostgreSQL URL (DATABASE_URL): use it instead of the SQLite file in DATA_DIR. */
  databaseUrl?: string;
  /** Whether STANCE_ADMIN_TOKEN was set; if not, main.ts reads or makes the token file. */
  adminTokenFromEnv: boolean;
  /** How long a client may take to send its headers and its whole request (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS). */
  timeouts: HttpTimeouts;
};

/** An AppConfig with defaults for anything not given. */
export function appConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    adminToken: '',
    trustProxy: false,
    rateLimit: DEFAULT_RATE_LIMIT,
    liveIntervalMs: 1000,
    heartbeatMs: 15_000,
    auditRetentionDays: 365,
    version: '0.0.0',
    log: (message) => console.log(message),
    ...overrides,
  };
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = number(env, name, fallback);
  if (value === 0) throw new Error(`${name} must be above 0`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  return ['1', 'true', 'yes', 'on'].includes((env[name] ?? '').toLowerCase());
}

function rateLimit(env: NodeJS.ProcessEnv): RateLimitConfig | false {
  if (['off', '0', 'false', 'no'].includes((env.RATE_LIMIT ?? '').toLowerCase())) return false;
  const d = DEFAULT_RATE_LIMIT;
  return {
    deviceBurst: number(env, 'RATE_LIMIT_DEVICE_BURST', d.deviceBurst),
    devicePerSecond: number(env, 'RATE_LIMIT_DEVICE_PER_SECOND', d.devicePerSecond),
    ipBurst: number(env, 'RATE_LIMIT_IP_BURST', d.ipBurst),
    ipPerSecond: number(env, 'RATE_LIMIT_IP_PER_SECOND', d.ipPerSecond),
    issueBurst: number(env, 'RATE_LIMIT_CREDENTIAL_BURST', d.issueBurst),
    issuePerSecond: number(env, 'RATE_LIMIT_CREDENTIAL_PER_SECOND', d.issuePerSecond),
  };
}

/** Reads the configuration from environment variables; throws with the variable's name when one is wrong. */
export function readConfig(env: NodeJS.ProcessEnv, defaults: { staticDir: string; version: string }): ServerConfig {
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  if ((env.TLS_CERT && !env.TLS_KEY) || (!env.TLS_CERT && env.TLS_KEY)) throw new Error('TLS_CERT and TLS_KEY must be set together');
  if (number(env, 'AUDIT_RETENTION_DAYS', 365) < 1) throw new Error('AUDIT_RETENTION_DAYS must be at least 1');
  return {
    ...appConfig({
      adminToken: env.STANCE_ADMIN_TOKEN ?? '',
      trustProxy: flag(env, 'TRUST_PROXY'),
      rateLimit: rateLimit(env),
      staticDir: resolve(env.STATIC_DIR || defaults.staticDir),
      // On PostgreSQL surveys live in the database only (the folder is imported once).
      surveysDir: databaseUrl ? undefined : resolve(dataDir, 'surveys'),
      version: defaults.version,
      publicUrl: env.PUBLIC_URL || undefined,
      auditRetentionDays: number(env, 'AUDIT_RETENTION_DAYS', 365),
      deviceSecret: env.STANCE_DEVICE_SECRET || undefined,
      heartbeatMs: positive(env, 'LIVE_HEARTBEAT_MS', 15_000),
    }),
    port: number(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir,
    tlsCert: env.TLS_CERT || undefined,
    tlsKey: env.TLS_KEY || undefined,
    databaseUrl,
    adminTokenFromEnv: !!env.STANCE_ADMIN_TOKEN,
    timeouts: {
      headersTimeoutMs: number(env, 'HEADERS_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs),
      requestTimeoutMs: number(env, 'REQUEST_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs),
    },
  };
}

/** The SQLite file inside the data directory. */
export function databasePath(dataDir: string): string {
  return resolve(dataDir, 'stance.db');
}
