/**
 * The list's and the detail page's arithmetic, pure: which series are upcoming or past, each
 * one's next date and how many dates it has left, and a booking's dates split into upcoming,
 * past and cancelled. "Now" is always an argument, so the tests can fix it.
 *
 * A date that has started is history (the server refuses to change or cancel it), so "upcoming"
 * means "starts after now" everywhere here.
 */
import type { BookingSummary, ListedOccurrence, Occurrence } from '../api/types.js';

export type ListFilter = 'upcoming' | 'past' | 'cancelled';
export const LIST_FILTERS: readonly ListFilter[] = ['upcoming', 'past', 'cancelled'];

export function listFilterOf(value: unknown): ListFilter {
  return LIST_FILTERS.includes(value as ListFilter) ? (value as ListFilter) : 'upcoming';
}

const ms = (instant: string | null): number => (instant === null ? Number.NaN : Date.parse(instant));

export interface Coming {
  /** The next active date that has not started. */
  next: ListedOccurrence;
  /** How many active dates have not started. */
  remaining: number;
}

/** Per booking id: its next date and how many are left, from one occurrences call for the school. */
export function comingByBooking(occurrences: readonly ListedOccurrence[], now: number): Map<number, Coming> {
  const result = new Map<number, Coming>();
  for (const o of occurrences) {
    if (o.status !== 'active' || ms(o.startUtc) <= now) continue;
    const seen = result.get(o.bookingId);
    if (!seen) result.set(o.bookingId, { next: o, remaining: 1 });
    else {
      seen.remaining += 1;
      if (ms(o.startUtc) < ms(seen.next.startUtc)) seen.next = o;
    }
  }
  return result;
}

export interface ListRow {
  booking: BookingSummary;
  coming: Coming | null;
}

/**
 * The rows a filter shows, in the order a person reads them: upcoming by next date, past with
 * the most recent first, cancelled with the most recently cancelled first. `bookings` are the
 * school's active bookings for upcoming and past, its cancelled ones for cancelled.
 */
export function rowsFor(filter: ListFilter, bookings: readonly BookingSummary[], coming: ReadonlyMap<number, Coming>, now: number): ListRow[] {
  const rows = bookings.map((booking) => ({ booking, coming: coming.get(booking.id) ?? null }));
  if (filter === 'cancelled') {
    return rows.filter((r) => r.booking.status === 'cancelled').sort((a, b) => ms(b.booking.cancelledAt) - ms(a.booking.cancelledAt) || b.booking.id - a.booking.id);
  }
  const active = rows.filter((r) => r.booking.status === 'active');
  // Upcoming: something still to come (the occurrences window may stop short of a far date, so
  // the summary's last end counts as well).
  const isUpcoming = (r: ListRow) => r.coming !== null || ms(r.booking.lastEndUtc) > now;
  if (filter === 'upcoming') {
    const key = (r: ListRow) => (r.coming ? ms(r.coming.next.startUtc) : ms(r.booking.lastEndUtc));
    return active.filter(isUpcoming).sort((a, b) => key(a) - key(b) || a.booking.id - b.booking.id);
  }
  return active.filter((r) => !isUpcoming(r)).sort((a, b) => (ms(b.booking.lastEndUtc) || 0) - (ms(a.booking.lastEndUtc) || 0) || b.booking.id - a.booking.id);
}

export type DateFilter = ListFilter;

/** A booking's dates for one tab, in date order (past: most recent first). */
export function datesFor(filter: DateFilter, occurrences: readonly Occurrence[], now: number): Occurrence[] {
  const byStart = [...occurrences].sort((a, b) => ms(a.startUtc) - ms(b.startUtc) || a.id - b.id);
  if (filter === 'cancelled') return byStart.filter((o) => o.status === 'cancelled');
  const active = byStart.filter((o) => o.status === 'active');
  if (filter === 'upcoming') return active.filter((o) => ms(o.startUtc) > now);
  return active.filter((o) => ms(o.startUtc) <= now).reverse();
}

/** How many dates each tab holds. */
export function dateCounts(occurrences: readonly Occurrence[], now: number): Record<DateFilter, number> {
  return { upcoming: datesFor('upcoming', occurrences, now).length, past: datesFor('past', occurrences, now).length, cancelled: datesFor('cancelled', occurrences, now).length };
}

/** Whether a date may still be changed or cancelled: active and not started. */
export function isChangeable(occurrence: Occurrence, now: number): boolean {
  return occurrence.status === 'active' && ms(occurrence.startUtc) > now;
}

/** Whether this person may change the booking: they act for its school and it is not cancelled. */
export function mayChange(booking: { schoolId: number; status: string }, bookableSchoolIds: readonly number[]): boolean {
  return booking.status === 'active' && bookableSchoolIds.includes(booking.schoolId);
}

export type CancelScope = 'occurrence' | 'following' | 'series';

/** The query of DELETE /api/bookings/:id for a scope: the occurrence is named unless the scope is the series. */
export function cancelQuery(scope: CancelScope, occurrenceId: number | null, version: number): { scope: CancelScope; occurrenceId?: number; version: number } {
  if (scope === 'series' || occurrenceId === null) return { scope: 'series', version };
  return { scope, occurrenceId, version };
}

/** The edit page's address for a scope (the edit form offers the scope choice itself). */
export function editHref(bookingId: number, scope: CancelScope, occurrenceId?: number): string {
  const query = new URLSearchParams({ scope });
  if (scope !== 'series' && occurrenceId !== undefined) query.set('occurrenceId', String(occurrenceId));
  return `/bookings/${bookingId}/edit?${query.toString()}`;
}
