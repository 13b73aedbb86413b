/** The calls "My school's bookings" and a booking's page make: thin typed functions over the API client. */
import { api } from '../api/client.js';
import type { Booking, BookingSummary, ListedOccurrence } from '../api/types.js';
import type { CancelScope } from './bookings-list.js';

export const listSchoolBookings = (campusId: number, schoolId: number, status: 'active' | 'cancelled') =>
  api<BookingSummary[]>('GET', `/campuses/${campusId}/bookings`, { query: { schoolId, status } });

/** Active occurrences in [from, to) (campus dates; at most 400 days). */
export const listSchoolOccurrences = (campusId: number, schoolId: number, from: string, to: string) =>
  api<ListedOccurrence[]>('GET', `/campuses/${campusId}/occurrences`, { query: { schoolId, from, to } });

export const getBooking = (bookingId: number) => api<Booking>('GET', `/bookings/${bookingId}`);

/** Cancels one date, this and following, or the series; answers the booking as it is now. */
export const cancelBooking = (bookingId: number, query: { scope: CancelScope; occurrenceId?: number; version: number }) =>
  api<Booking>('DELETE', `/bookings/${bookingId}`, { query });
