import { describe, expect, it } from 'vitest';
import type { Closure, ListedOccurrence, School, Space } from '../../web/src/api/types.js';
import {
  addMinutes,
  bookingFormUrl,
  closedSpaceIds,
  closureDates,
  closuresBetween,
  dayShown,
  formatDateSpan,
  formatTimeSpan,
  idleWeekdays,
  isLocalDate,
  occurrencesByDay,
  orderSpaces,
  parseWeekQuery,
  schoolColumns,
  visibleHours,
  wallFromIso,
  weekDates,
  weekQueryString,
} from '../../web/src/calendar/week.js';
import { closureEvents, occurrenceEvents } from '../../web/src/calendar/week-events.js';

/** The building week's pure logic: URL state, columns, closures, hours, slots. */

/** Intl separates with thin and no-break spaces; compare the words. */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

const weekdays = { mon: [{ open: '07:00', close: '18:00' }], tue: [{ open: '07:00', close: '18:00' }], wed: [{ open: '07:00', close: '18:00' }], thu: [{ open: '07:00', close: '18:00' }], fri: [{ open: '07:00', close: '18:00' }] };

function space(id: number, name: string, extra: Partial<Space> = {}): Space {
  return { id, campusId: 1, name, kind: 'room', capacity: 30, parentId: null, setupMinutes: 0, teardownMinutes: 0, openHours: weekdays, archived: false, createdAt: '', updatedAt: '', ...extra };
}

function school(id: number, code: string, archived = false): School {
  return { id, campusId: 1, name: `School ${code}`, locationCode: code, kind: 'slc', enrollment: 300, archived, createdAt: '', updatedAt: '' };
}

function occurrence(id: number, localStart: string, localEnd: string, extra: Partial<ListedOccurrence> = {}): ListedOccurrence {
  return {
    occurrenceId: id,
    bookingId: id * 10,
    title: `Booking ${id}`,
    spaceId: 1,
    spaceName: 'Library',
    schoolId: 2,
    schoolName: 'Arts',
    schoolCode: '1931',
    attendees: 20,
    originalLocalStart: localStart,
    localStart,
    localEnd,
    startUtc: '',
    endUtc: '',
    status: 'active',
    isException: false,
    recurring: false,
    ...extra,
  };
}

function closure(id: number, extra: Partial<Closure> = {}): Closure {
  return {
    id,
    campusId: 1,
    reason: 'holiday',
    note: 'Thanksgiving break',
    spaceIds: null,
    allDay: true,
    start: '2026-11-23',
    end: '2026-11-27',
    localStart: '2026-11-23T00:00',
    localEnd: '2026-11-28T00:00',
    startUtc: '',
    endUtc: '',
    archived: false,
    createdAt: '',
    updatedAt: '',
    ...extra,
  };
}

const gym = space(7, 'Gymnasium (whole)');
const north = space(8, 'Gym — North Court', { parentId: 7 });
const south = space(9, 'Gym — South Court', { parentId: 7 });
const library = space(1, 'Library');
const weekend = space(10, 'Field', { openHours: { ...weekdays, sat: [{ open: '08:00', close: '17:00' }] } });

describe('the URL state', () => {
  const today = '2026-11-25'; // a Wednesday

  it('defaults to the week of today, by space, width-chosen span', () => {
    expect(parseWeekQuery({}, today)).toEqual({ week: '2026-11-23', view: 'space', span: null, day: null, only: null });
  });

  it('normalises any date to its Monday and keeps a day inside that week only', () => {
    expect(parseWeekQuery({ week: '2026-12-03', view: 'school', day: '2026-12-02', span: 'day', only: '4' }, today)).toEqual({ week: '2026-11-30', view: 'school', span: 'day', day: '2026-12-02', only: 4 });
    expect(parseWeekQuery({ week: '2026-12-03', day: '2026-12-09' }, today).day).toBeNull();
    expect(parseWeekQuery({ day: '2027-01-06' }, today).week).toBe('2027-01-04');
  });

  it('ignores malformed values', () => {
    expect(parseWeekQuery({ week: '2026-02-30', view: 'nope', span: 'month', only: '-3' }, today)).toEqual({ week: '2026-11-23', view: 'space', span: null, day: null, only: null });
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-2-28')).toBe(false);
  });

  it('round-trips through the query string', () => {
    const state = { week: '2026-11-30', view: 'school' as const, span: 'day' as const, day: '2026-12-01', only: 3 };
    const query = Object.fromEntries(new URLSearchParams(weekQueryString(state)));
    expect(weekQueryString({ week: '2026-11-30', view: 'space', span: null, day: null, only: null })).toBe('week=2026-11-30&view=space');
    expect(parseWeekQuery(query, today)).toEqual(state);
  });

  it('shows today in day view when today is in the week, else the Monday', () => {
    expect(dayShown({ week: '2026-11-23', day: null }, today)).toBe('2026-11-25');
    expect(dayShown({ week: '2026-11-30', day: null }, today)).toBe('2026-11-30');
    expect(dayShown({ week: '2026-11-30', day: '2026-12-04' }, today)).toBe('2026-12-04');
    expect(weekDates('2026-11-30')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
  });
});

describe('columns', () => {
  it('puts each space after its parent and leaves archived spaces out', () => {
    const ordered = orderSpaces([north, space(2, 'Cafeteria', { archived: true }), gym, library, south]);
    expect(ordered.map((s) => s.id)).toEqual([7, 8, 9, 1]);
  });

  it('keeps a part whose whole is archived as a column of its own', () => {
    expect(orderSpaces([{ ...gym, archived: true }, north]).map((s) => s.id)).toEqual([8]);
  });

  it('shows archived schools only when they still have bookings in the week', () => {
    const all = [school(1, '1930'), school(2, '1931', true), school(3, '1944', true)];
    expect(schoolColumns(all, [occurrence(1, '2026-11-30T08:00', '2026-11-30T09:00', { schoolId: 2 })]).map((s) => s.id)).toEqual([1, 2]);
  });
});

describe('closures', () => {
  const spaces = [gym, north, south, library];

  it('closing a half closes the whole but not the other half; closing the whole closes both halves', () => {
    expect(closedSpaceIds({ spaceIds: [8] }, spaces)).toEqual([7, 8]);
    expect(closedSpaceIds({ spaceIds: [7] }, spaces)).toEqual([7, 8, 9]);
    expect(closedSpaceIds({ spaceIds: [1] }, spaces)).toEqual([1]);
    expect(closedSpaceIds({ spaceIds: null }, spaces)).toBeNull();
  });

  it('keeps the closures that overlap the week, in order, not archived', () => {
    const all = [closure(3), closure(1, { localStart: '2026-11-16T00:00', localEnd: '2026-11-23T00:00' }), closure(2, { archived: true }), closure(4, { localStart: '2026-11-29T10:00', localEnd: '2026-11-30T00:00', allDay: false })];
    expect(closuresBetween(all, '2026-11-23', '2026-11-30').map((c) => c.id)).toEqual([3, 4]);
  });

  it('reads the last day of a whole-day closure from its exclusive end', () => {
    expect(closureDates(closure(3))).toEqual({ first: '2026-11-23', last: '2026-11-27' });
    expect(closureDates(closure(5, { localStart: '2026-11-11T00:00', localEnd: '2026-11-12T00:00' }))).toEqual({ first: '2026-11-11', last: '2026-11-11' });
    expect(closureDates(closure(6, { allDay: false }))).toBeNull();
  });

  it('formats day spans for the language, without the browser zone', () => {
    expect(plain(formatDateSpan('2026-11-23', '2026-11-27', 'en'))).toBe('Nov 23 – 27');
    expect(plain(formatDateSpan('2026-11-11', '2026-11-11', 'en'))).toBe('Nov 11');
    expect(plain(formatDateSpan('2026-11-30', '2026-12-06', 'en', true))).toBe('Nov 30 – Dec 6, 2026');
    expect(plain(formatDateSpan('2026-11-23', '2026-11-27', 'es'))).toMatch(/23.*27.*nov/);
  });

  it('shades a campus-wide closure on every column, a space closure on the spaces it closes', () => {
    const spaceCols = [7, 8, 9, 1];
    const events = closureEvents([closure(3), closure(12, { spaceIds: [8] })], 'space', spaces, spaceCols);
    expect(events.map((e) => [e.id, e.resourceIds, e.display])).toEqual([
      ['closure-3', ['7', '8', '9', '1'], 'background'],
      ['closure-12', ['7', '8'], 'background'],
    ]);
    // By school: a space closure does not map onto schools (it is listed as text).
    expect(closureEvents([closure(3), closure(12, { spaceIds: [8] })], 'school', spaces, [1, 2]).map((e) => e.resourceIds)).toEqual([['1', '2']]);
    // Only the columns shown.
    expect(closureEvents([closure(12, { spaceIds: [8] })], 'space', spaces, [1])).toEqual([]);
  });
});

describe('the grid', () => {
  it('shows the hours from the earliest opening to the latest closing or booking end, in whole hours', () => {
    expect(visibleHours([library, space(2, 'Cafeteria', { openHours: { mon: [{ open: '06:30', close: '20:00' }] } })], [])).toEqual({ min: '06:00', max: '20:00' });
    expect(visibleHours([library], [occurrence(1, '2026-11-30T18:15', '2026-11-30T21:10')])).toEqual({ min: '07:00', max: '22:00' });
    expect(visibleHours([library], [occurrence(1, '2026-11-30T22:00', '2026-12-01T01:00')])).toEqual({ min: '00:00', max: '24:00' });
    expect(visibleHours([space(3, 'Closed room', { openHours: null })], [])).toEqual({ min: '07:00', max: '18:00' });
  });

  it('leaves out the week days nobody can use (calendar numbering: Sunday 0)', () => {
    expect(idleWeekdays([library], [], '2026-11-30')).toEqual([6, 0]);
    expect(idleWeekdays([library, weekend], [], '2026-11-30')).toEqual([0]);
    expect(idleWeekdays([library], [occurrence(1, '2026-12-06T10:00', '2026-12-06T11:00')], '2026-11-30')).toEqual([6]);
    expect(idleWeekdays([space(3, 'Closed room', { openHours: null })], [], '2026-11-30')).toEqual([]);
  });

  it('groups the week by day in time order', () => {
    const days = occurrencesByDay([occurrence(2, '2026-12-01T10:00', '2026-12-01T11:00'), occurrence(1, '2026-12-01T08:00', '2026-12-01T09:00'), occurrence(3, '2026-11-30T08:00', '2026-11-30T09:00')], '2026-11-30');
    expect(days).toHaveLength(7);
    expect(days[0]!.items.map((o) => o.occurrenceId)).toEqual([3]);
    expect(days[1]!.items.map((o) => o.occurrenceId)).toEqual([1, 2]);
    expect(days[6]!.items).toEqual([]);
  });

  it('places each occurrence in its space or school column, coloured by school', () => {
    const o = occurrence(5, '2026-11-30T08:00', '2026-11-30T09:30', { spaceId: 4, schoolId: 2 });
    const [bySpace] = occurrenceEvents([o], 'space', () => '#1f5f99');
    expect(bySpace).toMatchObject({ id: '5', resourceIds: ['4'], start: '2026-11-30T08:00', end: '2026-11-30T09:30', display: 'auto', backgroundColor: '#1f5f99', textColor: '#ffffff' });
    expect(bySpace!.extendedProps.occurrence).toBe(o);
    expect(occurrenceEvents([o], 'school', () => '#000')[0]!.resourceIds).toEqual(['2']);
  });
});

describe('picking a slot', () => {
  it('reads the wall clock from the calendar’s ISO strings and adds minutes on the wall clock', () => {
    expect(wallFromIso('2026-11-30T15:30:00')).toBe('2026-11-30T15:30');
    expect(addMinutes('2026-11-30T23:30', 60)).toBe('2026-12-01T00:30');
    // No zone is involved: the spring-forward night in Los Angeles is an ordinary hour here.
    expect(addMinutes('2027-03-14T01:30', 60)).toBe('2027-03-14T02:30');
  });

  it('builds the booking form’s address', () => {
    expect(bookingFormUrl(5, '2026-11-30T11:00', '2026-11-30T12:00')).toBe('/book?spaceId=5&start=2026-11-30T11%3A00&end=2026-11-30T12%3A00');
    const params = new URLSearchParams(bookingFormUrl(5, '2026-11-30T11:00', '2026-11-30T12:00').split('?')[1]);
    expect(Object.fromEntries(params)).toEqual({ spaceId: '5', start: '2026-11-30T11:00', end: '2026-11-30T12:00' });
  });

  it('formats a time range for the language', () => {
    expect(plain(formatTimeSpan('2026-11-30T08:00', '2026-11-30T10:00', 'en'))).toBe('8:00 – 10:00 AM');
    expect(plain(formatTimeSpan('2026-11-30T08:00', '2026-11-30T10:00', 'es'))).toBe('8:00–10:00');
    expect(plain(formatTimeSpan('2026-11-30T22:00', '2026-12-01T01:00', 'en'))).toBe('10:00 PM – 1:00 AM');
  });
});
