import type { Db } from '../db/connection.js';
import type { Clock } from '../domain/clock.js';

/** Placeholder replaced by the demo seed; returns null when nothing was seeded. */
export function seedDemoCampusIfEmpty(_db: Db, _clock: Clock): Record<string, number> | null {
  return null;
}
