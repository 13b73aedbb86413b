import { invalidField, unknownReference } from '../domain/errors.js';
import { closureApplies, type ClosureRule } from '../domain/conflicts.js';
import { spaceFamily } from '../domain/spaces.js';
import { addMinutesWall, isLocalDate, isLocalDateTime, localToInstant } from '../domain/wallclock.js';
import type { ClosureRow } from '../db/repositories/closures.repository.js';
import { requireActiveCampus, requireCampus } from './campuses.js';
import { audited } from './audit.js';
import { requirePermission } from './authorize.js';
import { requireInCampus, type UseCaseContext } from './context.js';
import { loadSpaceRules } from './spaces.js';

export type ClosureReason = 'holiday' | 'testing' | 'maintenance' | 'event' | 'other';

/**
 * start/end are either two dates (whole days, end inclusive: a holiday week) or two local
 * date-times (end exclusive: a fire drill from 09:00 to 10:00). spaceIds null = whole campus.
 */
export interface ClosureInput {
  reason: ClosureReason;
  note: string;
  spaceIds: number[] | null;
  start: string;
  end: string;
}

export function toClosureRule(row: ClosureRow): ClosureRule {
  return {
    id: row.id,
    reason: row.reason,
    note: row.note,
    spaceIds: row.spaceIds ?? null,
    localStart: row.localStart,
    localEnd: row.localEnd,
    startUtc: row.startUtc,
    endUtc: row.endUtc,
  };
}

function resolveTimes(input: ClosureInput, zone: string) {
  for (const field of ['start', 'end'] as const) {
    if (!isLocalDate(input[field]) && !isLocalDateTime(input[field])) {
      throw invalidField(field, `"${input[field]}" is not a real date YYYY-MM-DD or local date-time YYYY-MM-DDTHH:mm`);
    }
  }
  const allDay = isLocalDate(input.start);
  if (allDay !== isLocalDate(input.end)) throw invalidField('end', 'use two dates (whole days) or two date-times, not one of each');
  const localStart = allDay ? `${input.start}T00:00` : input.start;
  const localEnd = allDay ? addMinutesWall(`${input.end}T00:00`, 24 * 60) : input.end;
  if (localEnd <= localStart) throw invalidField('end', allDay ? 'must not be before start' : 'must be after start');
  return { allDay, localStart, localEnd, startUtc: localToInstant(localStart, zone), endUtc: localToInstant(localEnd, zone) };
}

function validateSpaces(ctx: UseCaseContext, campusId: number, spaceIds: number[] | null): number[] | null {
  if (spaceIds === null) return null;
  if (spaceIds.length === 0) throw invalidField('spaceIds', 'list at least one space, or use null for the whole campus');
  spaceIds.forEach((id, i) => {
    const space = ctx.repos.spaces.get(id);
    if (space?.campusId !== campusId) throw unknownReference(`spaceIds/${i}`, 'space', id);
  });
  return [...new Set(spaceIds)];
}

/** start/end as a person entered them: dates (end inclusive) for whole days, else wall-clock times. */
export function closureAsEntered(row: ClosureRow): { start: string; end: string } {
  if (!row.allDay) return { start: row.localStart, end: row.localEnd };
  return { start: row.localStart.slice(0, 10), end: addMinutesWall(row.localEnd, -24 * 60).slice(0, 10) };
}

export function requireClosure(ctx: Pick<UseCaseContext, 'repos'>, campusId: number, closureId: number): ClosureRow {
  return requireInCampus(ctx.repos.closures.get(closureId), campusId, 'closure', closureId);
}

/** A closure and the occurrences it now stands in the way of. */
export function getClosure(ctx: UseCaseContext, campusId: number, closureId: number): ClosureRow {
  const closure = requireClosure(ctx, campusId, closureId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  return closure;
}

/** Closures reaching into [from, to) (local dates, both optional), or all of them. */
export function listClosures(ctx: UseCaseContext, campusId: number, filter: { includeArchived: boolean; from?: string; to?: string }): ClosureRow[] {
  const campus = requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value !== undefined && !isLocalDate(value)) throw invalidField(field, `"${value}" is not a real date YYYY-MM-DD`);
  }
  const bound = (date: string | undefined, fallback: number) => (date === undefined ? fallback : localToInstant(`${date}T00:00`, campus.timeZone));
  const range = filter.from === undefined && filter.to === undefined ? undefined : { fromUtc: bound(filter.from, 0), toUtc: bound(filter.to, Number.MAX_SAFE_INTEGER) };
  return ctx.repos.closures.listByCampus(campusId, filter.includeArchived, range);
}

/** Existing bookings are never cancelled by a closure: the caller is shown what it now blocks. */
export function createClosure(ctx: UseCaseContext, campusId: number, input: ClosureInput): ClosureRow {
  const campus = requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'facilities.manage');
  const times = resolveTimes(input, campus.timeZone);
  const spaceIds = validateSpaces(ctx, campusId, input.spaceIds);
  const now = ctx.clock();
  const values = { campusId, reason: input.reason, note: input.note.trim(), spaceIds, ...times, createdAt: now, updatedAt: now };
  return audited(ctx, { campusId, action: 'closure.create', entityType: 'closure' }, () => ctx.repos.closures.insert(values));
}

export function updateClosure(ctx: UseCaseContext, campusId: number, closureId: number, changes: Partial<ClosureInput>): ClosureRow {
  const campus = requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'facilities.manage');
  const row = requireClosure(ctx, campusId, closureId);
  const current: ClosureInput = { reason: row.reason, note: row.note, spaceIds: row.spaceIds ?? null, ...closureAsEntered(row) };
  const next = { ...current, ...changes };
  const times = resolveTimes(next, campus.timeZone);
  const spaceIds = validateSpaces(ctx, campusId, next.spaceIds);
  const values = { reason: next.reason, note: next.note.trim(), spaceIds, ...times, updatedAt: ctx.clock() };
  return audited(ctx, { campusId, action: 'closure.update', entityType: 'closure', before: row }, () => ctx.repos.closures.update(closureId, values));
}

/** An archived closure no longer blocks anything; it stays on record. */
export function setClosureArchived(ctx: UseCaseContext, campusId: number, closureId: number, archived: boolean): ClosureRow {
  requireActiveCampus(ctx, campusId);
  const row = requireClosure(ctx, campusId, closureId);
  requirePermission(ctx.actor, campusId, 'facilities.manage');
  const now = ctx.clock();
  const change = { campusId, action: archived ? 'closure.archive' : 'closure.restore', entityType: 'closure', before: row };
  return audited(ctx, change, () => ctx.repos.closures.update(closureId, { archivedAt: archived ? now : null, updatedAt: now }));
}

/** Active occurrences a closure now stands in the way of (bookings are never cancelled by it). */
export function occurrencesBlockedBy(ctx: UseCaseContext, closure: ClosureRow) {
  const spaces = loadSpaceRules(ctx, closure.campusId);
  const rule = toClosureRule(closure);
  return ctx.repos.occurrences
    .listInRange({ campusId: closure.campusId, fromUtc: closure.startUtc, toUtc: closure.endUtc, includeCancelled: false })
    .filter((o) => closureApplies(rule, spaceFamily(o.spaceId, spaces)));
}
