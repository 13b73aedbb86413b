import { describe, expect, it } from 'vitest';
import type { Booking, Occurrence } from '../../web/src/api/types.js';
import {
  alternativesFor,
  applyAlternative,
  changesBetween,
  emptyForm,
  formFieldOf,
  formFromBooking,
  formFromQuery,
  orderSpaces,
  pendingReason,
  rebase,
  shapeFor,
  toInput,
  validate,
  zoneCity,
  type FormState,
} from '../../web/src/booking/booking-form.js';
import { defaultRepeat, parseRule } from '../../web/src/booking/recurrence.js';

/** The booking form as data: prefill, checks, request bodies, edits, alternatives. */

const YEAR_END = '2027-06-11';
const SERIES = shapeFor('series');
const filled = (patch: Partial<FormState> = {}): FormState => ({
  ...emptyForm('2026-12-01', '2'),
  spaceId: '1',
  title: 'Book club',
  attendees: '25',
  startTime: '15:30',
  endTime: '16:30',
  ...patch,
});

describe('formFromQuery', () => {
  const context = { today: '2026-11-23', schoolIds: [2], spaceIds: [1, 7] };
  it.each([
    [{}, { schoolId: '2', spaceId: '', date: '2026-11-23', startTime: '', endTime: '' }],
    [{ spaceId: '7', start: '2026-12-01T15:30', end: '2026-12-01T16:30' }, { spaceId: '7', date: '2026-12-01', startTime: '15:30', endTime: '16:30' }],
    [{ spaceId: '99', start: 'tomorrow', schoolId: '5' }, { spaceId: '', date: '2026-11-23', startTime: '', schoolId: '2' }],
    [{ start: '2026-12-01T23:00', end: '2026-12-02T01:00' }, { startTime: '23:00', endTime: '' }],
  ] as const)('%o', (query, expected) => expect(formFromQuery(query, context)).toMatchObject(expected));

  it('starts a weekly choice on the slot’s weekday', () => {
    expect(formFromQuery({ start: '2026-12-03T10:00' }, context).repeat.days).toEqual(['TH']);
  });
});

describe('validate', () => {
  const cases: Array<[string, Partial<FormState>, Record<string, string>]> = [
    ['complete', {}, {}],
    ['blank title', { title: '  ' }, { title: 'booking.errors.titleRequired' }],
    ['no space', { spaceId: '' }, { spaceId: 'booking.errors.spaceRequired' }],
    ['no attendees', { attendees: '' }, { attendees: 'booking.errors.attendeesRequired' }],
    ['attendees not whole', { attendees: '2.5' }, { attendees: 'booking.errors.attendeesNumber' }],
    ['zero attendees is fine', { attendees: '0' }, {}],
    ['no times', { startTime: '', endTime: '' }, { startTime: 'booking.errors.startRequired', endTime: 'booking.errors.endRequired' }],
    ['end before start', { endTime: '15:00' }, { endTime: 'booking.errors.endBeforeStart' }],
    ['end equal to start', { endTime: '15:30' }, { endTime: 'booking.errors.endBeforeStart' }],
    ['weekly without days', { repeat: { ...defaultRepeat('2026-12-01'), mode: 'weekly', days: [] } }, { days: 'booking.errors.daysRequired' }],
    ['a skip date the series does not have', { repeat: parseRule('FREQ=WEEKLY;BYDAY=TU', '2026-12-01'), exdates: ['2026-12-09'] }, { exdates: 'booking.errors.exdateNotInSeries' }],
    ['skip dates of a one-off are ignored (not sent)', { exdates: ['2026-12-09'] }, {}],
  ];
  it.each(cases)('%s', (_name, patch, problems) => expect(validate(filled(patch), SERIES, YEAR_END)).toEqual(problems));

  it('says why availability is not checked yet', () => {
    expect(pendingReason(validate(filled(), SERIES, YEAR_END))).toBeNull();
    expect(pendingReason(validate(filled({ title: '', endTime: '15:00' }), SERIES, YEAR_END))).toBe('booking.check.incomplete');
    expect(pendingReason(validate(filled({ endTime: '15:00' }), SERIES, YEAR_END))).toBe('booking.check.fixFields');
  });
  it('does not check what a single occurrence cannot change', () => {
    const form = filled({ purpose: 'x'.repeat(3000), repeat: { ...defaultRepeat('2026-12-01'), mode: 'weekly', days: [] } });
    expect(validate(form, shapeFor('occurrence'), YEAR_END)).toEqual({});
  });
});

describe('toInput', () => {
  it('a one-off', () => {
    expect(toInput(filled({ title: ' Book club ', exdates: ['2026-12-08'] }))).toEqual({
      spaceId: 1,
      schoolId: 2,
      title: 'Book club',
      purpose: '',
      attendees: 25,
      start: '2026-12-01T15:30',
      end: '2026-12-01T16:30',
      rrule: null,
      exdates: [],
    });
  });
  it('a series with skip dates', () => {
    const input = toInput(filled({ repeat: parseRule('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231', '2026-12-01'), exdates: ['2026-12-08T15:30', '2026-12-03'] }));
    expect(input).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231', exdates: ['2026-12-03', '2026-12-08'] });
  });
});

const occurrence = (id: number, start: string, patch: Partial<Occurrence> = {}): Occurrence => ({
  id,
  bookingId: 11,
  spaceId: 1,
  schoolId: 2,
  originalLocalStart: start,
  localStart: start,
  localEnd: `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + 1).padStart(2, '0')}${start.slice(13)}`,
  startUtc: '',
  endUtc: '',
  status: 'active',
  isException: false,
  title: null,
  attendees: null,
  cancelledAt: null,
  cancelledBy: null,
  ...patch,
});

const booking: Booking = {
  id: 11,
  campusId: 1,
  spaceId: 1,
  schoolId: 2,
  title: 'Book club',
  purpose: 'Reading',
  attendees: 25,
  start: '2026-12-01T15:30',
  end: '2026-12-01T16:30',
  rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=5',
  exdates: ['2026-12-08T15:30', '2026-12-22'],
  status: 'active',
  version: 3,
  splitFromId: null,
  createdBy: 4,
  createdAt: '',
  updatedAt: '',
  cancelledBy: null,
  cancelledAt: null,
  occurrences: [
    occurrence(101, '2026-12-01T15:30'),
    occurrence(103, '2026-12-15T15:30', { localStart: '2026-12-15T14:00', localEnd: '2026-12-15T15:30', title: 'Special', attendees: 40, spaceId: 12, isException: true }),
    occurrence(105, '2026-12-29T15:30'),
  ],
};

describe('formFromBooking', () => {
  it('series: the booking as defined, skip dates as whole dates', () => {
    expect(formFromBooking(booking, 'series', null)).toMatchObject({
      schoolId: '2',
      spaceId: '1',
      title: 'Book club',
      purpose: 'Reading',
      attendees: '25',
      date: '2026-12-01',
      startTime: '15:30',
      endTime: '16:30',
      repeat: { mode: 'weekly', days: ['TU'], ends: 'count', count: '5' },
      exdates: ['2026-12-08', '2026-12-22'],
    });
  });
  it('occurrence: that date as it is now', () => {
    expect(formFromBooking(booking, 'occurrence', 103)).toMatchObject({ spaceId: '12', title: 'Special', attendees: '40', date: '2026-12-15', startTime: '14:00', endTime: '15:30' });
  });
  it('following: from that date, with the series times, later skip dates and the COUNT left', () => {
    // Generated before 15 Dec: 1 Dec (kept) and 8 Dec (skipped) → 5 − 2 = 3 left.
    expect(formFromBooking(booking, 'following', 103)).toMatchObject({
      date: '2026-12-15',
      startTime: '15:30',
      endTime: '16:30',
      repeat: { mode: 'weekly', ends: 'count', count: '3' },
      exdates: ['2026-12-22'],
    });
  });
  it('an unknown occurrence falls back to the series', () => {
    expect(formFromBooking(booking, 'occurrence', 999)).toEqual(formFromBooking(booking, 'series', null));
  });
  it('a rule the editor cannot show stays custom', () => {
    expect(formFromBooking({ ...booking, rrule: 'FREQ=MONTHLY;BYDAY=1TU' }, 'series', null).repeat).toMatchObject({ mode: 'custom', custom: 'FREQ=MONTHLY;BYDAY=1TU' });
  });
});

describe('changesBetween', () => {
  const base = formFromBooking(booking, 'series', null);
  const cases: Array<[string, Partial<FormState>, object]> = [
    ['nothing', {}, {}],
    ['title, trimmed', { title: 'Book club ' }, {}],
    ['title', { title: 'Readers' }, { title: 'Readers' }],
    ['attendees as a number', { attendees: '30' }, { attendees: 30 }],
    ['space', { spaceId: '12' }, { spaceId: 12 }],
    ['a time: start and end go together', { startTime: '14:30' }, { start: '2026-12-01T14:30', end: '2026-12-01T16:30' }],
    ['a skip date', { exdates: ['2026-12-08', '2026-12-22', '2026-12-29'] }, { exdates: ['2026-12-08', '2026-12-22', '2026-12-29'] }],
    ['the rule', { repeat: { ...base.repeat, days: ['TU', 'TH'] } }, { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=5' }],
    ['no longer repeating: rule and skip dates go', { repeat: { ...base.repeat, mode: 'none' } }, { rrule: null, exdates: [] }],
  ];
  it.each(cases)('%s', (_name, patch, changes) => expect(changesBetween(base, { ...base, ...patch }, SERIES)).toEqual(changes));

  it('one occurrence: only what an occurrence can change', () => {
    const one = formFromBooking(booking, 'occurrence', 103);
    const edited = { ...one, purpose: 'Other', title: 'Moved', repeat: { ...one.repeat, mode: 'none' as const } };
    expect(changesBetween(one, edited, shapeFor('occurrence'))).toEqual({ title: 'Moved' });
  });

  it('a custom rule is not sent unless it changed', () => {
    const custom = formFromBooking({ ...booking, rrule: 'FREQ=MONTHLY;BYDAY=1TU' }, 'series', null);
    expect(changesBetween(custom, { ...custom, title: 'New' }, SERIES)).toEqual({ title: 'New' });
  });
});

describe('rebase', () => {
  it('keeps what the person changed and takes the rest from the new baseline', () => {
    const oldBase = formFromBooking(booking, 'series', null);
    const newBase = formFromBooking({ ...booking, title: 'Book club (renamed)', attendees: 30, version: 4 }, 'series', null);
    const current = { ...oldBase, spaceId: '12' };
    expect(rebase(current, oldBase, newBase)).toEqual({ ...newBase, spaceId: '12' });
  });
});

describe('alternatives', () => {
  const alternatives = {
    skipDates: ['2026-12-22'],
    times: [{ shiftMinutes: -60, localStart: '2026-12-01T14:30', localEnd: '2026-12-01T15:30' }],
    spaces: [{ spaceId: 12, name: 'Conference Room', kind: 'meeting room', capacity: 24 }],
  };
  it('are one button each; times and spaces carry the skip dates along', () => {
    expect(alternativesFor(alternatives, true)).toEqual([
      { kind: 'time', localStart: '2026-12-01T14:30', localEnd: '2026-12-01T15:30', skipDates: ['2026-12-22'] },
      { kind: 'space', spaceId: 12, skipDates: ['2026-12-22'] },
      { kind: 'skip', skipDates: ['2026-12-22'] },
    ]);
  });
  it('a one-off on a closed date has nothing to apply', () => {
    expect(alternativesFor(alternatives, false)).toEqual([]);
    expect(alternativesFor({ ...alternatives, skipDates: [] }, false)).toHaveLength(2);
    expect(alternativesFor(null, true)).toEqual([]);
  });
  it('closed dates alone: skipping them is the only suggestion', () => {
    const closure = (date: string) => ({ kind: 'closure' as const, occurrence: { localStart: `${date}T16:00`, localEnd: `${date}T17:00`, startUtc: '', endUtc: '' } });
    expect(alternativesFor(alternatives, true, [closure('2026-12-22')])).toEqual([{ kind: 'skip', skipDates: ['2026-12-22'] }]);
    const overlap = { ...closure('2026-12-08'), kind: 'overlap' as const };
    expect(alternativesFor(alternatives, true, [closure('2026-12-22'), overlap])).toHaveLength(3);
  });
  it('apply: a time moves the time of day, not the date', () => {
    const form = filled({ date: '2026-12-08', exdates: ['2026-12-15'] });
    expect(applyAlternative(form, { kind: 'time', localStart: '2026-12-01T14:30', localEnd: '2026-12-01T15:30', skipDates: ['2026-12-22'] })).toMatchObject({
      date: '2026-12-08',
      startTime: '14:30',
      endTime: '15:30',
      exdates: ['2026-12-15', '2026-12-22'],
    });
  });
  it('apply: a space, and skip dates', () => {
    expect(applyAlternative(filled(), { kind: 'space', spaceId: 12, skipDates: [] })).toMatchObject({ spaceId: '12', exdates: [] });
    expect(applyAlternative(filled(), { kind: 'skip', skipDates: ['2026-12-22', '2026-12-29'] }).exdates).toEqual(['2026-12-22', '2026-12-29']);
  });
});

describe('small things', () => {
  it('server fields map to form fields', () => {
    expect(['/body/title', 'start', 'end', 'exdates/2', 'rrule', 'spaceId', 'occurrenceId'].map(formFieldOf)).toEqual(['title', 'date', 'endTime', 'exdates', 'rrule', 'spaceId', null]);
  });
  it('spaces: parents then their parts, archived left out unless chosen', () => {
    const spaces = [
      { id: 9, name: 'Gym — South Court', parentId: 7, archived: false },
      { id: 7, name: 'Gymnasium (whole)', parentId: null, archived: false },
      { id: 8, name: 'Gym — North Court', parentId: 7, archived: false },
      { id: 1, name: 'Library', parentId: null, archived: false },
      { id: 3, name: 'Old Annex', parentId: null, archived: true },
    ];
    expect(orderSpaces(spaces).map((o) => [o.space.id, o.depth])).toEqual([[7, 0], [8, 1], [9, 1], [1, 0]]);
    expect(orderSpaces(spaces, 3).map((o) => o.space.id)).toEqual([7, 8, 9, 1, 3]);
  });
  it('the campus clock is named by its city', () => {
    expect(zoneCity('America/Los_Angeles')).toBe('Los Angeles');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});
