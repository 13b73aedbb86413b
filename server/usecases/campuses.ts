import { DateTime } from 'luxon';
import { DomainError, invalidField } from '../domain/errors.js';
import { canonicalTimeZone, isLocalDate, isValidTimeZone } from '../domain/wallclock.js';
import type { CampusRow } from '../db/repositories/campuses.repository.js';
import { inWriteTransaction } from '../db/connection.js';
import { audited, recordChange } from './audit.js';
import { requirePermission } from './authorize.js';
import { notFound, type UseCaseContext } from './context.js';

export interface CampusInput {
  name: string;
  timeZone: string;
  yearStart: string;
  yearEnd: string;
}

/** A school year is at most this long; it bounds every series on the campus. */
const MAX_YEAR_DAYS = 400;

/** Checks a campus and returns it normalised (trimmed name, canonical time zone). */
function validateCampus(input: CampusInput): CampusInput {
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be blank');
  if (!isValidTimeZone(input.timeZone)) throw invalidField('timeZone', `"${input.timeZone}" is not an IANA time zone (for example America/Los_Angeles)`);
  if (!isLocalDate(input.yearStart)) throw invalidField('yearStart', 'must be a date YYYY-MM-DD');
  if (!isLocalDate(input.yearEnd)) throw invalidField('yearEnd', 'must be a date YYYY-MM-DD');
  const days = DateTime.fromISO(input.yearEnd, { zone: 'utc' }).diff(DateTime.fromISO(input.yearStart, { zone: 'utc' }), 'days').days;
  if (days <= 0) throw invalidField('yearEnd', 'must be after yearStart');
  if (days > MAX_YEAR_DAYS) throw invalidField('yearEnd', `a school year spans at most ${MAX_YEAR_DAYS} days`);
  return { ...input, name, timeZone: canonicalTimeZone(input.timeZone) };
}

export function requireCampus({ repos }: Pick<UseCaseContext, 'repos'>, campusId: number): CampusRow {
  const campus = repos.campuses.get(campusId);
  if (!campus) throw notFound('campus', campusId);
  return campus;
}

/** Reading a campus: anyone with a role on it. */
export function getCampus(ctx: UseCaseContext, campusId: number): CampusRow {
  const campus = requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  return campus;
}

/** Campuses where the person has a role (all of them for the system). */
export function listCampuses(ctx: UseCaseContext, includeArchived: boolean): CampusRow[] {
  const visible = new Set(ctx.actor.memberships.map((m) => m.campusId));
  return ctx.repos.campuses.list(includeArchived).filter((c) => ctx.actor.system || visible.has(c.id));
}

/** Only a campus admin (or the system) creates a campus; its creator becomes its first admin. */
export function createCampus(ctx: UseCaseContext, input: CampusInput): CampusRow {
  if (!ctx.actor.system && !ctx.actor.memberships.some((m) => m.role === 'admin')) {
    throw new DomainError('forbidden', 'Only a campus admin can create a campus.');
  }
  const values = validateCampus(input);
  const now = ctx.clock();
  return inWriteTransaction(ctx.repos.db, () => {
    const campus = ctx.repos.campuses.insert({ ...values, createdAt: now, updatedAt: now });
    if (ctx.actor.userId !== null) ctx.repos.users.addMembership({ userId: ctx.actor.userId, campusId: campus.id, role: 'admin', schoolId: null, createdAt: now });
    recordChange(ctx, { campusId: campus.id, action: 'campus.create', entityType: 'campus', entityId: campus.id, after: campus });
    return campus;
  });
}

export function updateCampus(ctx: UseCaseContext, campusId: number, changes: Partial<CampusInput>): CampusRow {
  const campus = requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.settings');
  const next = validateCampus({ name: campus.name, timeZone: campus.timeZone, yearStart: campus.yearStart, yearEnd: campus.yearEnd, ...changes });
  return audited(ctx, { campusId, action: 'campus.update', entityType: 'campus', before: campus }, () => {
    // Checked under the write lock: bookings and closures are stored as UTC instants of the
    // old zone, and one committed meanwhile would drift too.
    const hasTimedRecords = ctx.repos.bookings.campusHasOccurrences(campusId) || ctx.repos.closures.campusHasClosures(campusId);
    if (next.timeZone !== campus.timeZone && hasTimedRecords) {
      throw new DomainError('campus.time_zone_locked', 'The time zone cannot change once the campus has bookings or closures: their wall-clock times would move.', {
        fields: [{ field: 'timeZone', message: 'locked: the campus has bookings or closures' }],
      });
    }
    return ctx.repos.campuses.update(campusId, { ...next, updatedAt: ctx.clock() });
  });
}

export function setCampusArchived(ctx: UseCaseContext, campusId: number, archived: boolean): CampusRow {
  const campus = requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.settings');
  const now = ctx.clock();
  const action = archived ? 'campus.archive' : 'campus.restore';
  return audited(ctx, { campusId, action, entityType: 'campus', before: campus }, () => ctx.repos.campuses.update(campusId, { archivedAt: archived ? now : null, updatedAt: now }));
}

/** Writes are refused on an archived campus; it stays readable. */
export function requireActiveCampus(ctx: Pick<UseCaseContext, 'repos'>, campusId: number): CampusRow {
  const campus = requireCampus(ctx, campusId);
  if (campus.archivedAt !== null) throw new DomainError('state', `campus ${campusId} is archived`);
  return campus;
}
