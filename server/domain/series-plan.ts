/**
 * How an edited series maps onto the occurrences already stored. Exceptions (an occurrence a
 * person edited or cancelled on its own) are matched to the new rule by their original local
 * date (their RECURRENCE-ID's date) and survive wherever the new rule still has an instance
 * that day; derived occurrences take the new times in place, so their ids stay stable. Nothing
 * is deleted: an occurrence the new rule drops is cancelled, and comes back if a later edit
 * brings its date back.
 */
import type { ExpandedOccurrence } from './recurrence.js';
import { localDateOf } from './wallclock.js';

export interface StoredOccurrence {
  id: number;
  originalLocalStart: string;
  status: 'active' | 'cancelled';
  /** Edited or cancelled on its own by a person. */
  isException: boolean;
}

export interface SeriesPlan<T extends StoredOccurrence> {
  /** Derived occurrences (active, or dropped by an earlier edit) that take the new times. */
  updates: Array<{ id: number; occurrence: ExpandedOccurrence }>;
  /** Instances of the new rule with no stored occurrence yet. */
  inserts: ExpandedOccurrence[];
  /** Active derived occurrences the new rule no longer produces: cancelled, kept on record. */
  dropped: number[];
  /**
   * Active exceptions on a date the new rule no longer has: they no longer apply, so they are
   * cancelled (kept on record) rather than left holding a room the series gave up.
   */
  orphanedExceptions: T[];
}

export function planSeriesRewrite<T extends StoredOccurrence>(stored: readonly T[], expanded: readonly ExpandedOccurrence[]): SeriesPlan<T> {
  const byDate = new Map<string, T>();
  for (const o of stored) {
    const date = localDateOf(o.originalLocalStart);
    const seen = byDate.get(date);
    // Should two share a date (a rule with two instances a day is not supported), prefer the exception.
    if (!seen || (!seen.isException && o.isException)) byDate.set(date, o);
  }
  const plan: SeriesPlan<T> = { updates: [], inserts: [], dropped: [], orphanedExceptions: [] };
  const matched = new Set<number>();
  for (const occurrence of expanded) {
    const existing = byDate.get(localDateOf(occurrence.originalLocalStart));
    if (!existing || matched.has(existing.id)) {
      plan.inserts.push(occurrence);
      continue;
    }
    matched.add(existing.id);
    // An exception is kept as it is: a person set it, so an edit of the series never undoes it.
    if (!existing.isException) plan.updates.push({ id: existing.id, occurrence });
  }
  for (const o of stored) {
    if (matched.has(o.id) || o.status === 'cancelled') continue;
    if (o.isException) plan.orphanedExceptions.push(o);
    else plan.dropped.push(o.id);
  }
  return plan;
}

/** The ids a plan rewrites or removes: the new occurrences may take their place. */
export function replacedIds(plan: SeriesPlan<StoredOccurrence>): Set<number> {
  return new Set([...plan.updates.map((u) => u.id), ...plan.dropped, ...plan.orphanedExceptions.map((o) => o.id)]);
}
