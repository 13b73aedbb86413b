import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { bookings, occurrences } from '../schema/index.js';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = Omit<typeof bookings.$inferInsert, 'id'>;

export function createBookingsRepository(db: Db) {
  const byId = db.select().from(bookings).where(eq(bookings.id, sql.placeholder('id'))).prepare();
  return {
    get(id: number): BookingRow | undefined {
      return byId.get({ id });
    },
    insert(values: NewBooking): BookingRow {
      return db.insert(bookings).values(values).returning().get();
    },
    update(id: number, values: Partial<NewBooking>): BookingRow {
      return db.update(bookings).set({ ...values, version: sql`${bookings.version} + 1` }).where(eq(bookings.id, id)).returning().get();
    },
    /** Series of a campus with a summary of their active occurrences, for "my school's bookings". */
    listByCampus(filter: { campusId: number; schoolId?: number; spaceId?: number; status?: 'active' | 'cancelled' }) {
      const conditions: SQL[] = [eq(bookings.campusId, filter.campusId)];
      if (filter.schoolId !== undefined) conditions.push(eq(bookings.schoolId, filter.schoolId));
      if (filter.spaceId !== undefined) conditions.push(eq(bookings.spaceId, filter.spaceId));
      if (filter.status !== undefined) conditions.push(eq(bookings.status, filter.status));
      return db
        .select({
          booking: bookings,
          activeOccurrences: sql<number>`count(${occurrences.id})`.mapWith(Number),
          firstStartUtc: sql<number | null>`min(${occurrences.startUtc})`,
          lastEndUtc: sql<number | null>`max(${occurrences.endUtc})`,
        })
        .from(bookings)
        .leftJoin(occurrences, and(eq(occurrences.bookingId, bookings.id), sql`${occurrences.status} = 'active'`))
        .where(and(...conditions))
        .groupBy(bookings.id)
        .orderBy(asc(bookings.localStart), asc(bookings.id))
        .all();
    },
    campusHasOccurrences(campusId: number): boolean {
      return db.select({ id: occurrences.id }).from(occurrences).where(eq(occurrences.campusId, campusId)).limit(1).get() !== undefined;
    },
  };
}

export type BookingsRepository = ReturnType<typeof createBookingsRepository>;
