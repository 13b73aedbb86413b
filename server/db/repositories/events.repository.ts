import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { jsonOrNull } from '../json-column.js';
import { events } from '../schema/index.js';

export type EventRow = typeof events.$inferSelect;

export function createEventsRepository(db: Db) {
  const after = db
    .select()
    .from(events)
    .where(and(eq(events.campusId, sql.placeholder('campusId')), gt(events.id, sql.placeholder('afterId'))))
    .orderBy(asc(events.id))
    .limit(sql.placeholder('limit'))
    .prepare();
  const bounds = db
    .select({ oldest: sql<number | null>`min(${events.id})`, latest: sql<number | null>`max(${events.id})` })
    .from(events)
    .where(eq(events.campusId, sql.placeholder('campusId')))
    .prepare();
  // Raw and prepared once, like the audit entry written beside it.
  const appendOne = db.$client.prepare('INSERT INTO events (campus_id, at, action, entity_type, entity_id, school_id, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return {
    append(values: Omit<typeof events.$inferInsert, 'id'>): void {
      appendOne.run(values.campusId, values.at, values.action, values.entityType, values.entityId ?? null, values.schoolId ?? null, jsonOrNull(values.data));
    },
    /** Events of the campus with an id above afterId, oldest first. */
    after(campusId: number, afterId: number, limit: number): EventRow[] {
      return after.all({ campusId, afterId, limit });
    },
    bounds(campusId: number): { oldest: number | null; latest: number | null } {
      return bounds.get({ campusId }) ?? { oldest: null, latest: null };
    },
    /** Drops events older than the retention; a client that was further behind resynchronises. */
    pruneBefore(at: number): number {
      return db.delete(events).where(lt(events.at, at)).run().changes;
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
