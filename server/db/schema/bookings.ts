import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { campuses, schools, spaces } from './campus.js';

/**
 * A booking is the series as the person asked for it (its first occurrence's wall-clock
 * start and end plus an optional RRULE and EXDATEs). Its occurrences are stored below,
 * already expanded, so conflict checks are index lookups and never re-expand rules.
 */
export const bookings = sqliteTable(
  'bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
    spaceId: integer('space_id').notNull().references(() => spaces.id),
    schoolId: integer('school_id').notNull().references(() => schools.id),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default(''),
    attendees: integer('attendees').notNull(),
    localStart: text('local_start').notNull(),
    localEnd: text('local_end').notNull(),
    rrule: text('rrule'),
    /** JSON array of exdates (LocalDateTime or LocalDate strings). */
    exdates: text('exdates', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status', { enum: ['active', 'cancelled'] }).notNull(),
    /** Bumped on every change; clients send it back to detect concurrent edits. */
    version: integer('version').notNull().default(1),
    /** When this series was split off another by a "this and following" edit. */
    splitFromId: integer('split_from_id'),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    cancelledBy: integer('cancelled_by'),
    cancelledAt: integer('cancelled_at'),
  },
  (t) => [index('bookings_campus').on(t.campusId), index('bookings_school').on(t.schoolId)],
);

/**
 * One stored occurrence: UTC instants for arithmetic and indexing, local wall time for people.
 * originalLocalStart is the rule instance it came from (the RFC 5545 RECURRENCE-ID): it is how
 * an edited or cancelled occurrence is matched again when its series is edited.
 */
export const occurrences = sqliteTable(
  'occurrences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bookingId: integer('booking_id').notNull().references(() => bookings.id),
    campusId: integer('campus_id').notNull(),
    spaceId: integer('space_id').notNull(),
    schoolId: integer('school_id').notNull(),
    originalLocalStart: text('original_local_start').notNull(),
    localStart: text('local_start').notNull(),
    localEnd: text('local_end').notNull(),
    startUtc: integer('start_utc').notNull(),
    endUtc: integer('end_utc').notNull(),
    status: text('status', { enum: ['active', 'cancelled'] }).notNull(),
    /** Set when this one occurrence was edited apart from its series. */
    isException: integer('is_exception', { mode: 'boolean' }).notNull().default(false),
    title: text('title'),
    attendees: integer('attendees'),
    cancelledBy: integer('cancelled_by'),
    cancelledAt: integer('cancelled_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // The conflict check: active occurrences of one space starting in a bounded window; the end
    // is in the index too, so rows that end too early are skipped without reading the table.
    index('occurrences_space_start_end').on(t.spaceId, t.startUtc, t.endUtc).where(sql`${t.status} = 'active'`),
    // The longest active occurrence of a space, in one probe: how far back a window must look.
    index('occurrences_space_duration').on(t.spaceId, sql`(${t.endUtc} - ${t.startUtc})`).where(sql`${t.status} = 'active'`),
    index('occurrences_campus_start').on(t.campusId, t.startUtc),
    index('occurrences_booking').on(t.bookingId, t.originalLocalStart),
  ],
);
