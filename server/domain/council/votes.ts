/**
 * Quorum and votes of the Building Council. Equal standing: one vote per member school, the
 * building office included, whoever attends for it; a school that is represented (by an
 * alternate or a proxy) counts as present and may vote.
 */
import { invalidField } from '../errors.js';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'represented'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export type MotionResult = 'carried' | 'failed' | 'no_quorum';

export interface SchoolAttendance {
  schoolId: number;
  status: AttendanceStatus;
}

export interface SchoolVote {
  schoolId: number;
  vote: VoteChoice;
}

export interface Quorum {
  present: number;
  required: number;
  met: boolean;
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  result: MotionResult;
}

export function mayVote(status: AttendanceStatus): boolean {
  return status === 'present' || status === 'represented';
}

/**
 * required = floor(members × percent / 100) + 1, so 50 means a strict majority of the member
 * schools (not of those attending); capped at the member count so that 100 % stays reachable.
 * A council without member schools never has quorum.
 */
export function quorum(memberCount: number, attendance: readonly SchoolAttendance[], quorumPercent = 50): Quorum {
  if (!Number.isInteger(memberCount) || memberCount < 0) throw new RangeError(`not a member count: ${memberCount}`);
  if (!Number.isFinite(quorumPercent) || quorumPercent < 0 || quorumPercent > 100) {
    throw invalidField('quorumPercent', 'must be a percentage from 0 to 100');
  }
  onceEach(attendance, 'attendance');
  const present = attendance.filter((a) => mayVote(a.status)).length;
  if (present > memberCount) {
    throw invalidField('attendance', `${present} schools present, but the council has ${memberCount} member schools`);
  }
  const required = Math.min(Math.floor((memberCount * quorumPercent) / 100) + 1, memberCount);
  return { present, required, met: memberCount > 0 && present >= required };
}

/**
 * Abstentions count for nothing: a motion carries when more schools vote yes than no, so a tie
 * fails and a motion everyone abstains on fails. Without quorum nothing is decided at all.
 * Whether each voter was present is the caller's check (mayVote).
 */
export function tally(votes: readonly SchoolVote[], options: { quorumMet: boolean }): Tally {
  onceEach(votes, 'votes');
  const count = (choice: VoteChoice) => votes.filter((v) => v.vote === choice).length;
  const yes = count('yes');
  const no = count('no');
  const abstain = count('abstain');
  const result: MotionResult = !options.quorumMet ? 'no_quorum' : yes > no ? 'carried' : 'failed';
  return { yes, no, abstain, result };
}

// One entry per school: a second one would be a second vote (or a contradictory attendance).
function onceEach(entries: ReadonlyArray<{ schoolId: number }>, field: string): void {
  const seen = new Set<number>();
  for (const { schoolId } of entries) {
    if (seen.has(schoolId)) throw invalidField(field, `school ${schoolId} is listed more than once`);
    seen.add(schoolId);
  }
}
