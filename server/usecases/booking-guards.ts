import { DomainError, invalidField } from '../domain/errors.js';
import type { BookingRow } from '../db/repositories/bookings.repository.js';
import type { OccurrenceRow } from '../db/repositories/occurrences.repository.js';
import { requireActingForSchool } from './authorize.js';
import { requireBooking } from './bookings.js';
import { requireActiveCampus } from './campuses.js';
import type { UseCaseContext } from './context.js';

/**
 * A booking that may be changed or cancelled now, by this person: not cancelled, not changed
 * since they loaded it (when they say which version they saw), on an active campus, theirs.
 */
export function requireChangeable(ctx: UseCaseContext, bookingId: number, version: number | undefined) {
  const booking = requireBooking(ctx, bookingId);
  requireActingForSchool(ctx.actor, booking.campusId, booking.schoolId);
  const campus = requireActiveCampus(ctx, booking.campusId);
  if (booking.status === 'cancelled') throw new DomainError('state', `booking ${bookingId} is cancelled`);
  if (version !== undefined && version !== booking.version) {
    throw new DomainError('booking.stale', `booking ${bookingId} changed since you loaded it (version ${version}, now ${booking.version}); reload and try again`, {
      currentVersion: booking.version,
    });
  }
  return { booking, campus };
}

/** The occurrence a scoped change starts from; it must belong to the booking. */
export function requireOccurrenceOf(ctx: UseCaseContext, booking: BookingRow, occurrenceId: number | undefined): OccurrenceRow {
  if (occurrenceId === undefined) throw invalidField('occurrenceId', 'is required for this scope');
  const occurrence = ctx.repos.occurrences.get(occurrenceId);
  if (occurrence?.bookingId !== booking.id) throw invalidField('occurrenceId', `occurrence ${occurrenceId} is not part of booking ${booking.id}`);
  return occurrence;
}
