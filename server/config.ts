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
  };
}

function integer(raw: string, name: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(raw: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}
