import { describe, expect, it } from 'vitest';
import {
  mayVote,
  quorum,
  tally,
  type AttendanceStatus,
  type SchoolAttendance,
  type SchoolVote,
  type VoteChoice,
} from '../../server/domain/council/votes.js';
import { fieldOf } from '../helpers/errors.js';

/** Attendance of schools 1, 2, 3 … with the given statuses. */
function attendance(...statuses: AttendanceStatus[]): SchoolAttendance[] {
  return statuses.map((status, i) => ({ schoolId: i + 1, status }));
}

/** n present, m represented, the rest of `members` absent. */
function turnout(members: number, present: number, represented = 0): SchoolAttendance[] {
  return attendance(
    ...Array<AttendanceStatus>(present).fill('present'),
    ...Array<AttendanceStatus>(represented).fill('represented'),
    ...Array<AttendanceStatus>(members - present - represented).fill('absent'),
  );
}

function votes(...choices: VoteChoice[]): SchoolVote[] {
  return choices.map((vote, i) => ({ schoolId: i + 1, vote }));
}

describe('mayVote', () => {
  it.each<[AttendanceStatus, boolean]>([
    ['present', true],
    ['represented', true],
    ['absent', false],
  ])('%s → %s', (status, may) => {
    expect(mayVote(status)).toBe(may);
  });
});

describe('quorum', () => {
  it.each<[string, number, number, number, number | undefined, { present: number; required: number; met: boolean }]>([
    // 11 member schools (the demo: 9 SLCs, 1 autonomous school, the building office)
    ['11 members, 50 %: 6 present is a strict majority', 11, 6, 0, undefined, { present: 6, required: 6, met: true }],
    ['11 members, 50 %: 5 present is not', 11, 5, 0, undefined, { present: 5, required: 6, met: false }],
    ['11 members, 66 %: 8 needed (floor 7.26 + 1)', 11, 8, 0, 66, { present: 8, required: 8, met: true }],
    ['11 members, 66 %: 7 is one short', 11, 7, 0, 66, { present: 7, required: 8, met: false }],
    // 10: half is not a majority
    ['10 members, 50 %: 5 present is only half, not quorum', 10, 5, 0, 50, { present: 5, required: 6, met: false }],
    ['10 members, 50 %: 6 present is quorum', 10, 6, 0, 50, { present: 6, required: 6, met: true }],
    ['10 members, 66 %: 7 needed (floor 6.6 + 1)', 10, 7, 0, 66, { present: 7, required: 7, met: true }],
    ['10 members, 66 %: 6 is one short', 10, 6, 0, 66, { present: 6, required: 7, met: false }],
    // represented counts as present
    ['10 members: 4 present and 2 represented is quorum', 10, 4, 2, 50, { present: 6, required: 6, met: true }],
    ['10 members: 3 present and 2 represented is not', 10, 3, 2, 50, { present: 5, required: 6, met: false }],
    // one school: the cap keeps quorum reachable
    ['1 member, 50 %: it alone is quorum', 1, 1, 0, 50, { present: 1, required: 1, met: true }],
    ['1 member, represented', 1, 0, 1, 50, { present: 1, required: 1, met: true }],
    ['1 member, absent', 1, 0, 0, 50, { present: 0, required: 1, met: false }],
    ['1 member, 66 %', 1, 1, 0, 66, { present: 1, required: 1, met: true }],
    // the extremes of the setting
    ['100 %: everyone (capped at the member count)', 10, 10, 0, 100, { present: 10, required: 10, met: true }],
    ['100 %: one missing', 10, 9, 0, 100, { present: 9, required: 10, met: false }],
    ['0 %: one school present', 10, 1, 0, 0, { present: 1, required: 1, met: true }],
    ['0 %: nobody present', 10, 0, 0, 0, { present: 0, required: 1, met: false }],
    ['no member schools: never quorum', 0, 0, 0, 50, { present: 0, required: 0, met: false }],
  ])('%s', (_name, members, present, represented, percent, expected) => {
    expect(quorum(members, turnout(members, present, represented), percent)).toEqual(expected);
  });

  it('counts a school missing from the attendance list as absent', () => {
    expect(quorum(11, attendance('present', 'present', 'present'))).toEqual({ present: 3, required: 6, met: false });
  });

  it.each<[string, () => unknown, string]>([
    ['a school listed twice', () => quorum(3, [{ schoolId: 1, status: 'present' }, { schoolId: 1, status: 'absent' }]), 'attendance'],
    ['more schools present than members', () => quorum(2, turnout(3, 3)), 'attendance'],
    ['a percentage above 100', () => quorum(10, [], 101), 'quorumPercent'],
    ['a negative percentage', () => quorum(10, [], -1), 'quorumPercent'],
  ])('refuses %s', (_name, fn, field) => {
    expect(fieldOf(fn)).toBe(field);
  });

  it('refuses a member count that is not a whole number', () => {
    expect(() => quorum(-1, [])).toThrow(RangeError);
    expect(() => quorum(2.5, [])).toThrow(RangeError);
  });
});

describe('tally', () => {
  it.each<[string, VoteChoice[], boolean, { yes: number; no: number; abstain: number; result: string }]>([
    ['a majority of yes carries', ['yes', 'yes', 'no'], true, { yes: 2, no: 1, abstain: 0, result: 'carried' }],
    ['a majority of no fails', ['yes', 'no', 'no'], true, { yes: 1, no: 2, abstain: 0, result: 'failed' }],
    ['a tie fails', ['yes', 'no', 'yes', 'no'], true, { yes: 2, no: 2, abstain: 0, result: 'failed' }],
    ['a tie with abstentions fails', ['yes', 'no', 'abstain', 'abstain'], true, { yes: 1, no: 1, abstain: 2, result: 'failed' }],
    ['abstentions do not count against: one yes and many abstentions carries', ['yes', 'abstain', 'abstain', 'abstain', 'abstain'], true, { yes: 1, no: 0, abstain: 4, result: 'carried' }],
    ['all abstain fails', ['abstain', 'abstain', 'abstain'], true, { yes: 0, no: 0, abstain: 3, result: 'failed' }],
    ['no votes at all fails', [], true, { yes: 0, no: 0, abstain: 0, result: 'failed' }],
    ['a unanimous yes without quorum decides nothing', ['yes', 'yes', 'yes'], false, { yes: 3, no: 0, abstain: 0, result: 'no_quorum' }],
    ['a no without quorum decides nothing either', ['no'], false, { yes: 0, no: 1, abstain: 0, result: 'no_quorum' }],
  ])('%s', (_name, choices, quorumMet, expected) => {
    expect(tally(votes(...choices), { quorumMet })).toEqual(expected);
  });

  it('refuses a second vote by the same school', () => {
    const twice: SchoolVote[] = [{ schoolId: 4, vote: 'yes' }, { schoolId: 4, vote: 'no' }];
    expect(fieldOf(() => tally(twice, { quorumMet: true }))).toBe('votes');
  });
});
