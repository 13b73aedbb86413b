import { describe, expect, it } from 'vitest';
import { shiftCandidate, suggestAlternatives, type AlternativesInput } from '../../server/domain/alternatives.js';
import type { BusyOccurrence, Candidate, ClosureRule } from '../../server/domain/conflicts.js';
import type { OpenHours, SpaceRule } from '../../server/domain/spaces.js';
import { localToInstant, type LocalDate } from '../../server/domain/wallclock.js';

const ZONE = 'America/Los_Angeles';
const MONDAYS = ['2026-09-14', '2026-09-21', '2026-09-28'];
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const weekdays = { open: '07:00', close: '18:00' };
const schoolHours: OpenHours = { mon: [weekdays], tue: [weekdays], wed: [weekdays], thu: [weekdays], fri: [weekdays] };

const LIBRARY = 1, QUIET = 2, ANNEX = 3, READING = 4, STACKS = 5, NOOK = 6, LAB = 7, LOUNGE = 8;
const GYM = 10, HALF_A = 11, HALF_B = 12;

function space(id: number, name: string, kind: string, capacity: number, over: Partial<SpaceRule> = {}): SpaceRule {
  return { id, name, kind, capacity, parentId: null, setupMinutes: 0, teardownMinutes: 0, openHours: schoolHours, archived: false, ...over };
}

const spaces = new Map<number, SpaceRule>(
  [
    space(LIBRARY, 'Library', 'library', 60),
    space(QUIET, 'Quiet room', 'library', 40), // listed before the annex: the name sort must put it second
    space(ANNEX, 'Library annex', 'library', 40),
    space(READING, 'Reading room', 'library', 100),
    space(STACKS, 'Old stacks', 'library', 45, { archived: true }),
    space(NOOK, 'Study nook', 'library', 20),
    space(LAB, 'Computer lab', 'lab', 40),
    space(LOUNGE, 'Staff lounge', 'lounge', 20, { openHours: null }),
    space(GYM, 'Gym', 'gym', 200),
    space(HALF_A, 'Gym half A', 'gym', 100, { parentId: GYM }),
    space(HALF_B, 'Gym half B', 'gym', 100, { parentId: GYM }),
  ].map((s) => [s.id, s]),
);

function occ(localStart: string, localEnd: string): Candidate {
  return { localStart, localEnd, startUtc: localToInstant(localStart, ZONE), endUtc: localToInstant(localEnd, ZONE) };
}

/** The same wall-clock slot on each date (what a weekly RRULE expands to). */
function weekly(dates: LocalDate[], start: string, end: string): Candidate[] {
  return dates.map((d) => occ(`${d}T${start}`, `${d}T${end}`));
}

let nextId = 100;
function busy(spaceId: number, date: LocalDate, start: string, end: string, endDate: LocalDate = date): BusyOccurrence {
  const id = nextId++;
  return { ...occ(`${date}T${start}`, `${endDate}T${end}`), occurrenceId: id, bookingId: id, title: 'Held', schoolId: 2, schoolName: 'Science SLC', schoolCode: 'SLC-S', spaceId, spaceName: `space ${spaceId}` };
}

function allDayClosure(date: LocalDate, nextDate: LocalDate, spaceIds: number[] | null): ClosureRule {
  return { ...occ(`${date}T00:00`, `${nextDate}T00:00`), id: 1, reason: 'holiday', note: '', spaceIds };
}

type Window = { fromUtc: number; toUtc: number };

/** A fake repository that records every set of windows it is asked for. */
function busyStore(rows: BusyOccurrence[]) {
  const calls: Array<{ spaceIds: number[]; windows: readonly Window[] }> = [];
  const busyIn = (spaceIds: number[], windows: readonly Window[]) => {
    calls.push({ spaceIds, windows });
    return rows.filter((b) => spaceIds.includes(b.spaceId) && windows.some((w) => b.startUtc < w.toUtc && w.fromUtc < b.endUtc));
  };
  return { busyIn, calls };
}

function suggest(over: Partial<AlternativesInput> & Pick<AlternativesInput, 'candidates' | 'spaceId'>, rows: BusyOccurrence[] = []) {
  const store = busyStore(rows);
  const result = suggestAlternatives({ attendees: 10, zone: ZONE, spaces, closures: [], busyIn: store.busyIn, ...over });
  return { ...result, calls: store.calls };
}

describe('suggestAlternatives: other times in the same space', () => {
  const request = { candidates: weekly(MONDAYS, '16:00', '17:00'), spaceId: LIBRARY };
  const heldOnSecondMonday = [busy(LIBRARY, '2026-09-21', '16:00', '17:00')];

  it('tries +15, −15, +30, −30, … and keeps the nearest shifts free in every week (library closes at 18:00)', () => {
    // +60 ends exactly at closing (fine); −60 ends exactly when the held booking starts (fine);
    // +75 would run past 18:00, so the third answer is −75. The display shows the first week.
    expect(suggest(request, heldOnSecondMonday).times).toEqual([
      { shiftMinutes: 60, localStart: '2026-09-14T17:00', localEnd: '2026-09-14T18:00' },
      { shiftMinutes: -60, localStart: '2026-09-14T15:00', localEnd: '2026-09-14T16:00' },
      { shiftMinutes: -75, localStart: '2026-09-14T14:45', localEnd: '2026-09-14T15:45' },
    ]);
  });

  it('finds earlier times first when every later shift runs into the held slot or past closing', () => {
    const rows = [busy(LIBRARY, '2026-09-21', '16:00', '17:30')];
    const times = suggest({ ...request, candidates: weekly(MONDAYS, '16:30', '17:30') }, rows).times;
    expect(times.map((t) => t.shiftMinutes)).toEqual([-90, -105, -120]);
  });

  it.each([
    ['limit 1 keeps only the nearest', { limit: 1 }, [60]],
    ['a 45-minute maximum shift finds nothing', { maxShiftMinutes: 45 }, []],
    ['30-minute steps skip the 15-minute shifts', { stepMinutes: 30 }, [60, -60, -90]],
  ])('%s', (_name, options, expected) => {
    expect(suggest({ ...request, ...options }, heldOnSecondMonday).times.map((t) => t.shiftMinutes)).toEqual(expected);
  });

  it('never moves an occurrence to another local date (+60 from 23:00 would start on Tuesday)', () => {
    // Lounge is always open; held 21:00 to midnight. Later shifts overlap until +60, which changes the date.
    const rows = [busy(LOUNGE, '2026-09-14', '21:00', '00:00', '2026-09-15')];
    const times = suggest({ candidates: [occ('2026-09-14T23:00', '2026-09-14T23:30')], spaceId: LOUNGE }, rows).times;
    expect(times.map((t) => t.shiftMinutes)).toEqual([-150, -165, -180]);
  });

  it('suggests no time when the group is too big for the space at any time', () => {
    expect(suggest({ ...request, attendees: 61 }, heldOnSecondMonday).times).toEqual([]);
  });

  it('asks the repository for one bounded window around each week (never one spanning the series), widened by the maximum shift', () => {
    const { calls } = suggest(request, heldOnSecondMonday);
    expect(calls[0]?.spaceIds).toEqual([LIBRARY]);
    for (const c of calls) {
      expect(c.windows).toHaveLength(request.candidates.length);
      c.windows.forEach((w, i) => {
        const candidate = request.candidates[i]!;
        expect(w.fromUtc).toBeLessThanOrEqual(candidate.startUtc);
        expect(w.toUtc).toBeGreaterThanOrEqual(candidate.endUtc);
        expect(w.toUtc - w.fromUtc).toBeLessThan(DAY);
      });
    }
    expect(calls[0]!.windows[0]!.fromUtc).toBeLessThanOrEqual(request.candidates[0]!.startUtc - 240 * MIN);
    expect(calls[0]!.windows[2]!.toUtc).toBeGreaterThanOrEqual(request.candidates[2]!.endUtc + 240 * MIN);
  });
});

describe('suggestAlternatives: shifts across daylight-saving changes stay on the wall clock', () => {
  it.each([
    ['fall back (2026-11-01): 16:00 PDT one week, 16:00 PST the next', '2026-10-26', '2026-11-02', 7 * DAY + 60 * MIN],
    ['spring forward (2027-03-14): 16:00 PST one week, 16:00 PDT the next', '2027-03-08', '2027-03-15', 7 * DAY - 60 * MIN],
  ])('%s', (_name, before, after, realGap) => {
    // Held 16:00–17:00 wall time in the week after the change. +60 (17:00–18:00 wall) is free in both
    // weeks; converting the second week with the first week's offset would land on the held hour.
    const candidates = weekly([before, after], '16:00', '17:00');
    const rows = [busy(LIBRARY, after, '16:00', '17:00')];
    const { times } = suggest({ candidates, spaceId: LIBRARY, limit: 1 }, rows);
    expect(times).toEqual([{ shiftMinutes: 60, localStart: `${before}T17:00`, localEnd: `${before}T18:00` }]);

    const [a, b] = candidates.map((c) => shiftCandidate(c, 60, ZONE));
    expect([a?.localStart, b?.localStart]).toEqual([`${before}T17:00`, `${after}T17:00`]);
    expect(b!.startUtc - a!.startUtc).toBe(realGap);
  });
});

describe('suggestAlternatives: other spaces at the requested time', () => {
  it('offers free spaces of the same kind that fit, the closest size first, then by name', () => {
    // Excluded: Reading room (held in week 3), Old stacks (archived), Study nook (holds 20), Computer lab (another kind).
    const rows = [busy(LIBRARY, '2026-09-14', '16:00', '17:00'), busy(READING, '2026-09-28', '16:30', '17:30')];
    const { spaces: found } = suggest({ candidates: weekly(MONDAYS, '16:00', '17:00'), spaceId: LIBRARY, attendees: 35 }, rows);
    expect(found).toEqual([
      { spaceId: ANNEX, name: 'Library annex', kind: 'library', capacity: 40 },
      { spaceId: QUIET, name: 'Quiet room', kind: 'library', capacity: 40 },
    ]);
  });

  it('leaves out a space closed on one of the remaining dates, and the limit caps the list', () => {
    const closures = [allDayClosure('2026-09-21', '2026-09-22', [ANNEX])];
    const { spaces: found } = suggest({ candidates: weekly(MONDAYS, '16:00', '17:00'), spaceId: LIBRARY, attendees: 35, closures, limit: 2 });
    expect(found.map((s) => s.name)).toEqual(['Quiet room', 'Reading room']);
  });

  it.each([
    ['half A held: the other half is offered, never the whole gym (same family)', 50, [HALF_B]],
    ['too many for a half: the whole gym would fit but is half A\'s family, so nothing', 150, []],
  ])('%s', (_name, attendees, expected) => {
    const rows = [busy(HALF_A, '2026-09-14', '16:00', '17:00')];
    const { spaces: found } = suggest({ candidates: weekly(MONDAYS, '16:00', '17:00'), spaceId: HALF_A, attendees }, rows);
    expect(found.map((s) => s.spaceId)).toEqual(expected);
  });
});

describe('suggestAlternatives: dates to skip for closures', () => {
  it.each([
    ['a campus-wide holiday', LIBRARY, null, ['2026-09-21']],
    ['a closure of the library itself', LIBRARY, [LIBRARY], ['2026-09-21']],
    ['a closure of another space', LIBRARY, [LAB], []],
    ['half B closed when the whole gym is requested (family)', GYM, [HALF_B], ['2026-09-21']],
  ])('%s', (_name, spaceId, closed, expected) => {
    const closures = [allDayClosure('2026-09-21', '2026-09-22', closed)];
    expect(suggest({ candidates: weekly(MONDAYS, '16:00', '17:00'), spaceId, closures }).skipDates).toEqual(expected);
  });

  it('evaluates times and spaces on the other dates only (the all-day holiday would block every shift)', () => {
    const closures = [allDayClosure('2026-09-21', '2026-09-22', null)];
    const rows = [busy(LIBRARY, '2026-09-28', '16:00', '17:00')];
    const result = suggest({ candidates: weekly(MONDAYS, '16:00', '17:00'), spaceId: LIBRARY, closures }, rows);
    expect(result.skipDates).toEqual(['2026-09-21']);
    expect(result.times.map((t) => t.shiftMinutes)).toEqual([60, -60, -75]);
    expect(result.spaces.map((s) => s.spaceId)).toEqual([NOOK, ANNEX, QUIET]);
  });

  it('with every date closed there is nothing to evaluate and the repository is not asked', () => {
    const closures = [allDayClosure('2026-09-14', '2026-09-15', null)];
    const result = suggest({ candidates: weekly(['2026-09-14'], '16:00', '17:00'), spaceId: LIBRARY, closures });
    expect(result).toEqual({ skipDates: ['2026-09-14'], times: [], spaces: [], calls: [] });
  });
});
