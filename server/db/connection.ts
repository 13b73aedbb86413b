import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** migrations/ sits at the project root: two levels up from server/db, three from dist/server/db. */
function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../migrations'), resolve(here, '../../../migrations')];
  const found = candidates.find((path) => existsSync(resolve(path, 'meta/_journal.json')));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Opens (or creates) the database and brings it to the latest migration.
 * Durability first: WAL with synchronous=FULL, so an acknowledged booking survives power loss
 * (better-sqlite3 otherwise runs WAL at NORMAL). Foreign keys are on; a writer waits up to
 * busyTimeoutMs for another process's write lock instead of failing at once.
 */
export function openDatabase(path: string, options: { busyTimeoutMs?: number } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

const commitListeners = new WeakMap<Db, Set<() => void>>();

/** Calls listener after every outermost write transaction of this connection commits. */
export function onCommit(db: Db, listener: () => void): () => void {
  const listeners = commitListeners.get(db) ?? new Set();
  commitListeners.set(db, listeners);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs fn in one synchronous BEGIN IMMEDIATE transaction: the write lock is taken up front, so
 * a check made inside cannot be invalidated by another connection before the write commits,
 * and nothing inside fails with SQLITE_BUSY. fn must not be async (an await would commit early).
 * Nested calls become savepoints; commit listeners hear of the outermost commit only.
 */
export function inWriteTransaction<T>(db: Db, fn: () => T): T {
  const result = db.$client.transaction(fn).immediate();
  if (!db.$client.inTransaction) for (const listener of commitListeners.get(db) ?? []) listener();
  return result;
}
