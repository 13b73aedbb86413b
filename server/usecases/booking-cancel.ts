import { DomainError } from '../domain/errors.js';
import { inWriteTransaction } from '../db/connection.js';
import type { OccurrenceRow } from '../db/repositories/occurrences.repository.js';
import { requireBooking, type BookingWithOccurrences } from './bookings.js';
import type { ChangeScope } from './booking-changes.js';
import { requireActiveCampus } from './campuses.js';
import { recordChange } from './audit.js';
import { requireActingForSchool } from './authorize.js';
import type { UseCaseContext } from './context.js';

export interface CancelRequest {
  scope: ChangeScope;
  occurrenceId?: number;
  version?: number;
}

/**
 * Cancelling never deletes: each occurrence keeps its row with status, who and when.
 * Cancelling a whole series leaves the occurrences that already ended as they were (they
 * happened); "this and following" cancels from the chosen occurrence on.
 */
export function cancelBooking(ctx: UseCaseContext, bookingId: number, request: CancelRequest): BookingWithOccurrences {
  inWriteTransaction(ctx.repos.db, () => {
    const booking = requireBooking(ctx, bookingId);
    requireActiveCampus(ctx, booking.campusId);
    requireActingForSchool(ctx.actor, booking.campusId, booking.schoolId);
    if (booking.status === 'cancelled') throw new DomainError('state', `booking ${bookingId} is already cancelled`);
    if (request.version !== undefined && request.version !== booking.version) {
      throw new DomainError('booking.stale', `booking ${bookingId} changed since you loaded it; reload and try again`, { currentVersion: booking.version });
    }
    const now = ctx.clock();
    const stored = ctx.repos.occurrences.byBooking(bookingId);
    const targets = cancellationTargets(stored, request, bookingId, now);
    for (const o of targets) ctx.repos.occurrences.update(o.id, { status: 'cancelled', cancelledBy: ctx.actor.userId, cancelledAt: now, updatedAt: now });
    const seriesGone = request.scope === 'series' || stored.every((o) => o.status === 'cancelled' || targets.includes(o));
    const after = ctx.repos.bookings.update(bookingId, seriesGone ? { status: 'cancelled', cancelledBy: ctx.actor.userId, cancelledAt: now, updatedAt: now } : { updatedAt: now });
    recordChange(ctx, {
      campusId: booking.campusId,
      schoolId: booking.schoolId,
      action: `booking.cancel.${request.scope}`,
      entityType: 'booking',
      entityId: bookingId,
      before: booking,
      after: { booking: after, cancelledOccurrenceIds: targets.map((o) => o.id) },
    });
  });
  return { booking: requireBooking(ctx, bookingId), occurrences: ctx.repos.occurrences.byBooking(bookingId) };
}

function cancellationTargets(stored: OccurrenceRow[], request: CancelRequest, bookingId: number, now: number): OccurrenceRow[] {
  const active = stored.filter((o) => o.status === 'active');
  if (request.scope === 'series') return active.filter((o) => o.endUtc > now);
  if (request.occurrenceId === undefined) {
    throw new DomainError('validation', 'occurrenceId is required for this scope', { fields: [{ field: 'occurrenceId', message: 'is required for this scope' }] });
  }
  const from = stored.find((o) => o.id === request.occurrenceId);
  if (!from) {
    throw new DomainError('validation', `occurrence ${request.occurrenceId} is not part of booking ${bookingId}`, {
      fields: [{ field: 'occurrenceId', message: `not part of booking ${bookingId}` }],
    });
  }
  if (request.scope === 'occurrence') {
    if (from.status !== 'active') throw new DomainError('state', `occurrence ${from.id} is already cancelled`);
    return [from];
  }
  return active.filter((o) => o.originalLocalStart >= from.originalLocalStart);
}
