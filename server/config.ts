/**
 * Every setting Commons reads, with its default and environment variable.
 * This is the only file that reads process.env; everything else receives a Config.
 */
export interface Config {
  /** HTTP port (PORT, default 3000). */
  port: number;
  /** Interface to listen on (HOST, default 127.0.0.1 — set 0.0.0.0 to serve a network). */
  host: string;
  /** SQLite database file (COMMONS_DB, default ./data/commons.db); ':memory:' for tests. */
  databasePath: string;
  /** Seed the demo campus into an empty database (COMMONS_SEED=demo|none, default demo). */
  seed: 'demo' | 'none';
  /** production | development | test (NODE_ENV, default development). */
  environment: 'production' | 'development' | 'test';
  /** Log level (LOG_LEVEL, default info; silent in tests). */
  logLevel: string;
  /** A session ends after this long without a request (COMMONS_SESSION_IDLE_MINUTES, default 480). */
  sessionIdleMinutes: number;
  /** …and after this long whatever the activity (COMMONS_SESSION_MAX_HOURS, default 168). */
  sessionMaxHours: number;
  /** Secure cookies with the __Host- prefix (COMMONS_COOKIE_SECURE, default on outside development). */
  cookieSecure: boolean;
  /** Password of the demo accounts (COMMONS_DEMO_PASSWORD); unset: a random one, printed once at start. */
  demoPassword: string | null;
  /** Sign-in attempts per minute, per address and per account (COMMONS_LOGIN_LIMIT, default 10). */
  loginLimitPerMinute: number;
  /** Requests per minute per address for everything else (COMMONS_RATE_LIMIT, default 1200). */
  rateLimitPerMinute: number;
  /**
   * Which proxies to trust for the client's address (COMMONS_TRUST_PROXY: false, true, or
   * comma-separated addresses/CIDRs; default false). Behind a reverse proxy, set it, or every
   * user shares the proxy's address and its rate limits.
   */
  trustProxy: boolean | string;
  /** Live connections are pinged this often; one that misses a pong is dropped (COMMONS_LIVE_HEARTBEAT_SECONDS, default 30). */
  liveHeartbeatSeconds: number;
  /** How often changes made by other server processes are looked for (COMMONS_LIVE_POLL_MS, default 250). */
  livePollMs: number;
  /** Live events are kept this long for clients that reconnect (COMMONS_LIVE_RETENTION_HOURS, default 168). */
  liveRetentionHours: number;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

export function readConfig(env: Env = process.env): Config {
  const environment = oneOf(env.NODE_ENV ?? 'development', ['production', 'development', 'test'], 'NODE_ENV');
  return {
    port: integer(env.PORT ?? '3000', 'PORT', 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    databasePath: env.COMMONS_DB ?? './data/commons.db',
    seed: oneOf(env.COMMONS_SEED ?? 'demo', ['demo', 'none'], 'COMMONS_SEED'),
    environment,
    logLevel: env.LOG_LEVEL ?? (environment === 'test' ? 'silent' : 'info'),
    sessionIdleMinutes: integer(env.COMMONS_SESSION_IDLE_MINUTES ?? '480', 'COMMONS_SESSION_IDLE_MINUTES', 1, 43_200),
    sessionMaxHours: integer(env.COMMONS_SESSION_MAX_HOURS ?? '168', 'COMMONS_SESSION_MAX_HOURS', 1, 8_760),
    cookieSecure: boolean(env.COMMONS_COOKIE_SECURE, environment !== 'development', 'COMMONS_COOKIE_SECURE'),
    demoPassword: env.COMMONS_DEMO_PASSWORD || null,
    loginLimitPerMinute: integer(env.COMMONS_LOGIN_LIMIT ?? '10', 'COMMONS_LOGIN_LIMIT', 1, 10_000),
    rateLimitPerMinute: integer(env.COMMONS_RATE_LIMIT ?? '1200', 'COMMONS_RATE_LIMIT', 1, 1_000_000),
    trustProxy: trustProxy(env.COMMONS_TRUST_PROXY),
    liveHeartbeatSeconds: integer(env.COMMONS_LIVE_HEARTBEAT_SECONDS ?? '30', 'COMMONS_LIVE_HEARTBEAT_SECONDS', 1, 3_600),
    livePollMs: integer(env.COMMONS_LIVE_POLL_MS ?? '250', 'COMMONS_LIVE_POLL_MS', 10, 60_000),
    liveRetentionHours: integer(env.COMMONS_LIVE_RETENTION_HOURS ?? '168', 'COMMONS_LIVE_RETENTION_HOURS', 1, 8_760),
  };
}

function integer(raw: string, name: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(raw: string | undefined, fallback: boolean, name: string): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function trustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  return raw === 'true' ? true : raw;
}

function oneOf<T extends string>(raw: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}
