import { eq, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { bookings, occurrences } from '../schema/index.js';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = Omit<typeof bookings.$inferInsert, 'id'>;

export function createBookingsRepository(db: Db) {
  return {
    get(id: number): BookingRow | undefined {
      return db.select().from(bookings).where(eq(bookings.id, id)).get();
    },
    insert(values: NewBooking): BookingRow {
      return db.insert(bookings).values(values).returning().get();
    },
    update(id: number, values: Partial<NewBooking>): BookingRow {
      return db.update(bookings).set({ ...values, version: sql`${bookings.version} + 1` }).where(eq(bookings.id, id)).returning().get();
    },
    /** A campus whose bookings or closures exist cannot change time zone: stored instants would drift. */
    campusHasBookings(campusId: number): boolean {
      return db.select({ id: occurrences.id }).from(occurrences).where(eq(occurrences.campusId, campusId)).limit(1).get() !== undefined;
    },
  };
}

export type BookingsRepository = ReturnType<typeof createBookingsRepository>;
