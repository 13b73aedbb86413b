/**
 * Attendance and quorum, the way the server counts them (server/domain/council/votes.ts), so the
 * quorum line moves the moment a school is marked — before the server's answer arrives.
 */
import type { AttendanceEntry, AttendanceSheet, AttendanceStatus, Quorum } from './meeting.types.js';

export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['present', 'absent', 'represented'];

/** Represented (by an alternate or a proxy) counts as present; only those schools vote. */
export function mayVote(status: AttendanceStatus): boolean {
  return status === 'present' || status === 'represented';
}

/** More than `percent` of the member schools present (50 → a strict majority), never more than all of them. */
export function quorumOf(memberCount: number, statuses: readonly AttendanceStatus[], percent: number): Quorum {
  const present = statuses.filter(mayVote).length;
  const required = Math.min(Math.floor((memberCount * percent) / 100) + 1, memberCount);
  return { present, required, met: memberCount > 0 && present >= required, memberCount, quorumPercent: percent };
}

/** The sheet with one school's status (and note) changed, its quorum counted again. */
export function withAttendance(sheet: AttendanceSheet, schoolId: number, change: { status?: AttendanceStatus; note?: string }): AttendanceSheet {
  const attendance: AttendanceEntry[] = sheet.attendance.map((entry) =>
    entry.schoolId === schoolId ? { ...entry, ...(change.status ? { status: change.status } : {}), ...(change.note !== undefined ? { note: change.note } : {}), recorded: true } : entry,
  );
  const quorum = quorumOf(sheet.quorum.memberCount, attendance.map((e) => e.status), sheet.quorum.quorumPercent);
  return { attendance, quorum };
}

/** The schools that may vote today: present or represented. */
export function votingSchools(attendance: readonly AttendanceEntry[]): Set<number> {
  return new Set(attendance.filter((e) => mayVote(e.status)).map((e) => e.schoolId));
}
