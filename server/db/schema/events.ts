import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What changed, for the live screens: one row per change, written in the same transaction as
 * the change itself, with an id that only grows (AUTOINCREMENT never reuses one), so a client
 * that saw id N can ask for everything after N and miss nothing.
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campusId: integer('campus_id').notNull(),
    at: integer('at').notNull(),
    /** The audit action: booking.create, closure.update… */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    schoolId: integer('school_id'),
    /** A small JSON summary; screens refetch what they show. */
    data: text('data', { mode: 'json' }),
  },
  (t) => [index('events_campus_id').on(t.campusId, t.id), index('events_at').on(t.at)],
);
