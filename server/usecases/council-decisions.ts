/**
 * What a motion decides, and how a carried decision takes effect. A decision about the calendar
 * (cancel a booking, lift a closure) or about earlier minutes (approve them) is applied through
 * the same use cases as any other change, inside the transaction that records the result, so the
 * vote and its effect commit together or not at all.
 */
import type { MeetingRow } from '../db/repositories/council.repository.js';
import { nextMinutesStatus } from '../domain/council/lifecycle.js';
import { DomainError, invalidField, unknownReference } from '../domain/errors.js';
import { recordChange } from './audit.js';
import { cancelBooking } from './booking-cancel.js';
import type { ChangeScope } from './booking-changes.js';
import { setClosureArchived } from './closures.js';
import type { UseCaseContext } from './context.js';
import { listMeetings } from './council-meetings.js';

export type Decision =
  | { kind: 'booking'; bookingId: number; occurrenceId?: number; action: 'cancel'; scope: ChangeScope }
  | { kind: 'closure'; closureId: number; action: 'lift' }
  | { kind: 'conflict'; ref: string }
  | { kind: 'policy'; text: string }
  | { kind: 'minutes'; meetingId: number };

/** Checks that a decision names records of this campus it can apply to; returns it as stored. */
export function validateDecision(ctx: UseCaseContext, campusId: number, meeting: MeetingRow, decision: Decision): Decision {
  switch (decision.kind) {
    case 'booking': {
      const booking = ctx.repos.bookings.get(decision.bookingId);
      if (booking?.campusId !== campusId) throw unknownReference('decision/bookingId', 'booking', decision.bookingId);
      if (booking.status === 'cancelled') throw invalidField('decision/bookingId', `booking ${booking.id} is already cancelled`);
      if (decision.occurrenceId !== undefined && ctx.repos.occurrences.get(decision.occurrenceId)?.bookingId !== booking.id) {
        throw invalidField('decision/occurrenceId', `occurrence ${decision.occurrenceId} is not part of booking ${booking.id}`);
      }
      if (decision.scope !== 'series' && decision.occurrenceId === undefined) throw invalidField('decision/occurrenceId', `is required for scope ${decision.scope}`);
      return { kind: 'booking', bookingId: booking.id, ...(decision.occurrenceId === undefined ? {} : { occurrenceId: decision.occurrenceId }), action: 'cancel', scope: decision.scope };
    }
    case 'closure': {
      const closure = ctx.repos.closures.get(decision.closureId);
      if (closure?.campusId !== campusId) throw unknownReference('decision/closureId', 'closure', decision.closureId);
      if (closure.archivedAt !== null) throw invalidField('decision/closureId', `closure ${closure.id} is already lifted`);
      return { kind: 'closure', closureId: closure.id, action: 'lift' };
    }
    case 'conflict':
      return { kind: 'conflict', ref: nonEmpty('decision/ref', decision.ref) };
    case 'policy':
      return { kind: 'policy', text: nonEmpty('decision/text', decision.text) };
    case 'minutes':
      requireApprovable(ctx, campusId, meeting, decision.meetingId);
      return { kind: 'minutes', meetingId: decision.meetingId };
  }
}

function nonEmpty(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw invalidField(field, 'must not be empty');
  return trimmed;
}

/** Minutes are approved by a later meeting, once they have been circulated. */
function requireApprovable(ctx: UseCaseContext, campusId: number, meeting: MeetingRow, targetId: number): MeetingRow {
  const target = listMeetings(ctx, campusId).meetings.find((m) => m.occurrence.occurrenceId === targetId);
  if (!target) throw unknownReference('decision/meetingId', 'meeting', targetId);
  if (target.sequence >= meeting.sequence) throw invalidField('decision/meetingId', 'a meeting approves the minutes of an earlier meeting only');
  const status = target.meeting?.minutesStatus ?? 'draft';
  if (status !== 'circulated' || !target.meeting) {
    throw new DomainError('state', `The minutes of meeting ${targetId} are ${status}: only circulated minutes can be approved.`, { minutesStatus: status });
  }
  return target.meeting;
}

/**
 * Applies a carried decision inside the caller's transaction; true when it changed something
 * (a conflict reference or a policy is a record of what was decided, nothing more). Any refusal
 * (the occurrence has started, the booking was cancelled meanwhile) propagates and the caller's
 * whole transaction — the vote's result included — is rolled back.
 */
export function applyDecision(ctx: UseCaseContext, campusId: number, meeting: MeetingRow, decision: Decision): boolean {
  // The council decides for the building as a whole: a carried motion may cancel any school's
  // booking or lift a closure, though the member who closes the vote could do neither alone
  // (a lead changes only their own school's bookings; closures are the facilities managers').
  // So the change runs as a trusted system change; it is still audited under this person's id,
  // and the motion, its votes and its result are the record of who decided it.
  const asCouncil: UseCaseContext = { ...ctx, actor: { ...ctx.actor, system: true } };
  switch (decision.kind) {
    case 'booking': {
      if (ctx.repos.bookings.get(decision.bookingId)?.campusId !== campusId) throw unknownReference('decision/bookingId', 'booking', decision.bookingId);
      cancelBooking(asCouncil, decision.bookingId, { scope: decision.scope, ...(decision.occurrenceId === undefined ? {} : { occurrenceId: decision.occurrenceId }) });
      return true;
    }
    case 'closure': {
      const closure = ctx.repos.closures.get(decision.closureId);
      if (closure?.campusId !== campusId) throw unknownReference('decision/closureId', 'closure', decision.closureId);
      if (closure.archivedAt !== null) throw new DomainError('state', `closure ${closure.id} has already been lifted`);
      setClosureArchived(asCouncil, campusId, decision.closureId, true);
      return true;
    }
    case 'minutes': {
      const target = requireApprovable(ctx, campusId, meeting, decision.meetingId);
      const now = ctx.clock();
      const after = ctx.repos.council.updateMeeting(target.occurrenceId, {
        minutesStatus: nextMinutesStatus(target.minutesStatus, 'approve'),
        approvedInId: meeting.occurrenceId,
        approvedAt: now,
        updatedAt: now,
      });
      recordChange(ctx, { campusId, action: 'meeting.minutes.approve', entityType: 'meeting', entityId: target.occurrenceId, before: target, after });
      return true;
    }
    case 'conflict':
    case 'policy':
      return false;
  }
}
