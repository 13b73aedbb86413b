import { integer, sqliteTable, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

/** Columns every editable record carries: when it was made and last changed (epoch ms). */
const timestamps = {
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /** Archived records stay readable (bookings point at them) but take no new bookings. */
  archivedAt: integer('archived_at'),
};

export const campuses = sqliteTable('campuses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  /** School year as local dates (YYYY-MM-DD); a series never runs past yearEnd. */
  yearStart: text('year_start').notNull(),
  yearEnd: text('year_end').notNull(),
  ...timestamps,
});

export const schools = sqliteTable(
  'schools',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
    name: text('name').notNull(),
    locationCode: text('location_code').notNull(),
    kind: text('kind', { enum: ['slc', 'autonomous', 'building'] }).notNull(),
    enrollment: integer('enrollment').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('schools_campus_code').on(t.campusId, t.locationCode)],
);

export const spaces = sqliteTable(
  'spaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    capacity: integer('capacity').notNull(),
    parentId: integer('parent_id'),
    setupMinutes: integer('setup_minutes').notNull().default(0),
    teardownMinutes: integer('teardown_minutes').notNull().default(0),
    /** JSON OpenHours (server/domain/spaces.ts); null means always open. */
    openHours: text('open_hours', { mode: 'json' }),
    ...timestamps,
  },
  (t) => [index('spaces_campus').on(t.campusId), index('spaces_parent').on(t.parentId)],
);

export const closures = sqliteTable(
  'closures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
    reason: text('reason', { enum: ['holiday', 'testing', 'maintenance', 'event', 'other'] }).notNull(),
    note: text('note').notNull().default(''),
    /** Whole local days (startDate..endDate inclusive) or a local date-time range. */
    allDay: integer('all_day', { mode: 'boolean' }).notNull(),
    localStart: text('local_start').notNull(),
    localEnd: text('local_end').notNull(),
    startUtc: integer('start_utc').notNull(),
    endUtc: integer('end_utc').notNull(),
    /** JSON array of space ids; null closes the whole campus. */
    spaceIds: text('space_ids', { mode: 'json' }).$type<number[] | null>(),
    ...timestamps,
  },
  (t) => [index('closures_campus_range').on(t.campusId, t.startUtc)],
);
