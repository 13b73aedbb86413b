/**
 * How an edited series maps onto the occurrences already stored. Exceptions (an occurrence
 * edited on its own, or cancelled) are matched to the new rule by their original local date
 * (their RECURRENCE-ID's date) and survive wherever the new rule still has an instance that day;
 * plain derived occurrences are updated in place, so their ids stay stable.
 */
import type { ExpandedOccurrence } from './recurrence.js';
import { localDateOf } from './wallclock.js';

export interface StoredOccurrence {
  id: number;
  originalLocalStart: string;
  status: 'active' | 'cancelled';
  isException: boolean;
}

export interface SeriesPlan<T extends StoredOccurrence> {
  /** Derived occurrences that take the new times (and the series' space and school). */
  updates: Array<{ id: number; occurrence: ExpandedOccurrence }>;
  /** Instances of the new rule with no stored occurrence yet. */
  inserts: ExpandedOccurrence[];
  /** Derived occurrences the new rule no longer produces. */
  deletes: number[];
  /** Exceptions kept as they are: a person set them, so an edit of the series never undoes them. */
  keptExceptions: T[];
  /**
   * Active exceptions on a date the new rule no longer has: they no longer apply, so they are
   * cancelled (kept on record) rather than left holding a room the series gave up.
   */
  orphanedExceptions: T[];
}

function isException(o: StoredOccurrence): boolean {
  return o.isException || o.status === 'cancelled';
}

export function planSeriesRewrite<T extends StoredOccurrence>(stored: readonly T[], expanded: readonly ExpandedOccurrence[]): SeriesPlan<T> {
  const byDate = new Map<string, T>();
  for (const o of stored) {
    const date = localDateOf(o.originalLocalStart);
    const seen = byDate.get(date);
    // Should two share a date (a rule with two instances a day is not supported), prefer the exception.
    if (!seen || (!isException(seen) && isException(o))) byDate.set(date, o);
  }
  const plan: SeriesPlan<T> = { updates: [], inserts: [], deletes: [], keptExceptions: [], orphanedExceptions: [] };
  const matched = new Set<number>();
  for (const occurrence of expanded) {
    const existing = byDate.get(localDateOf(occurrence.originalLocalStart));
    if (!existing || matched.has(existing.id)) {
      plan.inserts.push(occurrence);
      continue;
    }
    matched.add(existing.id);
    if (isException(existing)) plan.keptExceptions.push(existing);
    else plan.updates.push({ id: existing.id, occurrence });
  }
  for (const o of stored) {
    if (matched.has(o.id)) continue;
    // A cancellation on a date the new rule skips stays on record as it is.
    if (o.status === 'cancelled') plan.keptExceptions.push(o);
    else if (o.isException) plan.orphanedExceptions.push(o);
    else plan.deletes.push(o.id);
  }
  return plan;
}

/** The stored occurrences from the split point on ("this and following"), by original start. */
export function splitAt<T extends StoredOccurrence>(stored: readonly T[], fromOriginalLocalStart: string): { before: T[]; from: T[] } {
  return {
    before: stored.filter((o) => o.originalLocalStart < fromOriginalLocalStart),
    from: stored.filter((o) => o.originalLocalStart >= fromOriginalLocalStart),
  };
}
