/**
 * What the Meeting room shows and offers, worked out from the API's answers: which items, which
 * buttons, how a vote stands, what a refusal means in words (as a dictionary key and its
 * parameters), where the printable copies are. Pure.
 */
import type { AgendaLine } from '../council.types.js';
import type { ActionItem, AttendanceEntry, MeetingStatus, MinutesItem, MinutesStatus, Motion, Vote, VoteChoice } from './meeting.types.js';
import { mayVote } from './attendance.js';

/** Draft and circulated minutes are edited; approved and locked ones only take amendments. */
export const mayEditMinutes = (status: MinutesStatus): boolean => status === 'draft' || status === 'circulated';
export const mayAmendMinutes = (status: MinutesStatus): boolean => status === 'approved' || status === 'locked';

/** The items discussed, in agenda order (merged and withdrawn ones live on inside others, or not at all). */
export function visibleItems(items: readonly MinutesItem[]): MinutesItem[] {
  return items.filter((i) => i.mergedIntoId === null && !i.withdrawn).sort((a, b) => a.position - b.position);
}

/** The titles merged into each item, by the item's id. */
export function mergedTitles(items: readonly MinutesItem[]): Map<number, MinutesItem[]> {
  const into = new Map<number, MinutesItem[]>();
  for (const item of items) if (item.mergedIntoId !== null) into.set(item.mergedIntoId, [...(into.get(item.mergedIntoId) ?? []), item]);
  return into;
}

/** The generated detail lines of the agenda's items (the minutes carry only the English detail), by id. */
export function detailLinesById(agendaItems: ReadonlyArray<{ id: number | null; detailLines: AgendaLine[] | null }>): Map<number, AgendaLine[]> {
  const lines = new Map<number, AgendaLine[]>();
  for (const item of agendaItems) if (item.id !== null && item.detailLines) lines.set(item.id, item.detailLines);
  return lines;
}

export interface MeetingButtons {
  open: boolean;
  close: boolean;
  circulate: boolean;
}

/** The meeting's own buttons, for a council member (others get none). */
export function meetingButtons(meeting: { status: MeetingStatus; minutesStatus: MinutesStatus; cancelled: boolean }, member: boolean): MeetingButtons {
  if (!member || meeting.cancelled) return { open: false, close: false, circulate: false };
  return { open: meeting.status === 'scheduled', close: meeting.status === 'open', circulate: meeting.status === 'closed' && meeting.minutesStatus === 'draft' };
}

/** Motions still being voted on: the meeting may not close while there are any. */
export function openMotions(items: readonly MinutesItem[]): Motion[] {
  return items.flatMap((i) => i.motions).filter((m) => m.status === 'open');
}

export interface Counts {
  yes: number;
  no: number;
  abstain: number;
}

/** How the vote stands: a closed motion's stored counts; an open one's votes of the schools that may vote today. */
export function standing(motion: Pick<Motion, 'status' | 'yes' | 'no' | 'abstain' | 'votes'>, attendance: readonly AttendanceEntry[]): Counts {
  if (motion.status === 'closed') return { yes: motion.yes, no: motion.no, abstain: motion.abstain };
  const voters = new Set(attendance.filter((e) => mayVote(e.status)).map((e) => e.schoolId));
  const counts: Counts = { yes: 0, no: 0, abstain: 0 };
  for (const v of motion.votes) if (voters.has(v.schoolId)) counts[v.vote] += 1;
  return counts;
}

export interface MyBallot {
  schoolId: number;
  vote: VoteChoice | null;
  /** The school is present or represented today. */
  mayVote: boolean;
}

/** For each school the person sits for: its vote so far, and whether it may vote. */
export function myBallots(mySchoolIds: readonly number[], votes: readonly Vote[], attendance: readonly AttendanceEntry[]): MyBallot[] {
  return mySchoolIds.map((schoolId) => {
    const entry = attendance.find((e) => e.schoolId === schoolId);
    return { schoolId, vote: votes.find((v) => v.schoolId === schoolId)?.vote ?? null, mayVote: entry ? mayVote(entry.status) : false };
  });
}

/** Open action items recorded at other meetings (followed up here). */
export function earlierOpenActions(open: readonly ActionItem[], meetingId: number): ActionItem[] {
  return open.filter((a) => a.meetingId !== meetingId && a.status === 'open');
}

/** A refusal in words: a key under meeting.errors and its parameters, or null for one without words of its own. */
export function refusal(problem: { code: string; [extension: string]: unknown }, context: 'amend' | null = null): { key: string; params?: Record<string, unknown> } | null {
  if (problem.code === 'council.stale') return { key: 'stale' };
  if (problem.code === 'forbidden') return { key: typeof problem.minutesStatus === 'string' ? 'draftHidden' : 'notMember' };
  if (problem.code !== 'state') return null;
  if (Array.isArray(problem.openMotionIds)) return { key: 'openMotions', params: { count: problem.openMotionIds.length } };
  if (typeof problem.attendance === 'string') return { key: 'notPresent' };
  if (typeof problem.minutesStatus === 'string') {
    const status = problem.minutesStatus;
    if (typeof problem.event === 'string') return { key: 'minutesStep', params: { status } };
    if (status === 'approved' || status === 'locked') return { key: 'minutesFinal', params: { status } };
    // Draft or circulated: too early to amend, or (a motion's decision) not yet circulated to approve.
    return { key: context === 'amend' ? 'notAmendable' : 'notApprovable', params: { status } };
  }
  if (problem.meetingStatus === 'scheduled') return { key: 'notOpen' };
  if (problem.meetingStatus === 'closed') return { key: 'meetingClosed' };
  if (problem.meetingStatus === 'open') return { key: 'meetingOpen' };
  if (problem.result !== undefined) return { key: 'voteClosed' };
  return null;
}

/** The printable agenda or minutes in a language (the exports are served beside the API). */
export function exportHref(campusId: number, meetingId: number, what: 'agenda' | 'minutes', format: 'html' | 'pdf', lang: string): string {
  return `/api/campuses/${campusId}/council/meetings/${meetingId}/${what}.${format}?lang=${encodeURIComponent(lang)}`;
}

/** Roles that sit on the council for their school: a lead, a council member, the principal (for the building office). */
const COUNCIL_ROLES = new Set(['lead', 'council', 'principal']);

/** The schools a person votes and moves for, from GET /api/me (none: they only read). */
export function councilSchoolIds(schools: ReadonlyArray<{ id: number; role: string }>): number[] {
  return [...new Set(schools.filter((s) => COUNCIL_ROLES.has(s.role)).map((s) => s.id))];
}

