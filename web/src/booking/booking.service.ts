/** The booking form's calls: thin typed functions over the one API client. */
import { api } from '../api/client.js';
import type { Analysis, Booking, BookingChanges, BookingInput, Scope } from '../api/types.js';

export interface EditTarget {
  bookingId: number;
  scope: Scope;
  occurrenceId: number | null;
  version: number;
}

const editQuery = ({ scope, occurrenceId, version }: EditTarget) => ({ scope, occurrenceId: scope === 'series' ? undefined : occurrenceId, version });

export const getBooking = (bookingId: number) => api<Booking>('GET', `/bookings/${bookingId}`);

/** What would happen (200, nothing written): occurrences, conflicts, alternatives. */
export const checkNewBooking = (campusId: number, input: BookingInput) => api<Analysis>('POST', `/campuses/${campusId}/bookings`, { body: input, query: { dryRun: true } });

/** 201 with the booking; 409 booking.conflict carries conflicts and alternatives (ApiError.problem). */
export const createBooking = (campusId: number, input: BookingInput) => api<Booking>('POST', `/campuses/${campusId}/bookings`, { body: input });

export const checkBookingChange = (target: EditTarget, changes: BookingChanges) =>
  api<Analysis>('PATCH', `/bookings/${target.bookingId}`, { body: changes, query: { ...editQuery(target), dryRun: true } });

/** 200 with the booking that now holds the change: for scope=following, the new split series. */
export const changeBooking = (target: EditTarget, changes: BookingChanges) => api<Booking>('PATCH', `/bookings/${target.bookingId}`, { body: changes, query: editQuery(target) });
