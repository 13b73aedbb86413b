import { DomainError, invalidField, unknownReference } from '../domain/errors.js';
import type { ExpandedOccurrence } from '../domain/recurrence.js';
import { ruleAfter, ruleEndingOn } from '../domain/rule-split.js';
import { planSeriesRewrite, splitAt, type SeriesPlan } from '../domain/series-plan.js';
import { addMinutesWall, localDateOf, wallMinutesBetween } from '../domain/wallclock.js';
import { inWriteTransaction } from '../db/connection.js';
import type { BookingRow } from '../db/repositories/bookings.repository.js';
import type { CampusRow } from '../db/repositories/campuses.repository.js';
import type { OccurrenceRow } from '../db/repositories/occurrences.repository.js';
import { conflictError, definitionOf, expandBooking, requireBooking, type BookingAnalysis, type BookingInput, type BookingWithOccurrences } from './bookings.js';
import { requireActiveCampus } from './campuses.js';
import { findAlternatives, findBookingConflicts, type CandidateGroup, type CheckScope } from './conflict-check.js';
import { recordChange } from './audit.js';
import { requireActingForSchool } from './authorize.js';
import type { UseCaseContext } from './context.js';

export type ChangeScope = 'series' | 'following' | 'occurrence';
export type BookingChanges = Partial<Omit<BookingInput, 'schoolId'>>;

export interface EditRequest {
  scope: ChangeScope;
  /** Required for 'occurrence' and 'following': the occurrence the change starts from. */
  occurrenceId?: number;
  /** The version the editor saw; a mismatch means someone else changed the booking meanwhile. */
  version?: number;
  changes: BookingChanges;
}

/** A change worked out against the current state: what to check, and how to write it. */
interface ChangePlan {
  group: CandidateGroup;
  scope: CheckScope;
  occurrences: ExpandedOccurrence[];
  apply: () => number; // returns the id of the booking that now holds the edited occurrences
}

/** An exdate is a date or a wall-clock start; either way its first ten characters are its date. */
function exdateDate(exdate: string): string {
  return exdate.slice(0, 10);
}

function requireEditable(ctx: UseCaseContext, bookingId: number, version: number | undefined) {
  const booking = requireBooking(ctx, bookingId);
  if (booking.status === 'cancelled') throw new DomainError('state', `booking ${bookingId} is cancelled`);
  if (version !== undefined && version !== booking.version) {
    throw new DomainError('booking.stale', `booking ${bookingId} changed since you loaded it (version ${version}, now ${booking.version}); reload and try again`, {
      currentVersion: booking.version,
    });
  }
  requireActingForSchool(ctx.actor, booking.campusId, booking.schoolId);
  return { booking, campus: requireActiveCampus(ctx, booking.campusId) };
}

function requireOccurrenceOf(ctx: UseCaseContext, booking: BookingRow, occurrenceId: number | undefined): OccurrenceRow {
  if (occurrenceId === undefined) throw invalidField('occurrenceId', 'is required for this scope');
  const occurrence = ctx.repos.occurrences.get(occurrenceId);
  if (!occurrence || occurrence.bookingId !== booking.id) throw invalidField('occurrenceId', `occurrence ${occurrenceId} is not part of booking ${booking.id}`);
  return occurrence;
}

function checkedSpace(ctx: UseCaseContext, campusId: number, spaceId: number, previous: number) {
  const space = ctx.repos.spaces.get(spaceId);
  if (space?.campusId !== campusId) throw unknownReference('spaceId', 'space', spaceId);
  if (spaceId !== previous && space.archivedAt !== null) throw invalidField('spaceId', `space ${spaceId} (${space.name}) is archived`);
  return space.id;
}

/** The booking's definition with the changes applied and checked. */
function nextDefinition(ctx: UseCaseContext, booking: BookingRow, changes: BookingChanges): BookingInput {
  const next: BookingInput = { ...definitionOf(booking), ...changes };
  // Moving only the start keeps the length, as in any calendar.
  if (changes.start !== undefined && changes.end === undefined) next.end = addMinutesWall(next.start, wallMinutesBetween(booking.localStart, booking.localEnd));
  if (!next.title.trim()) throw invalidField('title', 'must not be blank');
  next.spaceId = checkedSpace(ctx, booking.campusId, next.spaceId, booking.spaceId);
  return next;
}

function applySeriesPlan(ctx: UseCaseContext, booking: { id: number; campusId: number }, def: BookingInput, plan: SeriesPlan<OccurrenceRow>): void {
  const target = { bookingId: booking.id, spaceId: def.spaceId, schoolId: def.schoolId, updatedAt: ctx.clock() };
  for (const { id, occurrence } of plan.updates) ctx.repos.occurrences.update(id, { ...occurrence, ...target });
  ctx.repos.occurrences.insertMany(plan.inserts.map((o) => ({ ...o, ...target, campusId: booking.campusId, status: 'active' as const })));
  ctx.repos.occurrences.deleteMany(plan.deletes);
  for (const o of plan.orphanedExceptions) {
    ctx.repos.occurrences.update(o.id, { status: 'cancelled', cancelledBy: ctx.actor.userId, cancelledAt: target.updatedAt, updatedAt: target.updatedAt });
  }
}

function definitionColumns(def: BookingInput, now: number) {
  return {
    spaceId: def.spaceId,
    title: def.title.trim(),
    purpose: def.purpose.trim(),
    attendees: def.attendees,
    localStart: def.start,
    localEnd: def.end,
    rrule: def.rrule,
    exdates: def.exdates,
    updatedAt: now,
  };
}

function seriesPlan(ctx: UseCaseContext, booking: BookingRow, campus: CampusRow, changes: BookingChanges): ChangePlan {
  const def = nextDefinition(ctx, booking, changes);
  const occurrences = expandBooking(campus, def, { lenientExdates: changes.exdates === undefined });
  const stored = ctx.repos.occurrences.byBooking(booking.id);
  const plan = planSeriesRewrite(stored, occurrences);
  return {
    group: { spaceId: def.spaceId, attendees: def.attendees, candidates: [...plan.updates.map((u) => u.occurrence), ...plan.inserts] },
    scope: { campus, ignoreOccurrenceIds: new Set(stored.map((o) => o.id)) },
    occurrences,
    apply: () => {
      ctx.repos.bookings.update(booking.id, definitionColumns(def, ctx.clock()));
      applySeriesPlan(ctx, booking, def, plan);
      return booking.id;
    },
  };
}

function occurrencePlan(ctx: UseCaseContext, booking: BookingRow, campus: CampusRow, request: EditRequest): ChangePlan {
  const occurrence = requireOccurrenceOf(ctx, booking, request.occurrenceId);
  if (occurrence.status !== 'active') throw new DomainError('state', `occurrence ${occurrence.id} is cancelled`);
  const { title, attendees, spaceId, start, end, ...seriesOnly } = request.changes;
  const [seriesField] = Object.keys(seriesOnly);
  if (seriesField) throw invalidField(seriesField, 'applies to the whole series; use scope "series" or "following"');
  if (title !== undefined && !title.trim()) throw invalidField('title', 'must not be blank');
  const localStart = start ?? occurrence.localStart;
  const localEnd = end ?? addMinutesWall(localStart, wallMinutesBetween(occurrence.localStart, occurrence.localEnd));
  const [moved] = expandBooking(campus, { start: localStart, end: localEnd, rrule: null, exdates: [] });
  const targetSpace = checkedSpace(ctx, campus.id, spaceId ?? occurrence.spaceId, occurrence.spaceId);
  const headCount = attendees ?? occurrence.attendees ?? booking.attendees;
  const times = { ...moved!, originalLocalStart: occurrence.originalLocalStart };
  return {
    group: { spaceId: targetSpace, attendees: headCount, candidates: [times] },
    scope: { campus, ignoreOccurrenceIds: new Set([occurrence.id]) },
    occurrences: [times],
    apply: () => {
      const now = ctx.clock();
      ctx.repos.occurrences.update(occurrence.id, {
        ...times,
        spaceId: targetSpace,
        isException: true,
        title: title === undefined ? occurrence.title : title.trim(),
        attendees: attendees ?? occurrence.attendees,
        updatedAt: now,
      });
      ctx.repos.bookings.update(booking.id, { updatedAt: now });
      return booking.id;
    },
  };
}

/** "This and following": the series ends before the occurrence; a new series carries the change from it on. */
function followingPlan(ctx: UseCaseContext, booking: BookingRow, campus: CampusRow, request: EditRequest): ChangePlan {
  const from = requireOccurrenceOf(ctx, booking, request.occurrenceId);
  if (booking.rrule === null) return seriesPlan(ctx, booking, campus, request.changes);
  const instances = expandBooking(campus, { start: booking.localStart, end: booking.localEnd, rrule: booking.rrule, exdates: [] });
  const before = instances.filter((o) => o.originalLocalStart < from.originalLocalStart);
  const lastBefore = before.at(-1);
  if (!lastBefore) return seriesPlan(ctx, booking, campus, request.changes);

  const splitDate = localDateOf(from.originalLocalStart);
  const duration = wallMinutesBetween(booking.localStart, booking.localEnd);
  const start = request.changes.start ?? from.originalLocalStart;
  const def = nextDefinition(ctx, booking, {
    start,
    end: addMinutesWall(start, duration),
    rrule: ruleAfter(booking.rrule, before.length),
    exdates: booking.exdates.filter((d) => exdateDate(d) >= splitDate),
    ...request.changes,
  });
  const occurrences = expandBooking(campus, def, { lenientExdates: request.changes.exdates === undefined });
  const stored = ctx.repos.occurrences.byBooking(booking.id);
  const plan = planSeriesRewrite(splitAt(stored, from.originalLocalStart).from, occurrences);
  return {
    group: { spaceId: def.spaceId, attendees: def.attendees, candidates: [...plan.updates.map((u) => u.occurrence), ...plan.inserts] },
    scope: { campus, ignoreOccurrenceIds: new Set(stored.map((o) => o.id)) },
    occurrences,
    apply: () => {
      const now = ctx.clock();
      ctx.repos.bookings.update(booking.id, {
        rrule: ruleEndingOn(booking.rrule!, localDateOf(lastBefore.originalLocalStart)),
        exdates: booking.exdates.filter((d) => exdateDate(d) < splitDate),
        updatedAt: now,
      });
      const successor = ctx.repos.bookings.insert({
        ...definitionColumns(def, now),
        campusId: booking.campusId,
        schoolId: booking.schoolId,
        status: 'active',
        splitFromId: booking.id,
        createdBy: ctx.actor.userId,
        createdAt: now,
      });
      for (const o of splitAt(stored, from.originalLocalStart).from) ctx.repos.occurrences.update(o.id, { bookingId: successor.id, updatedAt: now });
      applySeriesPlan(ctx, successor, def, plan);
      return successor.id;
    },
  };
}

function planChange(ctx: UseCaseContext, bookingId: number, request: EditRequest): ChangePlan {
  const { booking, campus } = requireEditable(ctx, bookingId, request.version);
  if (request.scope === 'occurrence') return occurrencePlan(ctx, booking, campus, request);
  if (request.scope === 'following') return followingPlan(ctx, booking, campus, request);
  return seriesPlan(ctx, booking, campus, request.changes);
}

/** The dry run of an edit: the same analysis, nothing written. */
export function checkBookingChange(ctx: UseCaseContext, bookingId: number, request: EditRequest): BookingAnalysis {
  const plan = planChange(ctx, bookingId, request);
  const conflicts = findBookingConflicts(ctx, plan.scope, [plan.group]);
  return { occurrences: plan.occurrences, conflicts, alternatives: conflicts.length > 0 ? findAlternatives(ctx, plan.scope, plan.group) : null };
}

/** Edits a booking if the result conflicts with nothing; planned, checked and written under one write lock. */
export function changeBooking(ctx: UseCaseContext, bookingId: number, request: EditRequest): BookingWithOccurrences {
  const result = inWriteTransaction(ctx.repos.db, () => {
    const plan = planChange(ctx, bookingId, request);
    const conflicts = findBookingConflicts(ctx, plan.scope, [plan.group]);
    if (conflicts.length > 0) return { saved: false as const, plan, conflicts };
    const before = requireBooking(ctx, bookingId);
    const id = plan.apply();
    recordChange(ctx, {
      campusId: before.campusId,
      schoolId: before.schoolId,
      action: `booking.change.${request.scope}`,
      entityType: 'booking',
      entityId: bookingId,
      before,
      after: { booking: requireBooking(ctx, id), occurrenceId: request.occurrenceId ?? null, changes: request.changes },
    });
    return { saved: true as const, id };
  });
  if (!result.saved) {
    throw conflictError({ occurrences: result.plan.occurrences, conflicts: result.conflicts, alternatives: findAlternatives(ctx, result.plan.scope, result.plan.group) });
  }
  return { booking: requireBooking(ctx, result.id), occurrences: ctx.repos.occurrences.byBooking(result.id) };
}
