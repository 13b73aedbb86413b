import { and, asc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { BusyOccurrence } from '../../domain/conflicts.js';
import { MAX_OCCURRENCE_MINUTES } from '../../domain/limits.js';
import type { Db } from '../connection.js';
import { bookings, occurrences, schools, spaces } from '../schema/index.js';

export type OccurrenceRow = typeof occurrences.$inferSelect;
export type NewOccurrence = Omit<typeof occurrences.$inferInsert, 'id'>;

const MAX_OCCURRENCE_MS = MAX_OCCURRENCE_MINUTES * 60_000;
// A literal (not a bound parameter) so SQLite can use the partial indexes on active occurrences.
const isActive = sql`${occurrences.status} = 'active'`;

const busyColumns = {
  occurrenceId: occurrences.id,
  bookingId: occurrences.bookingId,
  title: sql<string>`coalesce(${occurrences.title}, ${bookings.title})`,
  schoolId: occurrences.schoolId,
  schoolName: schools.name,
  schoolCode: schools.locationCode,
  spaceId: occurrences.spaceId,
  spaceName: spaces.name,
  localStart: occurrences.localStart,
  localEnd: occurrences.localEnd,
  startUtc: occurrences.startUtc,
  endUtc: occurrences.endUtc,
};

/** busyInSpace's columns, in order. */
type BusyRow = [number, number, string, number, string, string, number, string, string, string, number, number];

/** A span of time to look for occurrences in; half-open [fromUtc, toUtc). */
export interface TimeWindow {
  fromUtc: number;
  toUtc: number;
}

export function createOccurrencesRepository(db: Db) {
  // The hot path of every check: active occurrences of one space that can touch [from, to), run
  // once per candidate and space of the family. Bounding the start from below by the space's
  // longest occurrence keeps it a short range scan of the covering index. Raw and prepared once:
  // drizzle's per-run placeholder and row mapping cost a fifth of the query itself.
  const busyInSpace = db.$client
    .prepare<[spaceId: number, lowestStart: number, toUtc: number, fromUtc: number], BusyRow>(
      `SELECT o.id, o.booking_id, coalesce(o.title, b.title), o.school_id, sc.name, sc.location_code, o.space_id, sp.name,
              o.local_start, o.local_end, o.start_utc, o.end_utc
         FROM occurrences o
         JOIN bookings b ON b.id = o.booking_id
         JOIN schools sc ON sc.id = o.school_id
         JOIN spaces sp ON sp.id = o.space_id
        WHERE o.space_id = ? AND o.status = 'active' AND o.start_utc >= ? AND o.start_utc < ? AND o.end_utc > ?`,
    )
    .raw(true);
  const longestInSpace = db.$client
    .prepare<[spaceId: number], number | null>(`SELECT max(end_utc - start_utc) FROM occurrences WHERE space_id = ? AND status = 'active'`)
    .pluck(true);

  const ofBooking = db
    .select()
    .from(occurrences)
    .where(eq(occurrences.bookingId, sql.placeholder('bookingId')))
    .orderBy(asc(occurrences.startUtc), asc(occurrences.id))
    .prepare();

  // Raw and prepared once: a series inserts up to 400 rows in one transaction, and drizzle's
  // per-run placeholder mapping cost more than SQLite's insert itself.
  const insertOne = db.$client.prepare(
    `INSERT INTO occurrences (booking_id, campus_id, space_id, school_id, original_local_start, local_start, local_end, start_utc, end_utc, status, is_exception, title, attendees, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    /** Active occurrences of these spaces that overlap any of the windows, each once. */
    busyIn(spaceIds: readonly number[], windows: readonly TimeWindow[]): BusyOccurrence[] {
      const found = new Map<number, BusyOccurrence>();
      for (const spaceId of spaceIds) {
        const longest = longestInSpace.get(spaceId) ?? 0;
        for (const { fromUtc, toUtc } of windows) {
          for (const row of busyInSpace.all(spaceId, fromUtc - longest, toUtc, fromUtc)) {
            const [occurrenceId, bookingId, title, schoolId, schoolName, schoolCode, busySpaceId, spaceName, localStart, localEnd, startUtc, endUtc] = row;
            found.set(occurrenceId, { occurrenceId, bookingId, title, schoolId, schoolName, schoolCode, spaceId: busySpaceId, spaceName, localStart, localEnd, startUtc, endUtc });
          }
        }
      }
      return [...found.values()];
    },
    listInRange(filter: {
      campusId: number;
      fromUtc: number;
      toUtc: number;
      spaceId?: number;
      schoolId?: number;
      includeCancelled: boolean;
    }) {
      const conditions: SQL[] = [
        eq(occurrences.campusId, filter.campusId),
        gte(occurrences.startUtc, filter.fromUtc - MAX_OCCURRENCE_MS),
        lt(occurrences.startUtc, filter.toUtc),
        gt(occurrences.endUtc, filter.fromUtc),
      ];
      if (filter.spaceId !== undefined) conditions.push(eq(occurrences.spaceId, filter.spaceId));
      if (filter.schoolId !== undefined) conditions.push(eq(occurrences.schoolId, filter.schoolId));
      if (!filter.includeCancelled) conditions.push(isActive);
      return db
        .select({
          ...busyColumns,
          originalLocalStart: occurrences.originalLocalStart,
          status: occurrences.status,
          isException: occurrences.isException,
          attendees: sql<number>`coalesce(${occurrences.attendees}, ${bookings.attendees})`,
          recurring: sql<boolean>`${bookings.rrule} is not null`.mapWith(Boolean),
        })
        .from(occurrences)
        .innerJoin(bookings, eq(bookings.id, occurrences.bookingId))
        .innerJoin(schools, eq(schools.id, occurrences.schoolId))
        .innerJoin(spaces, eq(spaces.id, occurrences.spaceId))
        .where(and(...conditions))
        .orderBy(asc(occurrences.startUtc), asc(occurrences.id))
        .all();
    },
    byBooking(bookingId: number): OccurrenceRow[] {
      return ofBooking.all({ bookingId });
    },
    get(id: number): OccurrenceRow | undefined {
      return db.select().from(occurrences).where(eq(occurrences.id, id)).get();
    },
    /** Inserts the rows and returns them as stored (what reading them back would give), in order. */
    insertMany(rows: readonly NewOccurrence[]): OccurrenceRow[] {
      return rows.map((row) => {
        const isException = row.isException ?? false;
        const title = row.title ?? null;
        const attendees = row.attendees ?? null;
        const { lastInsertRowid } = insertOne.run(row.bookingId, row.campusId, row.spaceId, row.schoolId, row.originalLocalStart, row.localStart, row.localEnd,
          row.startUtc, row.endUtc, row.status, isException ? 1 : 0, title, attendees, row.updatedAt);
        return {
          id: Number(lastInsertRowid),
          bookingId: row.bookingId,
          campusId: row.campusId,
          spaceId: row.spaceId,
          schoolId: row.schoolId,
          originalLocalStart: row.originalLocalStart,
          localStart: row.localStart,
          localEnd: row.localEnd,
          startUtc: row.startUtc,
          endUtc: row.endUtc,
          status: row.status,
          isException,
          title,
          attendees,
          cancelledBy: null,
          cancelledAt: null,
          updatedAt: row.updatedAt,
        };
      });
    },
    update(id: number, values: Partial<NewOccurrence>): OccurrenceRow {
      return db.update(occurrences).set(values).where(eq(occurrences.id, id)).returning().get();
    },
  };
}

export type OccurrencesRepository = ReturnType<typeof createOccurrencesRepository>;
