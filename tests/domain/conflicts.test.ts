import { describe, expect, it } from 'vitest';
import {
  findConflicts,
  overlaps,
  type BusyOccurrence,
  type Candidate,
  type ClosureRule,
  type Conflict,
} from '../../server/domain/conflicts.js';
import type { OpenHours, SpaceRule } from '../../server/domain/spaces.js';
import { localToInstant, type LocalDateTime } from '../../server/domain/wallclock.js';

const ZONE = 'America/Los_Angeles';
const MON = '2026-09-14';
const TUE = '2026-09-15';
const SAT = '2026-09-19';

// gym(1) ⊃ { half A(2), half B(3) }; library(4) has 15-minute setup and teardown;
// auditorium(5) keeps open hours; studio(6) has a 30-minute teardown only.
const GYM = 1, HALF_A = 2, HALF_B = 3, LIBRARY = 4, AUDITORIUM = 5, STUDIO = 6;

function space(id: number, over: Partial<SpaceRule> = {}): SpaceRule {
  return { id, name: `space ${id}`, kind: 'room', capacity: 100, parentId: null, setupMinutes: 0, teardownMinutes: 0, openHours: null, archived: false, ...over };
}

const auditoriumHours: OpenHours = {
  mon: [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '22:00' }],
  tue: [{ open: '18:00', close: '24:00' }],
};
const spaces = new Map<number, SpaceRule>(
  [
    space(GYM, { capacity: 200, teardownMinutes: 30 }),
    space(HALF_A, { parentId: GYM }),
    space(HALF_B, { parentId: GYM }),
    space(LIBRARY, { capacity: 40, setupMinutes: 15, teardownMinutes: 15 }),
    space(AUDITORIUM, { openHours: auditoriumHours }),
    space(STUDIO, { teardownMinutes: 30 }),
  ].map((s) => [s.id, s]),
);

/** 'HH:mm' on MON, or a full local date-time. */
function local(t: string): LocalDateTime {
  return t.length === 5 ? `${MON}T${t}` : t;
}

function occ(start: string, end: string): Candidate {
  const localStart = local(start);
  const localEnd = local(end);
  return { localStart, localEnd, startUtc: localToInstant(localStart, ZONE), endUtc: localToInstant(localEnd, ZONE) };
}

function busy(occurrenceId: number, spaceId: number, start: string, end: string): BusyOccurrence {
  return { ...occ(start, end), occurrenceId, bookingId: occurrenceId * 10, title: `booking ${occurrenceId}`, schoolId: 1, schoolName: 'Arts SLC', schoolCode: 'SLC-A', spaceId, spaceName: `space ${spaceId}` };
}

function closure(id: number, spaceIds: number[] | null, start: string, end: string): ClosureRule {
  return { ...occ(start, end), id, reason: 'maintenance', note: `closure ${id}`, spaceIds };
}

function check(spaceId: number, candidates: Candidate[], extra: Partial<Parameters<typeof findConflicts>[0]> = {}): Conflict[] {
  return findConflicts({ candidates, spaceId, spaces, busy: [], closures: [], attendees: 1, ...extra });
}

const kinds = (cs: Conflict[]) => cs.map((c) => c.kind);

describe('overlaps (half-open intervals)', () => {
  it.each([
    ['touching: the first ends at 10 exactly when the second starts', [0, 10], [10, 20], false],
    ['touching the other way round', [10, 20], [0, 10], false],
    ['one unit of overlap', [0, 11], [10, 20], true],
    ['one inside the other', [0, 30], [10, 20], true],
    ['identical', [10, 20], [10, 20], true],
    ['apart with a gap', [0, 5], [10, 20], false],
  ] as const)('%s → %s', (_name, [as, ae], [bs, be], expected) => {
    expect(overlaps({ start: as, end: ae }, { start: bs, end: be })).toBe(expected);
  });
});

describe('findConflicts: bookings in the same space', () => {
  it.each([
    ['back-to-back after an existing 10:00–11:00 (starts at 11:00) is free', '11:00', '12:00', false],
    ['back-to-back before it (ends at 10:00) is free', '09:00', '10:00', false],
    ['starting one minute before the existing one ends (10:59) conflicts', '10:59', '12:00', true],
    ['ending one minute after the existing one starts (10:01) conflicts', '09:00', '10:01', true],
    ['the same slot conflicts', '10:00', '11:00', true],
  ])('%s', (_name, start, end, conflicts) => {
    const result = check(HALF_A, [occ(start, end)], { busy: [busy(7, HALF_A, '10:00', '11:00')] });
    expect(kinds(result)).toEqual(conflicts ? ['overlap'] : []);
  });

  it('says who holds the slot and which occurrence is hit', () => {
    const existing = busy(7, HALF_A, '10:00', '11:00');
    const [c] = check(HALF_A, [occ('10:30', '11:30')], { busy: [existing] });
    expect(c).toEqual({ kind: 'overlap', occurrence: occ('10:30', '11:30'), with: existing });
  });
});

describe('findConflicts: setup and teardown buffers (library: 15 min each side)', () => {
  // Existing 10:00–11:00 blocks 09:45–11:15; a new booking blocks 15 min before and after too,
  // so the gap between two library bookings must be at least 30 minutes.
  it.each([
    ['back-to-back at 11:00 becomes a conflict', '11:00', '12:00', true],
    ['a gap of exactly 30 minutes (start 11:30) is free', '11:30', '12:30', false],
    ['a gap of 29 minutes (start 11:29) conflicts', '11:29', '12:30', true],
    ['ending exactly 30 minutes before (09:30) is free', '08:30', '09:30', false],
    ['ending 29 minutes before (09:31) conflicts', '08:30', '09:31', true],
  ])('%s', (_name, start, end, conflicts) => {
    const result = check(LIBRARY, [occ(start, end)], { busy: [busy(7, LIBRARY, '10:00', '11:00')] });
    expect(kinds(result)).toEqual(conflicts ? ['overlap'] : []);
  });

  it.each([
    ['a half right after a whole-gym booking hits the gym\'s 30-minute teardown', '11:00', true],
    ['a half 30 minutes after a whole-gym booking is free (the half has no buffers)', '11:30', false],
  ])('each occurrence is widened by its own space\'s buffers: %s', (_name, start, conflicts) => {
    const result = check(HALF_A, [occ(start, '12:30')], { busy: [busy(7, GYM, '10:00', '11:00')] });
    expect(kinds(result)).toEqual(conflicts ? ['overlap'] : []);
  });
});

describe('findConflicts: divisible spaces', () => {
  it.each([
    ['whole gym requested, half A booked: conflict', GYM, HALF_A, true],
    ['half A requested, whole gym booked: conflict', HALF_A, GYM, true],
    ['half A requested, half B booked: free (siblings are independent)', HALF_A, HALF_B, false],
    ['half B requested, half A booked: free', HALF_B, HALF_A, false],
    ['library requested, gym booked: free (another family)', LIBRARY, GYM, false],
  ])('%s', (_name, requested, booked, conflicts) => {
    const result = check(requested, [occ('14:00', '15:00')], { busy: [busy(7, booked, '14:00', '15:00')] });
    expect(kinds(result)).toEqual(conflicts ? ['overlap'] : []);
  });
});

describe('findConflicts: closures', () => {
  it.each([
    ['a campus-wide closure closes the library', LIBRARY, null, true],
    ['a closure of the library closes the library', LIBRARY, [LIBRARY], true],
    ['a closure of the library leaves the gym open', GYM, [LIBRARY], false],
    ['closing the whole gym closes half A', HALF_A, [GYM], true],
    ['half A under maintenance means the whole gym cannot be booked', GYM, [HALF_A], true],
    ['half A under maintenance leaves half B open', HALF_B, [HALF_A], false],
    ['a closure listing several spaces applies if any is in the family', HALF_B, [LIBRARY, GYM], true],
  ])('%s', (_name, requested, spaceIds, conflicts) => {
    const result = check(requested, [occ('14:00', '15:00')], { closures: [closure(3, spaceIds, '13:00', '17:00')] });
    expect(kinds(result)).toEqual(conflicts ? ['closure'] : []);
  });

  it.each([
    ['a closure ending exactly at the start of a gym-half booking is free', HALF_A, '12:00', false],
    ['a closure ending exactly at a library booking\'s start hits its 15-minute setup', LIBRARY, '12:00', true],
    ['a closure ending 15 minutes before a library booking is free', LIBRARY, '11:45', false],
  ])('%s', (_name, requested, closureEnd, conflicts) => {
    const result = check(requested, [occ('12:00', '13:00')], { closures: [closure(3, null, '08:00', closureEnd)] });
    expect(kinds(result)).toEqual(conflicts ? ['closure'] : []);
  });

  it('reports the closure reason, note and local times', () => {
    const [c] = check(LIBRARY, [occ('14:00', '15:00')], { closures: [closure(3, null, '13:00', '17:00')] });
    expect(c).toEqual({
      kind: 'closure',
      occurrence: occ('14:00', '15:00'),
      closure: { id: 3, reason: 'maintenance', note: 'closure 3', localStart: local('13:00'), localEnd: local('17:00') },
    });
  });
});

describe('findConflicts: open hours (auditorium: Mon 08–12 and 13–22, Tue 18–24, closed otherwise)', () => {
  it.each([
    ['exactly the morning window 08:00–12:00 is fine', '08:00', '12:00', false],
    ['exactly the evening window 13:00–22:00 is fine', '13:00', '22:00', false],
    ['starting one minute before opening (07:59) is outside', '07:59', '09:00', true],
    ['ending one minute after closing (12:01) is outside', '11:00', '12:01', true],
    ['spanning the lunch gap between two windows is outside', '11:30', '13:30', true],
    ['Tuesday 23:00 to Wednesday 00:00 fits a window closing at 24:00', `${TUE}T23:00`, '2026-09-16T00:00', false],
    ['Tuesday 23:00 to Wednesday 00:30 runs past midnight and is outside', `${TUE}T23:00`, '2026-09-16T00:30', true],
  ])('%s', (_name, start, end, outside) => {
    const result = check(AUDITORIUM, [occ(start, end)]);
    expect(kinds(result)).toEqual(outside ? ['outside_hours'] : []);
  });

  it('lists that weekday\'s windows so the user sees when it is open', () => {
    const [c] = check(AUDITORIUM, [occ('07:00', '09:00')]);
    expect(c).toMatchObject({ kind: 'outside_hours', openHours: auditoriumHours.mon });
  });

  it('a weekday absent from the open hours is closed all day, with no windows to show', () => {
    const [c] = check(AUDITORIUM, [occ(`${SAT}T10:00`, `${SAT}T11:00`)]);
    expect(c).toMatchObject({ kind: 'outside_hours', openHours: [] });
  });

  it('a space without open hours is always open, even at 03:00 on a Saturday', () => {
    expect(check(LIBRARY, [occ(`${SAT}T03:00`, `${SAT}T04:00`)])).toEqual([]);
  });
});

describe('findConflicts: capacity (library holds 40)', () => {
  it.each([
    ['40 attendees fit exactly', 40, 0],
    ['41 attendees are one too many: one capacity conflict per occurrence', 41, 2],
  ])('%s', (_name, attendees, count) => {
    const result = check(LIBRARY, [occ('09:00', '10:00'), occ(`${TUE}T09:00`, `${TUE}T10:00`)], { attendees });
    expect(result).toHaveLength(count);
    for (const c of result) expect(c).toMatchObject({ kind: 'capacity', attendees: 41, capacity: 40 });
  });
});

describe('findConflicts: ignoring the occurrences being replaced', () => {
  it('an edited booking does not conflict with its own old occurrence, but still with others', () => {
    const own = busy(7, HALF_A, '10:00', '11:00');
    const other = busy(8, HALF_A, '10:30', '11:30');
    const result = check(HALF_A, [occ('10:00', '11:00')], { busy: [own, other], ignoreOccurrenceIds: new Set([7]) });
    expect(result.map((c) => (c.kind === 'overlap' ? c.with.occurrenceId : null))).toEqual([8]);
  });
});

describe('findConflicts: ordering', () => {
  it('orders by occurrence start (whatever the input order), then closure, hours, overlap, capacity', () => {
    const late = occ(`${TUE}T18:00`, `${TUE}T19:00`);
    const early = occ('07:30', '08:30');
    const result = check(AUDITORIUM, [late, early], {
      attendees: 101,
      closures: [closure(3, [AUDITORIUM], '07:00', '07:45')],
      busy: [busy(9, AUDITORIUM, '08:15', '09:00'), busy(8, AUDITORIUM, '08:00', '08:15')],
    });
    expect(result.map((c) => [c.occurrence.localStart, c.kind, c.kind === 'overlap' ? c.with.occurrenceId : null])).toEqual([
      [early.localStart, 'closure', null],
      [early.localStart, 'outside_hours', null],
      [early.localStart, 'overlap', 8],
      [early.localStart, 'overlap', 9],
      [early.localStart, 'capacity', null],
      [late.localStart, 'capacity', null],
    ]);
  });

  it('fails loudly for a space it does not know', () => {
    expect(() => check(99, [occ('09:00', '10:00')])).toThrow(/space 99 not found/);
  });
});
