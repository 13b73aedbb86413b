/**
 * Motions of a council meeting: moved by a member school, voted one vote per school by whoever
 * sits for it, and closed with a tally under the quorum rule. Equal standing: the building office
 * votes like any school, and nobody votes for a school they do not sit for.
 */
import { inWriteTransaction } from '../db/connection.js';
import { mayVote, tally, type VoteChoice } from '../domain/council/votes.js';
import { DomainError, invalidField, unknownReference } from '../domain/errors.js';
import { recordChange } from './audit.js';
import { notFound, type UseCaseContext } from './context.js';
import { applyDecision, validateDecision, type Decision } from './council-decisions.js';
import { memberSchools } from './council-meetings.js';
import { councilMeetingWrite, requireEditableMinutes, requireOpenMeeting, signedInPerson } from './council-minutes.js';
import { attendanceSheet, withVotes, type MotionWithVotes } from './council-minutes-read.js';

export interface MotionInput {
  agendaItemId: number;
  text: string;
  /** A school the person moving it sits for. */
  moverSchoolId: number;
  seconderSchoolId?: number | null;
  decision?: Decision | null;
}

function requireMotionOf(ctx: UseCaseContext, meetingId: number, motionId: number) {
  const motion = ctx.repos.council.motion(motionId);
  if (!motion || motion.meetingId !== meetingId) throw notFound('motion', motionId);
  return motion;
}

function motionView(ctx: UseCaseContext, motionId: number): MotionWithVotes {
  return withVotes(ctx, [ctx.repos.council.motion(motionId)!])[0]!;
}

/** A member moves a motion on an agenda item, in the name of a school they sit for, while the meeting is open. */
export function proposeMotion(ctx: UseCaseContext, campusId: number, meetingId: number, input: MotionInput): MotionWithVotes {
  return inWriteTransaction(ctx.repos.db, () => {
    const meeting = councilMeetingWrite(ctx, campusId, meetingId, input.moverSchoolId);
    requireEditableMinutes(meeting);
    requireOpenMeeting(meeting);
    const item = ctx.repos.council.agendaItem(input.agendaItemId);
    if (item?.meetingId !== meetingId) throw unknownReference('agendaItemId', 'agenda item of this meeting', input.agendaItemId);
    if (item.mergedIntoId !== null || item.withdrawnAt !== null) throw invalidField('agendaItemId', `item ${item.id} is not on the agenda (merged or withdrawn)`);
    const members = new Set(memberSchools(ctx, campusId).map((s) => s.id));
    if (!members.has(input.moverSchoolId)) throw invalidField('moverSchoolId', `school ${input.moverSchoolId} is not a member school of this council`);
    const seconder = input.seconderSchoolId ?? null;
    if (seconder !== null && (!members.has(seconder) || seconder === input.moverSchoolId)) {
      throw invalidField('seconderSchoolId', 'must be another member school than the mover');
    }
    const text = input.text.trim();
    if (text === '') throw invalidField('text', 'must not be empty');
    const decision = input.decision ? validateDecision(ctx, campusId, meeting, input.decision) : null;
    const row = ctx.repos.council.insertMotion({
      meetingId,
      agendaItemId: item.id,
      text,
      moverSchoolId: input.moverSchoolId,
      seconderSchoolId: seconder,
      decision: decision as Record<string, unknown> | null,
      status: 'open',
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock(),
    });
    recordChange(ctx, { campusId, schoolId: input.moverSchoolId, action: 'motion.create', entityType: 'motion', entityId: row.id, after: row });
    return motionView(ctx, row.id);
  });
}

/**
 * One vote per school: whoever sits for the school casts it, the school must be present or
 * represented, and voting again before the motion closes replaces the school's vote.
 */
export function castVote(ctx: UseCaseContext, campusId: number, meetingId: number, motionId: number, input: { schoolId: number; vote: VoteChoice }): MotionWithVotes {
  return inWriteTransaction(ctx.repos.db, () => {
    const meeting = councilMeetingWrite(ctx, campusId, meetingId, input.schoolId);
    const motion = requireMotionOf(ctx, meetingId, motionId);
    requireEditableMinutes(meeting);
    requireOpenMeeting(meeting);
    if (motion.status !== 'open') throw new DomainError('state', `The vote on motion ${motionId} is closed.`, { result: motion.result });
    const present = attendanceSheet(ctx, campusId, meetingId).entries.find((e) => e.school.id === input.schoolId);
    if (!present) throw invalidField('schoolId', `school ${input.schoolId} is not a member school of this council`);
    if (!mayVote(present.status)) {
      throw new DomainError('state', `${present.school.name} is not recorded as present or represented at this meeting, so it cannot vote.`, { schoolId: input.schoolId, attendance: present.status });
    }
    const before = ctx.repos.council.votesOf([motionId]).find((v) => v.schoolId === input.schoolId) ?? null;
    const after = ctx.repos.council.saveVote({ motionId, schoolId: input.schoolId, vote: input.vote, castBy: signedInPerson(ctx), castAt: ctx.clock() });
    recordChange(ctx, { campusId, schoolId: input.schoolId, action: 'motion.vote', entityType: 'motion', entityId: motionId, before, after });
    return motionView(ctx, motionId);
  });
}

/**
 * Ends the vote: quorum from today's attendance, the votes of the schools present (a vote cast
 * by a school later marked absent does not count), and the result stored with its counts. A
 * carried decision is applied in the same transaction; if it cannot be applied, nothing changes
 * and the motion stays open (the council may vote again, or vote it down).
 */
export function closeMotion(ctx: UseCaseContext, campusId: number, meetingId: number, motionId: number): MotionWithVotes {
  return inWriteTransaction(ctx.repos.db, () => {
    const meeting = councilMeetingWrite(ctx, campusId, meetingId);
    const motion = requireMotionOf(ctx, meetingId, motionId);
    requireEditableMinutes(meeting);
    requireOpenMeeting(meeting);
    if (motion.status !== 'open') throw new DomainError('state', `The vote on motion ${motionId} is already closed.`, { result: motion.result });
    const sheet = attendanceSheet(ctx, campusId, meetingId);
    const voters = new Set(sheet.entries.filter((e) => mayVote(e.status)).map((e) => e.school.id));
    const counted = ctx.repos.council.votesOf([motionId]).filter((v) => voters.has(v.schoolId));
    const decision = motion.decision as Decision | null;
    // Attendance is recorded by any member, so for a decision that changes the calendar (another
    // school's booking, a closure) the quorum must also be among the schools that actually voted:
    // one member cannot mark the others present and carry it alone.
    const changesCalendar = decision?.kind === 'booking' || decision?.kind === 'closure';
    const quorumMet = sheet.quorum.met && (!changesCalendar || counted.length >= sheet.quorum.required);
    const { yes, no, abstain, result } = tally(counted, { quorumMet });
    const now = ctx.clock();
    const applied = result === 'carried' && decision !== null && applyDecision(ctx, campusId, meeting, decision);
    const after = ctx.repos.council.updateMotion(motionId, { status: 'closed', result, yes, no, abstain, closedAt: now, appliedAt: applied ? now : null });
    recordChange(ctx, { campusId, action: 'motion.close', entityType: 'motion', entityId: motionId, before: motion, after: { ...after, quorum: sheet.quorum } });
    return motionView(ctx, motionId);
  });
}
