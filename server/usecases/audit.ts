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

/** Changes every role on the campus may read, and so every open screen is told about. */
const LIVE_ENTITIES = new Set(['campus', 'school', 'space', 'closure', 'booking', 'council', 'meeting', 'agenda_item', 'motion', 'action_item']);

/** The few fields a screen needs to know what to refetch. */
function liveSummary(change: ChangeRecord): Record<string, unknown> {
  const snapshot = (change.after ?? change.before) as Record<string, unknown> | null | undefined;
  const row = (snapshot && 'booking' in snapshot ? snapshot.booking : snapshot) as Record<string, unknown> | null | undefined;
  return { spaceId: row?.spaceId ?? null, title: row?.title ?? row?.name ?? null };
}

/**
 * Appends to the audit trail and, for what every role may read, to the live event log; call it
 * inside the transaction that makes the change, so both commit with it or not at all.
 */
export function recordChange(ctx: UseCaseContext, change: ChangeRecord): void {
  const at = ctx.clock();
  if (change.campusId !== null && LIVE_ENTITIES.has(change.entityType)) {
    ctx.repos.events.append({
      campusId: change.campusId,
      at,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      schoolId: change.schoolId ?? null,
      data: liveSummary(change),
    });
  }
  ctx.repos.audit.append({
    at,
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
