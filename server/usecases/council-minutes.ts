/**
 * The minutes of a council meeting: the meeting opens and closes, attendance is taken, notes are
 * written per agenda item, and the minutes go draft → circulated → approved (by a motion at a
 * later meeting, see council-decisions.ts) → locked (when that later meeting closes). Until they
 * are approved they are simply edited; from then on a correction is an amendment appended beside
 * them. The database triggers refuse any change to locked minutes whatever code runs; these use
 * cases refuse first, with a 409 that says why.
 */
import { inWriteTransaction } from '../db/connection.js';
import type { AgendaItemRow, AmendmentRow, MeetingRow } from '../db/repositories/council.repository.js';
import { mayAmendMinutes, mayEditMinutes, nextMinutesStatus } from '../domain/council/lifecycle.js';
import type { AttendanceStatus } from '../domain/council/votes.js';
import { DomainError, invalidField } from '../domain/errors.js';
import { recordChange } from './audit.js';
import { requireActiveCampus } from './campuses.js';
import { notFound, type UseCaseContext } from './context.js';
import { writtenDown } from './council-agenda.js';
import { ensureMeeting, memberSchools, requireCouncilMember, requireVersion } from './council-meetings.js';
import { attendanceSheet, type AttendanceSheet } from './council-minutes-read.js';

/** Refuses a change to minutes that are approved or locked: they change only by amendment. */
export function requireEditableMinutes(meeting: MeetingRow): void {
  if (!mayEditMinutes(meeting.minutesStatus)) {
    throw new DomainError('state', `The minutes of this meeting are ${meeting.minutesStatus}: they no longer change; add an amendment instead.`, {
      minutesStatus: meeting.minutesStatus,
    });
  }
}

/** Motions are moved, voted and decided while the meeting is in session. */
export function requireOpenMeeting(meeting: MeetingRow): void {
  if (meeting.status !== 'open') {
    throw new DomainError('state', meeting.status === 'scheduled' ? 'The meeting has not been opened yet.' : 'The meeting is closed.', { meetingStatus: meeting.status });
  }
}

/** Votes and amendments are signed by a person (their rows name a user). */
export function signedInPerson(ctx: UseCaseContext): number {
  if (ctx.actor.userId === null) throw new DomainError('unauthenticated', 'Only a signed-in person can do this.');
  return ctx.actor.userId;
}

/** A council write about one meeting: the campus is active, the actor sits on the council. Call inside the transaction. */
export function councilMeetingWrite(ctx: UseCaseContext, campusId: number, meetingId: number, schoolId?: number): MeetingRow {
  requireActiveCampus(ctx, campusId);
  requireCouncilMember(ctx, campusId, schoolId);
  return ensureMeeting(ctx, campusId, meetingId);
}

export function requireAgendaItemOf(ctx: UseCaseContext, meetingId: number, itemId: number): AgendaItemRow {
  const item = ctx.repos.council.agendaItem(itemId);
  if (!item || item.meetingId !== meetingId) throw notFound('agenda item', itemId);
  return item;
}

/**
 * Notes and motions belong to an item on the agenda: one merged into another or withdrawn is not
 * discussed on its own, and the printed minutes (which follow the agenda) would leave them out.
 */
function requireOnTheAgenda(item: AgendaItemRow): void {
  if (item.mergedIntoId !== null) throw new DomainError('state', `Item ${item.id} was merged into item ${item.mergedIntoId}: write there.`, { mergedIntoId: item.mergedIntoId });
  if (item.withdrawnAt !== null) throw new DomainError('state', `Item ${item.id} was withdrawn from the agenda.`);
}

/**
 * The meeting begins. Its agenda is settled now: if nobody wrote it down before, the live draft
 * is written down (as the campus stands now), so that notes and motions have items to belong
 * to; from here on the agenda no longer refreshes itself.
 */
export function openMeeting(ctx: UseCaseContext, campusId: number, meetingId: number): MeetingRow {
  return inWriteTransaction(ctx.repos.db, () => {
    const meeting = councilMeetingWrite(ctx, campusId, meetingId);
    if (meeting.status !== 'scheduled') throw new DomainError('state', `The meeting is already ${meeting.status}.`, { meetingStatus: meeting.status });
    if (meeting.agendaDraftedAt === null) writtenDown(ctx, campusId, meetingId);
    const now = ctx.clock();
    const after = ctx.repos.council.updateMeeting(meetingId, { status: 'open', openedAt: now, updatedAt: now });
    recordChange(ctx, { campusId, action: 'meeting.open', entityType: 'meeting', entityId: meetingId, before: meeting, after });
    return after;
  });
}

/**
 * The meeting ends. Every motion must have been decided first (a motion left open would have no
 * result in the record). Minutes of earlier meetings that this meeting approved are locked now:
 * the approval is final once the meeting that gave it is over.
 */
export function closeMeeting(ctx: UseCaseContext, campusId: number, meetingId: number): { meeting: MeetingRow; lockedMeetingIds: number[] } {
  return inWriteTransaction(ctx.repos.db, () => {
    const meeting = councilMeetingWrite(ctx, campusId, meetingId);
    requireOpenMeeting(meeting);
    const open = ctx.repos.council.motionsOf(meetingId).filter((m) => m.status === 'open');
    if (open.length > 0) {
      throw new DomainError('state', `Close the vote on every motion first (still open: ${open.map((m) => m.id).join(', ')}).`, { openMotionIds: open.map((m) => m.id) });
    }
    const now = ctx.clock();
    const after = ctx.repos.council.updateMeeting(meetingId, { status: 'closed', closedAt: now, updatedAt: now });
    recordChange(ctx, { campusId, action: 'meeting.close', entityType: 'meeting', entityId: meetingId, before: meeting, after });
    const approvedHere = ctx.repos.council.meetingsOf(campusId).filter((m) => m.approvedInId === meetingId && m.minutesStatus === 'approved');
    for (const earlier of approvedHere) {
      const locked = ctx.repos.council.updateMeeting(earlier.occurrenceId, { minutesStatus: nextMinutesStatus(earlier.minutesStatus, 'lock'), lockedAt: now, updatedAt: now });
      recordChange(ctx, { campusId, action: 'meeting.minutes.lock', entityType: 'meeting', entityId: earlier.occurrenceId, before: earlier, after: locked });
    }
    return { meeting: after, lockedMeetingIds: approvedHere.map((m) => m.occurrenceId) };
  });
}

export interface AttendanceEntry {
  schoolId: number;
  status: AttendanceStatus;
  /** Who came, or who represented the school. */
  note?: string;
}

/**
 * Records who is there, school by school (the schools listed; the others keep what they had, and
 * a school never recorded counts as absent). Allowed before, during and after the meeting while
 * the minutes are editable; `version` is the meeting's.
 */
export function setAttendance(ctx: UseCaseContext, campusId: number, meetingId: number, entries: readonly AttendanceEntry[], version?: number): AttendanceSheet {
  return inWriteTransaction(ctx.repos.db, () => {
    const meeting = councilMeetingWrite(ctx, campusId, meetingId);
    requireEditableMinutes(meeting);
    requireVersion(meeting, version);
    const members = new Set(memberSchools(ctx, campusId).map((s) => s.id));
    const seen = new Set<number>();
    entries.forEach((entry, i) => {
      if (!members.has(entry.schoolId)) throw invalidField(`attendance/${i}/schoolId`, `school ${entry.schoolId} is not a member school of this council`);
      if (seen.has(entry.schoolId)) throw invalidField(`attendance/${i}/schoolId`, `school ${entry.schoolId} is listed more than once`);
      seen.add(entry.schoolId);
    });
    const before = ctx.repos.council.attendance(meetingId);
    const now = ctx.clock();
    const saved = entries.map((entry) =>
      ctx.repos.council.saveAttendance({ meetingId, schoolId: entry.schoolId, status: entry.status, note: entry.note?.trim() ?? '', updatedBy: ctx.actor.userId, updatedAt: now }),
    );
    ctx.repos.council.updateMeeting(meetingId, { updatedAt: now });
    recordChange(ctx, { campusId, action: 'meeting.attendance', entityType: 'meeting', entityId: meetingId, before, after: saved });
    return attendanceSheet(ctx, campusId, meetingId);
  });
}

/**
 * The minutes of one agenda item. `version` is the item's as the writer loaded it: if someone
 * else saved meanwhile, the write is refused (409 council.stale) rather than overwriting their text.
 */
export function writeNotes(ctx: UseCaseContext, campusId: number, meetingId: number, itemId: number, input: { notes: string; version: number }): AgendaItemRow {
  return inWriteTransaction(ctx.repos.db, () => {
    const meeting = councilMeetingWrite(ctx, campusId, meetingId);
    const item = requireAgendaItemOf(ctx, meetingId, itemId);
    requireEditableMinutes(meeting);
    requireOnTheAgenda(item);
    requireVersion(item, input.version);
    const after = ctx.repos.council.updateAgendaItem(itemId, { notes: input.notes, updatedAt: ctx.clock() });
    recordChange(ctx, { campusId, schoolId: item.schoolId, action: 'agenda_item.notes', entityType: 'agenda_item', entityId: itemId, before: item, after });
    return after;
  });
}

/** The note-taker sends the minutes round once the meeting is over; a later meeting approves them. */
export function circulateMinutes(ctx: UseCaseContext, campusId: number, meetingId: number): MeetingRow {
  return inWriteTransaction(ctx.repos.db, () => {
    const meeting = councilMeetingWrite(ctx, campusId, meetingId);
    if (meeting.status !== 'closed') throw new DomainError('state', 'Minutes are circulated after the meeting closes.', { meetingStatus: meeting.status });
    const minutesStatus = nextMinutesStatus(meeting.minutesStatus, 'circulate');
    const now = ctx.clock();
    const after = ctx.repos.council.updateMeeting(meetingId, { minutesStatus, circulatedAt: now, updatedAt: now });
    recordChange(ctx, { campusId, action: 'meeting.minutes.circulate', entityType: 'meeting', entityId: meetingId, before: meeting, after });
    return after;
  });
}

/** A correction to approved or locked minutes: appended with who and when, never edited or removed. */
export function amendMinutes(ctx: UseCaseContext, campusId: number, meetingId: number, input: { text: string }): AmendmentRow & { byName: string } {
  return inWriteTransaction(ctx.repos.db, () => {
    const meeting = councilMeetingWrite(ctx, campusId, meetingId);
    if (!mayAmendMinutes(meeting.minutesStatus)) {
      throw new DomainError('state', `These minutes are ${meeting.minutesStatus}: edit them directly; amendments are for approved minutes.`, { minutesStatus: meeting.minutesStatus });
    }
    const text = input.text.trim();
    if (text === '') throw invalidField('text', 'must not be empty');
    const row = ctx.repos.council.insertAmendment({ meetingId, text, byUserId: signedInPerson(ctx), createdAt: ctx.clock() });
    recordChange(ctx, { campusId, action: 'meeting.minutes.amend', entityType: 'meeting', entityId: meetingId, after: row });
    return { ...row, byName: ctx.repos.users.get(row.byUserId)?.name ?? '' };
  });
}
