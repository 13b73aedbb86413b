import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The audit trail: appended in the same transaction as each change, never edited or deleted
 * through the API. before/after are JSON snapshots of the changed record.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    campusId: integer('campus_id'),
    schoolId: integer('school_id'),
    actorUserId: integer('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [index('audit_campus_at').on(t.campusId, t.at), index('audit_actor').on(t.actorUserId, t.at)],
);
