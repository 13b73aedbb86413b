import { describe, expect, it } from 'vitest';
import { mayVote, quorumOf, votingSchools, withAttendance } from '../../web/src/council/meeting/attendance.js';
import type { AttendanceSheet } from '../../web/src/council/meeting/meeting.types.js';

function sheet(statuses: Array<'present' | 'absent' | 'represented'>, percent = 50): AttendanceSheet {
  const attendance = statuses.map((status, i) => ({ schoolId: i + 1, schoolName: `S${i + 1}`, schoolCode: String(1930 + i), status, note: '', recorded: status !== 'absent' }));
  return { attendance, quorum: quorumOf(statuses.length, statuses, percent) };
}

describe('quorum', () => {
  it('needs a strict majority at 50%, represented counting as present', () => {
    expect(quorumOf(10, ['present', 'present', 'represented', 'present', 'present'], 50)).toEqual({ present: 5, required: 6, met: false, memberCount: 10, quorumPercent: 50 });
    expect(quorumOf(10, ['present', 'present', 'represented', 'present', 'present', 'represented'], 50).met).toBe(true);
    expect(quorumOf(11, Array(6).fill('present'), 50)).toMatchObject({ required: 6, met: true });
  });

  it('never asks for more schools than there are', () => {
    expect(quorumOf(3, ['present', 'present', 'present'], 99)).toMatchObject({ required: 3, met: true });
  });

  it('is not met with no members', () => {
    expect(quorumOf(0, [], 50).met).toBe(false);
  });
});

describe('withAttendance', () => {
  it('changes one school and counts the quorum again at once', () => {
    const before = sheet(['present', 'present', 'absent', 'absent']);
    expect(before.quorum.met).toBe(false);
    const after = withAttendance(before, 3, { status: 'represented' });
    expect(after.attendance[2]).toMatchObject({ status: 'represented', recorded: true });
    expect(after.quorum).toMatchObject({ present: 3, required: 3, met: true });
  });

  it('changes a note and keeps the status', () => {
    const after = withAttendance(sheet(['present', 'absent']), 1, { note: 'Ms. Ortiz' });
    expect(after.attendance[0]).toMatchObject({ status: 'present', note: 'Ms. Ortiz' });
  });
});

it('only schools present or represented vote', () => {
  expect(mayVote('present')).toBe(true);
  expect(mayVote('represented')).toBe(true);
  expect(mayVote('absent')).toBe(false);
  expect([...votingSchools(sheet(['present', 'absent', 'represented']).attendance)]).toEqual([1, 3]);
});
