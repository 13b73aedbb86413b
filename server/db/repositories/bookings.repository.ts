import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { bookings, occurrences } from '../schema/index.js';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = Omit<typeof bookings.$inferInsert, 'id'>;

export function createBookingsRepository(db: Db) {
  const byId = db.select().from(bookings).where(eq(bookings.id, sql.placeholder('id'))).prepare();
  // Raw and prepared once: building and preparing drizzle's INSERT … RETURNING cost more than
  // running it, and mapping the returned row back cost more than SQLite's insert.
  const insertOne = db.$client.prepare(
    `INSERT INTO bookings (campus_id, space_id, school_id, title, purpose, attendees, local_start, local_end, rrule, exdates, status, version,
                           split_from_id, created_by, created_at, updated_at, cancelled_by, cancelled_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    get(id: number): BookingRow | undefined {
      return byId.get({ id });
    },
    /** A new booking is version 1; returns the row as stored (what reading it back gives). */
    insert(values: Omit<NewBooking, 'version'>): BookingRow {
      // In column order, as drizzle reads it: the audit trail stores this row as JSON.
      const row: BookingRow = {
        id: 0,
        campusId: values.campusId,
        spaceId: values.spaceId,
        schoolId: values.schoolId,
        title: values.title,
        purpose: values.purpose ?? '',
        attendees: values.attendees,
        localStart: values.localStart,
        localEnd: values.localEnd,
        rrule: values.rrule ?? null,
        exdates: [...values.exdates],
        status: values.status,
        version: 1,
        splitFromId: values.splitFromId ?? null,
        createdBy: values.createdBy ?? null,
        createdAt: values.createdAt,
        updatedAt: values.updatedAt,
        cancelledBy: values.cancelledBy ?? null,
        cancelledAt: values.cancelledAt ?? null,
      };
      const { lastInsertRowid } = insertOne.run(row.campusId, row.spaceId, row.schoolId, row.title, row.purpose, row.attendees, row.localStart, row.localEnd, row.rrule,
        JSON.stringify(row.exdates), row.status, row.splitFromId, row.createdBy, row.createdAt, row.updatedAt, row.cancelledBy, row.cancelledAt);
      row.id = Number(lastInsertRowid);
      return row;
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
