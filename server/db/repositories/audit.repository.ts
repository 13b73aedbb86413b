import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { jsonOrNull } from '../json-column.js';
import { auditLog } from '../schema/index.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, 'id'>;

export interface AuditFilter {
  campusId: number;
  actorUserId?: number;
  /** An action ("booking.create") or a prefix ending in a dot ("booking."). */
  action?: string;
  entityType?: string;
  entityId?: number;
  fromMs?: number;
  toMs?: number;
  /** Keyset pagination: entries older than this id. */
  beforeId?: number;
  limit: number;
}

export function createAuditRepository(db: Db) {
  // Raw and prepared once: every write appends here, and building the INSERT each time cost more than running it.
  const appendOne = db.$client.prepare(
    'INSERT INTO audit_log (at, campus_id, school_id, actor_user_id, action, entity_type, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    append(entry: NewAuditEntry): void {
      appendOne.run(entry.at, entry.campusId ?? null, entry.schoolId ?? null, entry.actorUserId ?? null, entry.action, entry.entityType,
        entry.entityId ?? null, jsonOrNull(entry.before), jsonOrNull(entry.after));
    },
    list(filter: AuditFilter): AuditRow[] {
      const conditions: SQL[] = [eq(auditLog.campusId, filter.campusId)];
      if (filter.actorUserId !== undefined) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
      // A prefix is compared literally (no LIKE wildcards, same case rules as the exact form).
      if (filter.action !== undefined) {
        const prefix = filter.action;
        conditions.push(prefix.endsWith('.') ? sql`substr(${auditLog.action}, 1, ${prefix.length}) = ${prefix}` : eq(auditLog.action, prefix));
      }
      if (filter.entityType !== undefined) conditions.push(eq(auditLog.entityType, filter.entityType));
      if (filter.entityId !== undefined) conditions.push(eq(auditLog.entityId, filter.entityId));
      if (filter.fromMs !== undefined) conditions.push(gte(auditLog.at, filter.fromMs));
      if (filter.toMs !== undefined) conditions.push(lt(auditLog.at, filter.toMs));
      if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId));
      return db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(filter.limit).all();
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
