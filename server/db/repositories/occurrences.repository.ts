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

/** A span of time to look for occurrences in; half-open [fromUtc, toUtc). */
export interface TimeWindow {
  fromUtc: number;
  toUtc: number;
}

export function createOccurrencesRepository(db: Db) {
  // The hot path of every check: active occurrences of one space that can touch [from, to).
  // Bounding the start from below by the space's longest occurrence keeps it a short index range scan.
  const busyInSpace = db
    .select(busyColumns)
    .from(occurrences)
    .innerJoin(bookings, eq(bookings.id, occurrences.bookingId))
    .innerJoin(schools, eq(schools.id, occurrences.schoolId))
    .innerJoin(spaces, eq(spaces.id, occurrences.spaceId))
    .where(
      and(
        eq(occurrences.spaceId, sql.placeholder('spaceId')),
        isActive,
        gte(occurrences.startUtc, sql.placeholder('lowestStart')),
        lt(occurrences.startUtc, sql.placeholder('toUtc')),
        gt(occurrences.endUtc, sql.placeholder('fromUtc')),
      ),
    )
    .prepare();

  const longestInSpace = db
    .select({ longest: sql<number | null>`max(${occurrences.endUtc} - ${occurrences.startUtc})` })
    .from(occurrences)
    .where(and(eq(occurrences.spaceId, sql.placeholder('spaceId')), isActive))
    .prepare();

  const ofBooking = db
    .select()
    .from(occurrences)
    .where(eq(occurrences.bookingId, sql.placeholder('bookingId')))
    .orderBy(asc(occurrences.startUtc), asc(occurrences.id))
    .prepare();

  const insertOne = db.insert(occurrences).values({
    bookingId: sql.placeholder('bookingId'),
    campusId: sql.placeholder('campusId'),
    spaceId: sql.placeholder('spaceId'),
    schoolId: sql.placeholder('schoolId'),
    originalLocalStart: sql.placeholder('originalLocalStart'),
    localStart: sql.placeholder('localStart'),
    localEnd: sql.placeholder('localEnd'),
    startUtc: sql.placeholder('startUtc'),
    endUtc: sql.placeholder('endUtc'),
    status: sql.placeholder('status'),
    isException: sql.placeholder('isException'),
    title: sql.placeholder('title'),
    attendees: sql.placeholder('attendees'),
    updatedAt: sql.placeholder('updatedAt'),
  }).prepare();

  return {
    /** Active occurrences of these spaces that overlap any of the windows, each once. */
    busyIn(spaceIds: readonly number[], windows: readonly TimeWindow[]): BusyOccurrence[] {
      const found = new Map<number, BusyOccurrence>();
      for (const spaceId of spaceIds) {
        const longest = longestInSpace.get({ spaceId })?.longest ?? 0;
        for (const { fromUtc, toUtc } of windows) {
          for (const b of busyInSpace.all({ spaceId, lowestStart: fromUtc - longest, fromUtc, toUtc })) found.set(b.occurrenceId, b);
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
    insertMany(rows: NewOccurrence[]): void {
      for (const row of rows) {
        insertOne.run({ title: null, attendees: null, isException: false, ...row });
      }
    },
    update(id: number, values: Partial<NewOccurrence>): OccurrenceRow {
      return db.update(occurrences).set(values).where(eq(occurrences.id, id)).returning().get();
    },
  };
}

export type OccurrencesRepository = ReturnType<typeof createOccurrencesRepository>;
