import { DomainError } from '../domain/errors.js';
import { inWriteTransaction } from '../db/connection.js';
import type { OccurrenceRow } from '../db/repositories/occurrences.repository.js';
import { recordChange } from './audit.js';
import { requireChangeable, requireOccurrenceOf } from './booking-guards.js';
import { requireBooking, type BookingWithOccurrences } from './bookings.js';
import type { ChangeScope } from './booking-changes.js';
import type { UseCaseContext } from './context.js';

export interface CancelRequest {
  scope: ChangeScope;
  occurrenceId?: number;
  version?: number;
}

/**
 * Cancelling never deletes: each occurrence keeps its row with status, who and when, marked as
 * a person's decision (an exception a later series edit will not undo). Cancelling a whole
 * series leaves the occurrences that already ended as they were (they happened); "this and
 * following" cancels from the chosen occurrence on.
 */
export function cancelBooking(ctx: UseCaseContext, bookingId: number, request: CancelRequest): BookingWithOccurrences {
  inWriteTransaction(ctx.repos.db, () => {
    const { booking } = requireChangeable(ctx, bookingId, request.version);
    const now = ctx.clock();
    const stored = ctx.repos.occurrences.byBooking(bookingId);
    const targets = request.scope === 'series' ? stored.filter((o) => o.status === 'active' && o.endUtc > now) : scopedTargets(ctx, booking, stored, request);
    for (const o of targets) {
      ctx.repos.occurrences.update(o.id, { status: 'cancelled', isException: true, cancelledBy: ctx.actor.userId, cancelledAt: now, updatedAt: now });
    }
    const targetIds = new Set(targets.map((o) => o.id));
    const seriesGone = request.scope === 'series' || stored.every((o) => o.status === 'cancelled' || targetIds.has(o.id));
    const after = ctx.repos.bookings.update(bookingId, seriesGone ? { status: 'cancelled', cancelledBy: ctx.actor.userId, cancelledAt: now, updatedAt: now } : { updatedAt: now });
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

function scopedTargets(ctx: UseCaseContext, booking: Parameters<typeof requireOccurrenceOf>[1], stored: OccurrenceRow[], request: CancelRequest): OccurrenceRow[] {
  const from = requireOccurrenceOf(ctx, booking, request.occurrenceId);
  if (request.scope === 'occurrence') {
    if (from.status !== 'active') throw new DomainError('state', `occurrence ${from.id} is already cancelled`);
    return [from];
  }
  return stored.filter((o) => o.status === 'active' && o.originalLocalStart >= from.originalLocalStart);
}
