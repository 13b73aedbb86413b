/**
 * Reading the minutes of a meeting: everything the minutes page and its export show, resolved
 * in one place. Circulated (and later) minutes are the council's public record, read by every
 * role on the campus; a draft is still being written, so only the council and the campus's
 * admins read it.
 */
import type { ActionItemRow, AgendaItemRow, AmendmentRow, MotionRow, VoteRow } from '../db/repositories/council.repository.js';
import type { SchoolRow } from '../db/repositories/schools.repository.js';
import { agendaTimes } from '../domain/council/agenda.js';
import type { MinutesStatus } from '../domain/council/lifecycle.js';
import { quorum, type AttendanceStatus, type Quorum } from '../domain/council/votes.js';
import { DomainError } from '../domain/errors.js';
import { allows } from '../domain/permissions.js';
import { requirePermission } from './authorize.js';
import { requireCampus } from './campuses.js';
import type { UseCaseContext } from './context.js';
import { actingCouncilSchools, councilSettings, findMeeting, memberSchools, type MeetingSummary } from './council-meetings.js';

export interface AttendanceSheet {
  /** Every member school, by location code; one never recorded is absent. */
  entries: Array<{ school: SchoolRow; status: AttendanceStatus; note: string; recorded: boolean }>;
  quorum: Quorum & { memberCount: number; quorumPercent: number };
}

/** Attendance of the member schools of today and the quorum it makes under the campus's settings. */
export function attendanceSheet(ctx: UseCaseContext, campusId: number, meetingId: number): AttendanceSheet {
  const members = memberSchools(ctx, campusId);
  const rows = new Map(ctx.repos.council.attendance(meetingId).map((r) => [r.schoolId, r]));
  const entries = members.map((school) => {
    const row = rows.get(school.id);
    return { school, status: row?.status ?? ('absent' as const), note: row?.note ?? '', recorded: row !== undefined };
  });
  const { quorumPercent } = councilSettings(ctx, campusId);
  const met = quorum(members.length, entries.map((e) => ({ schoolId: e.school.id, status: e.status })), quorumPercent);
  return { entries, quorum: { ...met, memberCount: members.length, quorumPercent } };
}

export type MotionWithVotes = MotionRow & { votes: VoteRow[] };

export function withVotes(ctx: UseCaseContext, motions: readonly MotionRow[]): MotionWithVotes[] {
  const votes = ctx.repos.council.votesOf(motions.map((m) => m.id));
  return motions.map((m) => ({ ...m, votes: votes.filter((v) => v.motionId === m.id) }));
}

export interface MinutesRecord {
  summary: MeetingSummary;
  minutesStatus: MinutesStatus;
  attendance: AttendanceSheet;
  /** Every item of the written-down agenda (merged and withdrawn ones flagged), with its notes and motions. */
  items: Array<AgendaItemRow & { start: string | null; end: string | null; motions: MotionWithVotes[] }>;
  actionItems: ActionItemRow[];
  amendments: Array<AmendmentRow & { byName: string }>;
}

/** Draft minutes are read by those who write them: council members, and the campus's admins (council.manage). */
export function mayReadDraftMinutes(ctx: UseCaseContext, campusId: number): boolean {
  return ctx.actor.system || actingCouncilSchools(ctx, campusId).length > 0 || allows(ctx.actor.memberships, campusId, 'council.manage');
}

export function getMinutes(ctx: UseCaseContext, campusId: number, meetingId: number): MinutesRecord {
  requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  const summary = findMeeting(ctx, campusId, meetingId);
  const minutesStatus = summary.meeting?.minutesStatus ?? 'draft';
  if (minutesStatus === 'draft' && !mayReadDraftMinutes(ctx, campusId)) {
    throw new DomainError('forbidden', 'These minutes are still a draft: they can be read once they are circulated.', { minutesStatus });
  }
  const rows = summary.meeting ? ctx.repos.council.agenda(meetingId) : [];
  const visible = rows.filter((r) => r.mergedIntoId === null && r.withdrawnAt === null);
  const times = plannedTimes(visible, summary.occurrence.localStart.slice(11, 16));
  const motions = withVotes(ctx, summary.meeting ? ctx.repos.council.motionsOf(meetingId) : []);
  const names = new Map<number, string>();
  const nameOf = (userId: number) => {
    if (!names.has(userId)) names.set(userId, ctx.repos.users.get(userId)?.name ?? '');
    return names.get(userId)!;
  };
  return {
    summary,
    minutesStatus,
    attendance: attendanceSheet(ctx, campusId, meetingId),
    items: rows.map((item) => {
      const slot = times.get(item.id);
      return { ...item, start: slot?.start ?? null, end: slot?.end ?? null, motions: motions.filter((m) => m.agendaItemId === item.id) };
    }),
    actionItems: summary.meeting ? ctx.repos.council.actionItemsOfMeeting(meetingId) : [],
    amendments: (summary.meeting ? ctx.repos.council.amendmentsOf(meetingId) : []).map((a) => ({ ...a, byName: nameOf(a.byUserId) })),
  };
}

/** Planned start and end of each visible item (as the agenda gives them, past midnight included). */
function plannedTimes(items: readonly AgendaItemRow[], start: string): Map<number, { start: string; end: string }> {
  const times = agendaTimes(items, start, { pastMidnight: 'wrap' });
  return new Map(items.map((item, i) => [item.id, times.items[i]!]));
}
