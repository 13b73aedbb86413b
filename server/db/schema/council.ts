import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.js';
import { bookings, occurrences } from './bookings.js';
import { campuses, schools } from './campus.js';

/**
 * The Building Council. Its members are the people with a school-bound role on the campus
 * (lead, principal, council: see server/domain/permissions.ts); every non-archived school has
 * one vote. Its meetings are the occurrences of one booking series held by the building office,
 * so they are on the calendar like any other booking; a meeting row is keyed by its occurrence.
 */

/** Per-campus settings of the council (absent row: the defaults). */
export const councilSettings = sqliteTable('council_settings', {
  campusId: integer('campus_id').primaryKey().references(() => campuses.id),
  /** Quorum: more than this share of member schools present or represented (50 = a majority). */
  quorumPercent: integer('quorum_percent').notNull(),
  standingTopics: text('standing_topics', { mode: 'json' }).$type<string[]>().notNull(),
  /** Members may submit items until this many hours before the meeting starts. */
  submissionDeadlineHours: integer('submission_deadline_hours').notNull(),
  /** Bookings of at least this many attendees are high-impact (besides auditorium, gym and field). */
  highImpactAttendees: integer('high_impact_attendees').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** The booking whose occurrences are the council's meetings (its splits continue it). */
export const councilSeries = sqliteTable(
  'council_series',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
    bookingId: integer('booking_id').notNull().references(() => bookings.id),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('council_series_campus').on(t.campusId)],
);

/** What happened at (or is planned for) one meeting; created at the first write about it. */
export const meetings = sqliteTable(
  'meetings',
  {
    /** The occurrence of the council series this meeting is. */
    occurrenceId: integer('occurrence_id')
      .primaryKey()
      .references(() => occurrences.id),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
    seriesId: integer('series_id')
      .notNull()
      .references(() => councilSeries.id),
    /** 0, 1, 2… in the order of the series' dates: drives the rotations. */
    sequence: integer('sequence').notNull(),
    chairSchoolId: integer('chair_school_id').references(() => schools.id),
    noteTakerSchoolId: integer('note_taker_school_id').references(() => schools.id),
    status: text('status', { enum: ['scheduled', 'open', 'closed'] }).notNull(),
    minutesStatus: text('minutes_status', { enum: ['draft', 'circulated', 'approved', 'locked'] }).notNull(),
    /** When the agenda was first written down (null: it is still the live draft). */
    agendaDraftedAt: integer('agenda_drafted_at'),
    /** The meeting whose vote approved these minutes. */
    approvedInId: integer('approved_in_id'),
    circulatedAt: integer('circulated_at'),
    approvedAt: integer('approved_at'),
    lockedAt: integer('locked_at'),
    openedAt: integer('opened_at'),
    closedAt: integer('closed_at'),
    /** Bumped by every change of the meeting, its agenda order or attendance. */
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('meetings_campus_sequence').on(t.campusId, t.sequence)],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.occurrenceId),
    source: text('source').notNull(),
    sourceType: text('source_type'),
    sourceId: integer('source_id'),
    title: text('title').notNull(),
    /** A generated title, to be shown in the reader's language: key and parameters. */
    titleKey: text('title_key'),
    titleParams: text('title_params', { mode: 'json' }).$type<Record<string, string>>(),
    detail: text('detail').notNull().default(''),
    detailLines: text('detail_lines', { mode: 'json' }).$type<Array<{ key: string; params: Record<string, string>; text: string }>>(),
    schoolId: integer('school_id').references(() => schools.id),
    submittedBy: integer('submitted_by'),
    minutes: integer('minutes').notNull(),
    position: integer('position').notNull(),
    /** Merged into another item: shown under it, not on its own. */
    mergedIntoId: integer('merged_into_id'),
    /** Withdrawn by its school before the meeting. */
    withdrawnAt: integer('withdrawn_at'),
    /** The minutes of this item, as written during the meeting. */
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('agenda_items_meeting').on(t.meetingId, t.position)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.occurrenceId),
    schoolId: integer('school_id')
      .notNull()
      .references(() => schools.id),
    status: text('status', { enum: ['present', 'absent', 'represented'] }).notNull(),
    /** Who came, or who represented the school. */
    note: text('note').notNull().default(''),
    updatedBy: integer('updated_by'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.schoolId] })],
);

export const motions = sqliteTable(
  'motions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.occurrenceId),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    text: text('text').notNull(),
    moverSchoolId: integer('mover_school_id')
      .notNull()
      .references(() => schools.id),
    seconderSchoolId: integer('seconder_school_id').references(() => schools.id),
    /** What a carried motion decides (a booking, a closure, a conflict, a policy, minutes). */
    decision: text('decision', { mode: 'json' }).$type<Record<string, unknown>>(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    result: text('result', { enum: ['carried', 'failed', 'no_quorum'] }),
    yes: integer('yes').notNull().default(0),
    no: integer('no').notNull().default(0),
    abstain: integer('abstain').notNull().default(0),
    /** When a carried decision changed the calendar. */
    appliedAt: integer('applied_at'),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
    closedAt: integer('closed_at'),
  },
  (t) => [index('motions_meeting').on(t.meetingId)],
);

/** One vote per school per motion. */
export const votes = sqliteTable(
  'votes',
  {
    motionId: integer('motion_id')
      .notNull()
      .references(() => motions.id),
    schoolId: integer('school_id')
      .notNull()
      .references(() => schools.id),
    vote: text('vote', { enum: ['yes', 'no', 'abstain'] }).notNull(),
    castBy: integer('cast_by')
      .notNull()
      .references(() => users.id),
    castAt: integer('cast_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.schoolId] })],
);

/** Carried from agenda to agenda until done. */
export const actionItems = sqliteTable(
  'action_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campusId: integer('campus_id')
      .notNull()
      .references(() => campuses.id),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.occurrenceId),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id),
    what: text('what').notNull(),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    ownerSchoolId: integer('owner_school_id')
      .notNull()
      .references(() => schools.id),
    dueDate: text('due_date'),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    doneAt: integer('done_at'),
  },
  (t) => [index('action_items_campus_status').on(t.campusId, t.status)],
);

/** Corrections to approved or locked minutes: appended, never edited. */
export const minutesAmendments = sqliteTable(
  'minutes_amendments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.occurrenceId),
    text: text('text').notNull(),
    byUserId: integer('by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('minutes_amendments_meeting').on(t.meetingId)],
);
