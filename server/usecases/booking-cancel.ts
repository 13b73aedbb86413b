import { DomainError } from '../domain/errors.js';
import { ruleEndingOn } from '../domain/rule-split.js';
import { localDateOf } from '../domain/wallclock.js';
import { inWriteTransaction } from '../db/connection.js';
import type { BookingRow } from '../db/repositories/bookings.repository.js';
import type { OccurrenceRow } from '../db/repositories/occurrences.repository.js';
import { recordChange } from './audit.js';
import { requireChangeable, requireOccurrenceOf } from './booking-guards.js';
import type { ChangeScope } from './booking-changes.js';
import { requireBooking, type BookingWithOccurrences } from './bookings.js';
import type { UseCaseContext } from './context.js';

export interface CancelRequest {
  scope: ChangeScope;
  occurrenceId?: number;
  version?: number;
}

/** What a cancellation does: which occurrences it ends, and how the booking changes. */
interface Cancellation {
  targets: OccurrenceRow[];
  booking: Partial<BookingRow>;
}

/**
 * Cancelling never deletes: each occurrence keeps its row with status, who and when, marked as
 * a person's decision (an exception a later series edit will not undo). Occurrences that have
 * started are history and stay as they were. "This and following" also ends the series' rule
 * before the chosen occurrence, so no later edit of the series can bring those dates back.
 */
export function cancelBooking(ctx: UseCaseContext, bookingId: number, request: CancelRequest): BookingWithOccurrences {
  inWriteTransaction(ctx.repos.db, () => {
    const { booking } = requireChangeable(ctx, bookingId, request.version);
    const now = ctx.clock();
    const stored = ctx.repos.occurrences.byBooking(bookingId);
    const cancellation = request.scope === 'series' ? wholeSeries(stored, now) : scoped(ctx, booking, stored, request, now);
    for (const o of cancellation.targets) {
      ctx.repos.occurrences.update(o.id, { status: 'cancelled', isException: true, cancelledBy: ctx.actor.userId, cancelledAt: now, updatedAt: now });
    }
    const targetIds = new Set(cancellation.targets.map((o) => o.id));
    const nothingLeft = stored.every((o) => o.status === 'cancelled' || targetIds.has(o.id));
    const bookingChange = nothingLeft || request.scope === 'series' ? { status: 'cancelled' as const, cancelledBy: ctx.actor.userId, cancelledAt: now } : cancellation.booking;
    const after = ctx.repos.bookings.update(bookingId, { ...bookingChange, updatedAt: now });
    recordChange(ctx, {
      campusId: booking.campusId,
      schoolId: booking.schoolId,
      action: `booking.cancel.${request.scope}`,
      entityType: 'booking',
      entityId: bookingId,
      before: booking,
      after: { booking: after, cancelledOccurrenceIds: [...targetIds] },
    });
  });
  return { booking: requireBooking(ctx, bookingId), occurrences: ctx.repos.occurrences.byBooking(bookingId) };
}

function wholeSeries(stored: OccurrenceRow[], now: number): Cancellation {
  return { targets: stored.filter((o) => o.status === 'active' && o.startUtc > now), booking: {} };
}

function scoped(ctx: UseCaseContext, booking: BookingRow, stored: OccurrenceRow[], request: CancelRequest, now: number): Cancellation {
  const from = requireOccurrenceOf(ctx, booking, request.occurrenceId);
  if (request.scope === 'occurrence') {
    if (from.status !== 'active') throw new DomainError('state', `occurrence ${from.id} is already cancelled`);
    if (from.startUtc <= now) throw new DomainError('state', `occurrence ${from.id} has already started; what happened stays on record`);
    return { targets: [from], booking: {} };
  }
  const targets = stored.filter((o) => o.status === 'active' && o.startUtc > now && o.originalLocalStart >= from.originalLocalStart);
  const lastKept = stored.filter((o) => o.status === 'active' && o.originalLocalStart < from.originalLocalStart).at(-1);
  if (booking.rrule === null || !lastKept) return { targets, booking: {} };
  const splitDate = localDateOf(from.originalLocalStart);
  return {
    targets,
    booking: { rrule: ruleEndingOn(booking.rrule, localDateOf(lastKept.originalLocalStart)), exdates: booking.exdates.filter((d) => d.slice(0, 10) < splitDate) },
  };
}
