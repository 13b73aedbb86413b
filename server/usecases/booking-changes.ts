import { DomainError, invalidField, unknownReference } from '../domain/errors.js';
import type { ExpandedOccurrence } from '../domain/recurrence.js';
import { ruleAfter, ruleEndingOn } from '../domain/rule-split.js';
import { planSeriesRewrite, replacedIds, type SeriesPlan } from '../domain/series-plan.js';
import { addMinutesWall, localDateOf, wallMinutesBetween } from '../domain/wallclock.js';
import { inWriteTransaction } from '../db/connection.js';
import type { BookingRow } from '../db/repositories/bookings.repository.js';
import type { CampusRow } from '../db/repositories/campuses.repository.js';
import type { OccurrenceRow } from '../db/repositories/occurrences.repository.js';
import { recordChange } from './audit.js';
import { requireChangeable, requireOccurrenceOf } from './booking-guards.js';
import { conflictError, definitionOf, expandBooking, newOccurrence, requireBooking, type BookingAnalysis, type BookingInput, type BookingWithOccurrences } from './bookings.js';
import { findAlternatives, findBookingConflicts, type CandidateGroup, type CheckScope } from './conflict-check.js';
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
  /** Writes the change; returns the booking that now holds the edited occurrences, and what moved. */
  apply: () => { bookingId: number; summary: Record<string, unknown> };
}

/** An exdate is a date or a wall-clock start; either way its first ten characters are its date. */
const exdateDate = (exdate: string) => exdate.slice(0, 10);
const minutesIntoDay = (local: string) => wallMinutesBetween(`${localDateOf(local)}T00:00`, local);

/**
 * Exdates kept from before an edit follow a new time of day: "skip the 16:00 of 8 September"
 * becomes "skip the 17:00 of 8 September" when the series moves to 17:00.
 */
function carriedExdates(exdates: string[], oldStart: string, newStart: string): string[] {
  const shift = minutesIntoDay(newStart) - minutesIntoDay(oldStart);
  return shift === 0 ? exdates : exdates.map((d) => (d.length === 10 ? d : addMinutesWall(d, shift)));
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
  if (changes.start !== undefined && changes.exdates === undefined) next.exdates = carriedExdates(next.exdates, booking.localStart, next.start);
  if (!next.title.trim()) throw invalidField('title', 'must not be blank');
  next.spaceId = checkedSpace(ctx, booking.campusId, next.spaceId, booking.spaceId);
  return next;
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

/**
 * Occurrences that have started are history: a series edit neither moves nor cancels them,
 * creates none in the past, and adds none on a day that already had its occurrence.
 */
function planUpcoming(stored: readonly OccurrenceRow[], expanded: readonly ExpandedOccurrence[], now: number): SeriesPlan<OccurrenceRow> {
  const startedDays = new Set(stored.filter((o) => o.startUtc <= now).map((o) => localDateOf(o.originalLocalStart)));
  return planSeriesRewrite(
    stored.filter((o) => o.startUtc > now),
    expanded.filter((o) => o.startUtc > now && !startedDays.has(localDateOf(o.originalLocalStart))),
  );
}

/** Rewrites the booking's upcoming occurrences to the plan; nothing is deleted. */
function applySeriesPlan(ctx: UseCaseContext, booking: { id: number; campusId: number }, def: BookingInput, plan: SeriesPlan<OccurrenceRow>) {
  const now = ctx.clock();
  const target = { bookingId: booking.id, spaceId: def.spaceId, schoolId: def.schoolId, updatedAt: now };
  for (const { id, occurrence } of plan.updates) {
    ctx.repos.occurrences.update(id, { ...occurrence, ...target, status: 'active', cancelledBy: null, cancelledAt: null });
  }
  const where = { ...target, campusId: booking.campusId };
  ctx.repos.occurrences.insertMany(plan.inserts.map((o) => newOccurrence(o, where)));
  const cancelled = [...plan.dropped, ...plan.orphanedExceptions.map((o) => o.id)];
  for (const id of cancelled) ctx.repos.occurrences.update(id, { status: 'cancelled', cancelledBy: ctx.actor.userId, cancelledAt: now, updatedAt: now });
  return { updated: plan.updates.map((u) => u.id), inserted: plan.inserts.length, cancelled };
}

function seriesPlan(ctx: UseCaseContext, booking: BookingRow, campus: CampusRow, changes: BookingChanges): ChangePlan {
  const def = nextDefinition(ctx, booking, changes);
  const now = ctx.clock();
  const occurrences = expandBooking(campus, def, { lenientExdates: changes.exdates === undefined });
  const plan = planUpcoming(ctx.repos.occurrences.byBooking(booking.id), occurrences, now);
  return {
    group: { spaceId: def.spaceId, attendees: def.attendees, candidates: [...plan.updates.map((u) => u.occurrence), ...plan.inserts] },
    scope: { campus, ignoreOccurrenceIds: replacedIds(plan) },
    occurrences,
    apply: () => {
      ctx.repos.bookings.update(booking.id, definitionColumns(def, ctx.clock()));
      return { bookingId: booking.id, summary: applySeriesPlan(ctx, booking, def, plan) };
    },
  };
}

function occurrencePlan(ctx: UseCaseContext, booking: BookingRow, campus: CampusRow, request: EditRequest): ChangePlan {
  const occurrence = requireOccurrenceOf(ctx, booking, request.occurrenceId);
  if (occurrence.status !== 'active') throw new DomainError('state', `occurrence ${occurrence.id} is cancelled`);
  if (occurrence.startUtc <= ctx.clock()) throw new DomainError('state', `occurrence ${occurrence.id} has already started; what happened stays on record`);
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
      const after = ctx.repos.occurrences.update(occurrence.id, {
        ...times,
        spaceId: targetSpace,
        isException: true,
        title: title === undefined ? occurrence.title : title.trim(),
        attendees: attendees ?? occurrence.attendees,
        updatedAt: now,
      });
      ctx.repos.bookings.update(booking.id, { updatedAt: now });
      return { bookingId: booking.id, summary: { occurrenceBefore: occurrence, occurrenceAfter: after } };
    },
  };
}

/** "This and following": the series ends before the occurrence; a new series carries the change from it on. */
function followingPlan(ctx: UseCaseContext, booking: BookingRow, campus: CampusRow, request: EditRequest): ChangePlan {
  const from = requireOccurrenceOf(ctx, booking, request.occurrenceId);
  if (from.status !== 'active') throw new DomainError('state', `occurrence ${from.id} is cancelled; start "this and following" from an active one`);
  if (booking.rrule === null) return seriesPlan(ctx, booking, campus, request.changes);
  // COUNT counts every instance the rule generates, skipped ones included (RFC 5545)…
  const generated = expandBooking(campus, { ...definitionOf(booking), exdates: [] });
  const generatedBefore = generated.filter((o) => o.originalLocalStart < from.originalLocalStart).length;
  // …while the first part must end on its last occurrence that really takes place.
  const kept = expandBooking(campus, definitionOf(booking), { lenientExdates: true });
  const lastBefore = kept.filter((o) => o.originalLocalStart < from.originalLocalStart).at(-1);
  if (!lastBefore) return seriesPlan(ctx, booking, campus, request.changes);

  const splitDate = localDateOf(from.originalLocalStart);
  const duration = wallMinutesBetween(booking.localStart, booking.localEnd);
  if (request.changes.start !== undefined && localDateOf(request.changes.start) <= localDateOf(lastBefore.originalLocalStart)) {
    throw invalidField('start', `with scope "following", the new start must fall after ${localDateOf(lastBefore.originalLocalStart)}, the last occurrence that stays in the series`);
  }
  // The new series as it would be unchanged (from this occurrence on), then with the changes.
  const remainder: BookingRow = {
    ...booking,
    localStart: from.originalLocalStart,
    localEnd: addMinutesWall(from.originalLocalStart, duration),
    rrule: ruleAfter(booking.rrule, generatedBefore),
    exdates: booking.exdates.filter((d) => exdateDate(d) >= splitDate),
  };
  const def = nextDefinition(ctx, remainder, request.changes);
  const now = ctx.clock();
  const occurrences = expandBooking(campus, def, { lenientExdates: request.changes.exdates === undefined });
  const moving = ctx.repos.occurrences.byBooking(booking.id).filter((o) => o.originalLocalStart >= from.originalLocalStart);
  const plan = planUpcoming(moving, occurrences, now);
  return {
    group: { spaceId: def.spaceId, attendees: def.attendees, candidates: [...plan.updates.map((u) => u.occurrence), ...plan.inserts] },
    scope: { campus, ignoreOccurrenceIds: replacedIds(plan) },
    occurrences,
    apply: () => {
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
      for (const o of moving) ctx.repos.occurrences.update(o.id, { bookingId: successor.id, updatedAt: now });
      const summary = applySeriesPlan(ctx, successor, def, plan);
      recordChange(ctx, {
        campusId: booking.campusId,
        schoolId: booking.schoolId,
        action: 'booking.create',
        entityType: 'booking',
        entityId: successor.id,
        after: { ...successor, splitFromId: booking.id, movedOccurrenceIds: moving.map((o) => o.id) },
      });
      return { bookingId: successor.id, summary: { ...summary, successorId: successor.id } };
    },
  };
}

function planChange(ctx: UseCaseContext, bookingId: number, request: EditRequest): ChangePlan {
  const { booking, campus } = requireChangeable(ctx, bookingId, request.version);
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

/**
 * Edits a booking if the result conflicts with nothing: planned, checked and written under one
 * write lock. The new occurrences are checked against everything they do not replace, the
 * booking's own untouched occurrences included.
 */
export function changeBooking(ctx: UseCaseContext, bookingId: number, request: EditRequest): BookingWithOccurrences {
  const result = inWriteTransaction(ctx.repos.db, () => {
    const plan = planChange(ctx, bookingId, request);
    const conflicts = findBookingConflicts(ctx, plan.scope, [plan.group]);
    if (conflicts.length > 0) return { saved: false as const, plan, conflicts };
    const before = requireBooking(ctx, bookingId);
    const { bookingId: holder, summary } = plan.apply();
    recordChange(ctx, {
      campusId: before.campusId,
      schoolId: before.schoolId,
      action: `booking.change.${request.scope}`,
      entityType: 'booking',
      entityId: bookingId,
      before,
      after: { booking: requireBooking(ctx, bookingId), occurrenceId: request.occurrenceId ?? null, changes: request.changes, occurrences: summary },
    });
    return { saved: true as const, id: holder };
  });
  if (!result.saved) {
    throw conflictError({ occurrences: result.plan.occurrences, conflicts: result.conflicts, alternatives: findAlternatives(ctx, result.plan.scope, result.plan.group) });
  }
  return { booking: requireBooking(ctx, result.id), occurrences: ctx.repos.occurrences.byBooking(result.id) };
}
