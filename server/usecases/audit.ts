import { inWriteTransaction } from '../db/connection.js';
import type { AuditFilter } from '../db/repositories/audit.repository.js';
import { requireCampus } from './campuses.js';
import { requirePermission } from './authorize.js';
import type { UseCaseContext } from './context.js';

export interface ChangeRecord {
  campusId: number | null;
  schoolId?: number | null;
  /** "<entity>.<verb>", e.g. booking.create, space.archive, member.add. */
  action: string;
  entityType: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit trail; call it inside the transaction that makes the change. */
export function recordChange(ctx: UseCaseContext, change: ChangeRecord): void {
  ctx.repos.audit.append({
    at: ctx.clock(),
    actorUserId: ctx.actor.userId,
    campusId: change.campusId,
    schoolId: change.schoolId ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

export function listAudit(ctx: UseCaseContext, filter: AuditFilter) {
  requireCampus(ctx, filter.campusId);
  requirePermission(ctx.actor, filter.campusId, 'audit.read');
  return ctx.repos.audit.list(filter);
}

/**
 * Runs one write and appends its audit entry in the same BEGIN IMMEDIATE transaction: the change
 * and its record commit together or not at all.
 */
export function audited<T extends { id: number }>(ctx: UseCaseContext, change: Omit<ChangeRecord, 'entityId' | 'after'>, write: () => T): T {
  return inWriteTransaction(ctx.repos.db, () => {
    const after = write();
    recordChange(ctx, { ...change, entityId: after.id, after });
    return after;
  });
}
