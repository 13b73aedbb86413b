import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors.js';
import { expandSeries, parseRecurrenceRule, type ExpandSeriesInput } from '../../server/domain/recurrence.js';
import { weekdayOf } from '../../server/domain/wallclock.js';

const LA = 'America/Los_Angeles';
const HOUR = 3_600_000;
const isoUtc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

function expand(overrides: Partial<ExpandSeriesInput>) {
  return expandSeries({
    start: '2026-09-01T16:00',
    end: '2026-09-01T17:00',
    zone: LA,
    horizon: '2027-06-18',
    maxOccurrences: 500,
    ...overrides,
  });
}
const starts = (overrides: Partial<ExpandSeriesInput>) => expand(overrides).map((o) => o.originalLocalStart);

function validationError(fn: () => unknown): { field: string | undefined; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe('validation');
    return { field: e.details.fields?.[0]?.field, message: e.message };
  }
  throw new Error('expected a validation error');
}

describe('a weekly Tuesday 16:00–17:00 booking across the school year (America/Los_Angeles)', () => {
  const series = expand({ start: '2026-08-25T16:00', end: '2026-08-25T17:00', rrule: 'FREQ=WEEKLY;BYDAY=TU', horizon: '2027-06-15' });

  it('has one occurrence per Tuesday, 2026-08-25 to 2027-06-15 inclusive', () => {
    expect(series).toHaveLength(43);
    expect(series[0]?.localStart).toBe('2026-08-25T16:00');
    expect(series.at(-1)?.localStart).toBe('2027-06-15T16:00');
    expect(series.every((o) => weekdayOf(o.localStart.slice(0, 10)) === 2)).toBe(true);
  });

  it('stays at 16:00–17:00 local on both sides of both DST changes', () => {
    for (const o of series) {
      expect(o.localStart.slice(11)).toBe('16:00');
      expect(o.localEnd.slice(11)).toBe('17:00');
      expect(o.originalLocalStart).toBe(o.localStart);
      expect(o.endUtc - o.startUtc).toBe(HOUR);
    }
  });

  it.each([
    ['2026-10-27T16:00', '2026-10-27T23:00Z'], // last PDT Tuesday
    ['2026-11-03T16:00', '2026-11-04T00:00Z'], // first PST Tuesday
    ['2027-03-09T16:00', '2027-03-10T00:00Z'], // last PST Tuesday
    ['2027-03-16T16:00', '2027-03-16T23:00Z'], // first PDT Tuesday
  ])('%s starts at %s', (local, expected) => {
    const o = series.find((x) => x.localStart === local);
    expect(o && isoUtc(o.startUtc)).toBe(expected);
  });

  it('shifts the UTC hour with the season: 23:00Z in PDT, 00:00Z next day in PST', () => {
    for (const o of series) {
      const date = o.localStart.slice(0, 10);
      const pst = date > '2026-11-01' && date < '2027-03-14';
      expect(new Date(o.startUtc).getUTCHours()).toBe(pst ? 0 : 23);
    }
  });

  it('is sorted by start instant', () => {
    const instants = series.map((o) => o.startUtc);
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
  });
});

describe('occurrences on DST change days', () => {
  it('moves a nonexistent 02:30 on 2027-03-14 to 03:30 PDT and keeps its length', () => {
    const series = expand({ start: '2027-03-13T02:30', end: '2027-03-13T03:10', rrule: 'FREQ=DAILY;COUNT=3' });
    expect(series.map((o) => [o.originalLocalStart, o.localStart, o.localEnd, isoUtc(o.startUtc)])).toEqual([
      ['2027-03-13T02:30', '2027-03-13T02:30', '2027-03-13T03:10', '2027-03-13T10:30Z'],
      ['2027-03-14T02:30', '2027-03-14T03:30', '2027-03-14T04:10', '2027-03-14T10:30Z'],
      ['2027-03-15T02:30', '2027-03-15T02:30', '2027-03-15T03:10', '2027-03-15T09:30Z'],
    ]);
    expect(series.every((o) => o.endUtc - o.startUtc === 40 * 60_000)).toBe(true);
  });

  it('gives an ambiguous 01:30 on 2026-11-01 its first (PDT) instant, daily across the change', () => {
    const series = expand({ start: '2026-10-31T01:30', end: '2026-10-31T01:45', rrule: 'FREQ=DAILY;COUNT=3' });
    expect(series.map((o) => [o.localStart, isoUtc(o.startUtc), isoUtc(o.endUtc)])).toEqual([
      ['2026-10-31T01:30', '2026-10-31T08:30Z', '2026-10-31T08:45Z'],
      ['2026-11-01T01:30', '2026-11-01T08:30Z', '2026-11-01T08:45Z'],
      ['2026-11-02T01:30', '2026-11-02T09:30Z', '2026-11-02T09:45Z'],
    ]);
  });

  it('keeps wall-clock ends: 01:00–02:00 on the fall-back day lasts two real hours', () => {
    const [o] = expand({ start: '2026-11-01T01:00', end: '2026-11-01T02:00' });
    expect(o && [isoUtc(o.startUtc), isoUtc(o.endUtc), o.localEnd]).toEqual(['2026-11-01T08:00Z', '2026-11-01T10:00Z', '2026-11-01T02:00']);
  });
});

describe('other zones', () => {
  it('Europe/Madrid: 18:00 weekly is 16:00Z in summer time and 17:00Z in winter', () => {
    const series = expand({ zone: 'Europe/Madrid', start: '2026-10-20T18:00', end: '2026-10-20T19:00', rrule: 'FREQ=WEEKLY;UNTIL=20270406' });
    const row = (local: string) => series.find((o) => o.localStart === local);
    expect(isoUtc(row('2026-10-20T18:00')?.startUtc ?? NaN)).toBe('2026-10-20T16:00Z');
    expect(isoUtc(row('2026-10-27T18:00')?.startUtc ?? NaN)).toBe('2026-10-27T17:00Z');
    expect(isoUtc(row('2027-03-23T18:00')?.startUtc ?? NaN)).toBe('2027-03-23T17:00Z');
    expect(isoUtc(row('2027-03-30T18:00')?.startUtc ?? NaN)).toBe('2027-03-30T16:00Z');
  });

  it('Australia/Sydney: daylight time starts in October and ends in April', () => {
    const series = expand({ zone: 'Australia/Sydney', start: '2026-09-28T10:00', end: '2026-09-28T11:00', rrule: 'FREQ=WEEKLY;BYDAY=MO', horizon: '2027-04-12' });
    const row = (local: string) => series.find((o) => o.localStart === local);
    expect(isoUtc(row('2026-09-28T10:00')?.startUtc ?? NaN)).toBe('2026-09-28T00:00Z');
    expect(isoUtc(row('2026-10-05T10:00')?.startUtc ?? NaN)).toBe('2026-10-04T23:00Z');
    expect(isoUtc(row('2027-03-29T10:00')?.startUtc ?? NaN)).toBe('2027-03-28T23:00Z');
    expect(isoUtc(row('2027-04-05T10:00')?.startUtc ?? NaN)).toBe('2027-04-05T00:00Z');
  });
});

describe('rule parts', () => {
  it.each([
    ['FREQ=WEEKLY;COUNT=3', '2026-09-01T16:00', ['2026-09-01', '2026-09-08', '2026-09-15']],
    ['RRULE:FREQ=WEEKLY;COUNT=3', '2026-09-01T16:00', ['2026-09-01', '2026-09-08', '2026-09-15']],
    ['freq=weekly;count=2', '2026-09-01T16:00', ['2026-09-01', '2026-09-08']],
    ['FREQ=WEEKLY;INTERVAL=2;COUNT=3', '2026-09-01T16:00', ['2026-09-01', '2026-09-15', '2026-09-29']],
    ['FREQ=DAILY;INTERVAL=3;COUNT=3', '2026-09-01T16:00', ['2026-09-01', '2026-09-04', '2026-09-07']],
    ['FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4', '2026-09-01T16:00', ['2026-09-01', '2026-09-03', '2026-09-08', '2026-09-10']],
    ['FREQ=WEEKLY;UNTIL=20260915', '2026-09-01T16:00', ['2026-09-01', '2026-09-08', '2026-09-15']],
    ['FREQ=WEEKLY;UNTIL=20260914', '2026-09-01T16:00', ['2026-09-01', '2026-09-08']],
    ['FREQ=WEEKLY;UNTIL=20260915T160000', '2026-09-01T16:00', ['2026-09-01', '2026-09-08', '2026-09-15']],
    ['FREQ=WEEKLY;UNTIL=20260915T155900', '2026-09-01T16:00', ['2026-09-01', '2026-09-08']],
    // UTC UNTIL: 16:00 PDT on 2026-09-15 is 23:00Z
    ['FREQ=WEEKLY;UNTIL=20260915T230000Z', '2026-09-01T16:00', ['2026-09-01', '2026-09-08', '2026-09-15']],
    ['FREQ=WEEKLY;UNTIL=20260915T225959Z', '2026-09-01T16:00', ['2026-09-01', '2026-09-08']],
    // … and 16:00 PST on 2026-11-17 is 00:00Z the next day
    ['FREQ=WEEKLY;UNTIL=20261118T000000Z', '2026-11-03T16:00', ['2026-11-03', '2026-11-10', '2026-11-17']],
    ['FREQ=WEEKLY;UNTIL=20261117T235959Z', '2026-11-03T16:00', ['2026-11-03', '2026-11-10']],
    // 01:50 on 2026-11-01 is 08:50Z (first instance), before 09:10Z = the second 01:10: compared as instants
    ['FREQ=DAILY;UNTIL=20261101T091000Z', '2026-10-31T01:50', ['2026-10-31', '2026-11-01']],
    ['FREQ=MONTHLY;BYDAY=2TU;COUNT=4', '2026-09-08T16:00', ['2026-09-08', '2026-10-13', '2026-11-10', '2026-12-08']],
    ['FREQ=MONTHLY;BYDAY=+2TU;COUNT=2', '2026-09-08T16:00', ['2026-09-08', '2026-10-13']],
    ['FREQ=MONTHLY;BYDAY=-1FR;COUNT=4', '2026-09-25T16:00', ['2026-09-25', '2026-10-30', '2026-11-27', '2026-12-25']],
    ['FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=6', '2026-09-30T16:00', ['2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31', '2027-01-31', '2027-02-28']],
    ['FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3', '2026-08-31T16:00', ['2026-08-31', '2026-10-31', '2026-12-31']],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=3', '2026-09-01T16:00', ['2026-09-01', '2026-09-15', '2026-10-01']],
    // weeks start on WKST, which decides which Sunday pairs with which Tuesday
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO;COUNT=4', '2026-09-01T16:00', ['2026-09-01', '2026-09-06', '2026-09-15', '2026-09-20']],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU;COUNT=4', '2026-09-01T16:00', ['2026-09-01', '2026-09-13', '2026-09-15', '2026-09-27']],
    // RFC 5545: DTSTART is the first occurrence even when the rule does not match it, and COUNT counts it
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=3', '2026-08-31T16:00', ['2026-08-31', '2026-09-01', '2026-09-08']],
  ])('%s from %s', (rrule, start, expectedDates) => {
    const end = `${start.slice(0, 11)}17:00`;
    expect(starts({ rrule, start, end }).map((s) => s.slice(0, 10))).toEqual(expectedDates);
  });

  it('parses a rule into its parts', () => {
    expect(parseRecurrenceRule('RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR,TU;UNTIL=20270601T070000Z;WKST=SU')).toEqual({
      freq: 'MONTHLY',
      interval: 2,
      byDay: [{ weekday: 'FR', ordinal: -1 }, { weekday: 'TU', ordinal: null }],
      byMonthDay: [],
      count: null,
      until: { kind: 'utc', instant: Date.parse('2027-06-01T07:00:00Z') },
      wkst: 'SU',
    });
  });
});

describe('horizon and size limits', () => {
  it('cuts an open-ended series at the horizon date, inclusive', () => {
    expect(starts({ rrule: 'FREQ=WEEKLY', horizon: '2026-09-15' })).toEqual(['2026-09-01T16:00', '2026-09-08T16:00', '2026-09-15T16:00']);
    expect(starts({ rrule: 'FREQ=WEEKLY', horizon: '2026-09-14' })).toEqual(['2026-09-01T16:00', '2026-09-08T16:00']);
  });

  it('cuts at the horizon even when COUNT or UNTIL reach further', () => {
    expect(starts({ rrule: 'FREQ=WEEKLY;COUNT=100', horizon: '2026-09-15' })).toHaveLength(3);
    expect(starts({ rrule: 'FREQ=WEEKLY;UNTIL=20300101', horizon: '2026-09-15' })).toHaveLength(3);
  });

  it('accepts exactly maxOccurrences and rejects one more', () => {
    expect(expand({ rrule: 'FREQ=DAILY;COUNT=10', maxOccurrences: 10 })).toHaveLength(10);
    const e = validationError(() => expand({ rrule: 'FREQ=DAILY;COUNT=11', maxOccurrences: 10 }));
    expect(e.field).toBe('rrule');
    expect(e.message).toMatch(/more than 10 occurrences/);
  });

  it('rejects a daily series over the whole school year when the cap is lower', () => {
    expect(validationError(() => expand({ rrule: 'FREQ=DAILY', maxOccurrences: 200 })).field).toBe('rrule');
  });

  it.each([
    ['a start after the horizon', { rrule: 'FREQ=WEEKLY', horizon: '2026-08-31' }, /no occurrences/],
    ['UNTIL before the start', { rrule: 'FREQ=WEEKLY;UNTIL=20260831' }, /UNTIL is before/],
    ['UTC UNTIL before the start', { rrule: 'FREQ=WEEKLY;UNTIL=20260901T225900Z' }, /UNTIL is before/],
  ])('rejects %s', (_name, overrides, message) => {
    const e = validationError(() => expand(overrides));
    expect(e.field).toBe('rrule');
    expect(e.message).toMatch(message);
  });

  it('returns a single occurrence without a rule', () => {
    expect(expand({})).toEqual([
      {
        originalLocalStart: '2026-09-01T16:00',
        localStart: '2026-09-01T16:00',
        localEnd: '2026-09-01T17:00',
        startUtc: Date.parse('2026-09-01T23:00:00Z'),
        endUtc: Date.parse('2026-09-02T00:00:00Z'),
      },
    ]);
  });
});

describe('exdates', () => {
  const weekly = { rrule: 'FREQ=WEEKLY;COUNT=4' };

  it.each([
    [['2026-09-08T16:00'], ['2026-09-01', '2026-09-15', '2026-09-22']],
    [['2026-09-08'], ['2026-09-01', '2026-09-15', '2026-09-22']],
    [['2026-09-01', '2026-09-22T16:00'], ['2026-09-08', '2026-09-15']],
  ])('%j removes the matching occurrences', (exdates, expectedDates) => {
    expect(starts({ ...weekly, exdates }).map((s) => s.slice(0, 10))).toEqual(expectedDates);
  });

  it('matches the generated wall time, not the gap-shifted one', () => {
    const series = expand({ start: '2027-03-13T02:30', end: '2027-03-13T03:00', rrule: 'FREQ=DAILY;COUNT=3', exdates: ['2027-03-14T02:30'] });
    expect(series.map((o) => o.localStart)).toEqual(['2027-03-13T02:30', '2027-03-15T02:30']);
  });

  it.each([
    [['2026-09-08T16:00', '2026-09-08T16:30'], 'exdates/1', /no occurrence starts at 2026-09-08T16:30/],
    [['2026-09-09'], 'exdates/0', /no occurrence starts at 2026-09-09/],
    [['2026-09-29T16:00'], 'exdates/0', /no occurrence/],
    [['20260908T160000'], 'exdates/0', /must be a local date-time/],
    [['2026-09-08T16:00:00'], 'exdates/0', /must be a local date-time/],
    [['2026-02-30'], 'exdates/0', /must be a local date-time/],
  ])('%j is rejected on %s', (exdates, field, message) => {
    const e = validationError(() => expand({ ...weekly, exdates }));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('skips unmatched exdates when asked to (series rebuilt after a split), but not malformed ones', () => {
    const exdates = ['2026-09-08', '2026-12-01T16:00'];
    expect(starts({ ...weekly, exdates, ignoreUnmatchedExdates: true })).toHaveLength(3);
    expect(validationError(() => expand({ ...weekly, exdates: ['2026-13-01'], ignoreUnmatchedExdates: true })).field).toBe('exdates/0');
  });

  it('rejects exdates that remove every occurrence', () => {
    const exdates = ['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22'];
    expect(validationError(() => expand({ ...weekly, exdates })).field).toBe('rrule');
  });

  it('rejects exdates without a rule', () => {
    expect(validationError(() => expand({ exdates: ['2026-09-01'] })).field).toBe('exdates');
  });
});

describe('invalid rules give a validation error on "rrule"', () => {
  it.each([
    ['', /empty/],
    ['RRULE:', /empty/],
    ['garbage', /NAME=VALUE/],
    ['BYDAY=TU', /FREQ is required/],
    ['FREQ=YEARLY', /FREQ=YEARLY is not supported/],
    ['FREQ=HOURLY', /FREQ=HOURLY/],
    ['FREQ=MINUTELY', /FREQ=MINUTELY/],
    ['FREQ=SECONDLY', /FREQ=SECONDLY/],
    ['FREQ=FORTNIGHTLY', /FREQ=FORTNIGHTLY/],
    ['FREQ=WEEKLY;BYSETPOS=1', /BYSETPOS is not supported/],
    ['FREQ=DAILY;BYHOUR=9', /BYHOUR is not supported/],
    ['FREQ=DAILY;BYMINUTE=5', /BYMINUTE/],
    ['FREQ=DAILY;BYSECOND=5', /BYSECOND/],
    ['FREQ=WEEKLY;BYWEEKNO=3', /BYWEEKNO/],
    ['FREQ=DAILY;BYYEARDAY=1', /BYYEARDAY/],
    ['FREQ=MONTHLY;BYMONTH=1', /BYMONTH is not supported/],
    ['FREQ=WEEKLY;TZID=America/Los_Angeles', /TZID/],
    ['FREQ=WEEKLY;X-NAME=1', /X-NAME/],
    ['DTSTART:20260901T160000\nRRULE:FREQ=WEEKLY', /single line/],
    ['FREQ=WEEKLY; COUNT=2', /single line/],
    ['FREQ=WEEKLY;FREQ=DAILY', /FREQ is given more than once/],
    ['FREQ=WEEKLY;BYDAY=TU;BYDAY=WE', /BYDAY is given more than once/],
    ['FREQ=WEEKLY;', /NAME=VALUE/],
    ['FREQ=WEEKLY;;COUNT=2', /NAME=VALUE/],
    ['FREQ=WEEKLY;COUNT', /NAME=VALUE/],
    ['FREQ=WEEKLY;COUNT=', /NAME=VALUE/],
    ['FREQ=WEEKLY;COUNT=1=2', /NAME=VALUE/],
    ['FREQ=WEEKLY;COUNT=0', /COUNT must be/],
    ['FREQ=WEEKLY;COUNT=1001', /COUNT must be/],
    ['FREQ=WEEKLY;COUNT=abc', /COUNT must be/],
    ['FREQ=WEEKLY;COUNT=-1', /COUNT must be/],
    ['FREQ=WEEKLY;COUNT=1.5', /COUNT must be/],
    ['FREQ=WEEKLY;INTERVAL=0', /INTERVAL must be/],
    ['FREQ=WEEKLY;INTERVAL=53', /INTERVAL must be/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY must be one of/],
    ['FREQ=WEEKLY;BYDAY=TUESDAY', /BYDAY item/],
    ['FREQ=WEEKLY;BYDAY=TU,,WE', /empty item/],
    ['FREQ=WEEKLY;BYDAY=TU,TU', /twice/],
    ['FREQ=WEEKLY;BYDAY=2TU', /only allowed with FREQ=MONTHLY/],
    ['FREQ=DAILY;BYDAY=-1FR', /only allowed with FREQ=MONTHLY/],
    ['FREQ=MONTHLY;BYDAY=0TU', /ordinal must be/],
    ['FREQ=MONTHLY;BYDAY=6TU', /ordinal must be/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY=0/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /BYMONTHDAY=32/],
    ['FREQ=MONTHLY;BYMONTHDAY=-32', /BYMONTHDAY=-32/],
    ['FREQ=MONTHLY;BYMONTHDAY=LAST', /BYMONTHDAY=LAST/],
    ['FREQ=WEEKLY;BYMONTHDAY=1', /cannot be used with FREQ=WEEKLY/],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20270101', /COUNT and UNTIL/],
    ['FREQ=WEEKLY;UNTIL=2027', /UNTIL/],
    ['FREQ=WEEKLY;UNTIL=20270230', /UNTIL/],
    ['FREQ=WEEKLY;UNTIL=2027-01-01', /UNTIL/],
    ['FREQ=WEEKLY;UNTIL=20270101T250000Z', /invalid time of day/],
    ['FREQ=WEEKLY;UNTIL=20270101T120060Z', /invalid time of day/],
    ['FREQ=WEEKLY;UNTIL=20270101T120000+0100', /UNTIL/],
    ['FREQ=WEEKLY;WKST=XX', /WKST must be one of/],
  ])('%j', (rrule, message) => {
    const parsed = validationError(() => parseRecurrenceRule(rrule));
    expect(parsed.field).toBe('rrule');
    expect(parsed.message).toMatch(message);
    expect(validationError(() => expand({ rrule })).field).toBe('rrule');
  });
});

describe('invalid times', () => {
  it.each([
    ['end before start', { end: '2026-09-01T15:00' }, 'end', /after start/],
    ['end equal to start', { end: '2026-09-01T16:00' }, 'end', /after start/],
    ['longer than 24 hours', { end: '2026-09-02T16:01' }, 'end', /24 hours/],
    ['malformed start', { start: '2026-09-01T16:00:00' }, 'start', /YYYY-MM-DDTHH:mm/],
    ['impossible end date', { end: '2026-09-31T17:00' }, 'end', /YYYY-MM-DDTHH:mm/],
    ['empty zone', { zone: '' }, 'timeZone', /not an IANA/],
    ['unknown zone', { zone: 'Mars/Olympus_Mons' }, 'timeZone', /not an IANA/],
    ['fixed offset zone', { zone: '+02:00' }, 'timeZone', /not an IANA/],
    ['malformed horizon', { horizon: '2027-06-31' }, 'horizon', /YYYY-MM-DD/],
  ])('rejects %s', (_name, overrides, field, message) => {
    const e = validationError(() => expand({ rrule: 'FREQ=WEEKLY', ...overrides }));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('accepts exactly 24 hours, across a DST change measured on the wall clock', () => {
    const [o] = expand({ start: '2026-10-31T12:00', end: '2026-11-01T12:00' });
    expect(o && (o.endUtc - o.startUtc) / HOUR).toBe(25);
  });
});
