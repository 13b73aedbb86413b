import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors.js';
import {
  addMinutesWall,
  floatingToInstant,
  instantToFloating,
  instantToLocal,
  isLocalDate,
  isLocalDateTime,
  isValidTimeZone,
  localDateOf,
  localToInstant,
  parseLocalDateTime,
  wallMinutesBetween,
  wallToFloatingMs,
  weekdayOf,
} from '../../server/domain/wallclock.js';

const LA = 'America/Los_Angeles';
const utc = (iso: string) => Date.parse(`${iso}:00Z`);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('isValidTimeZone', () => {
  it.each([
    ['America/Los_Angeles', true],
    ['Europe/Madrid', true],
    ['Australia/Sydney', true],
    ['UTC', true],
    ['', false],
    ['+05:00', false],
    ['UTC+05:00', false],
    ['Mars/Olympus_Mons', false],
    ['America/Los Angeles', false],
  ])('%j → %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('strict local date and date-time validators', () => {
  it.each([
    ['2026-09-01T16:00', true],
    ['2028-02-29T00:00', true],
    ['2026-12-31T23:59', true],
    ['2026-02-30T10:00', false],
    ['2027-02-29T10:00', false],
    ['2026-09-01T24:00', false],
    ['2026-09-01T16:60', false],
    ['2026-09-01T16:00:00', false],
    ['2026-09-01T16:00Z', false],
    ['2026-09-01T16:00-07:00', false],
    ['2026-09-01 16:00', false],
    ['2026-9-1T16:00', false],
    ['2026-13-01T10:00', false],
    ['0099-01-01T00:00', false],
    ['', false],
  ])('isLocalDateTime(%j) → %s', (s, valid) => {
    expect(isLocalDateTime(s)).toBe(valid);
    expect(parseLocalDateTime(s) !== null).toBe(valid);
  });

  it('parseLocalDateTime returns the wall-clock fields', () => {
    expect(parseLocalDateTime('2027-03-14T02:30')).toEqual({ year: 2027, month: 3, day: 14, hour: 2, minute: 30 });
  });

  it.each([
    ['2026-09-01', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-04-31', false],
    ['2026-09-01T00:00', false],
    ['20260901', false],
    ['', false],
  ])('isLocalDate(%j) → %s', (s, valid) => {
    expect(isLocalDate(s)).toBe(valid);
  });
});

describe('localToInstant (RFC 5545 §3.3.5)', () => {
  it.each([
    // ordinary times
    [LA, '2026-09-01T16:00', '2026-09-01T23:00'],
    [LA, '2026-12-01T16:00', '2026-12-02T00:00'],
    // spring forward 2027-03-14: 02:00–02:59 does not exist, use the offset before the gap (PST)
    [LA, '2027-03-14T01:59', '2027-03-14T09:59'],
    [LA, '2027-03-14T02:00', '2027-03-14T10:00'],
    [LA, '2027-03-14T02:30', '2027-03-14T10:30'],
    [LA, '2027-03-14T02:59', '2027-03-14T10:59'],
    [LA, '2027-03-14T03:00', '2027-03-14T10:00'],
    // fall back 2026-11-01: 01:00–01:59 happens twice, take the first (PDT)
    [LA, '2026-11-01T00:59', '2026-11-01T07:59'],
    [LA, '2026-11-01T01:00', '2026-11-01T08:00'],
    [LA, '2026-11-01T01:30', '2026-11-01T08:30'],
    [LA, '2026-11-01T01:59', '2026-11-01T08:59'],
    [LA, '2026-11-01T02:00', '2026-11-01T10:00'],
    // Europe/Madrid: gap 2027-03-28 02:00–02:59, overlap 2026-10-25 02:00–02:59
    ['Europe/Madrid', '2027-03-28T02:30', '2027-03-28T01:30'],
    ['Europe/Madrid', '2026-10-25T02:30', '2026-10-25T00:30'],
    // Australia/Sydney (southern hemisphere): gap 2026-10-04 02:00–02:59, overlap 2027-04-04 02:00–02:59
    ['Australia/Sydney', '2026-10-04T02:30', '2026-10-03T16:30'],
    ['Australia/Sydney', '2027-04-04T02:30', '2027-04-03T15:30'],
    ['Australia/Sydney', '2027-01-15T10:00', '2027-01-14T23:00'],
    ['Australia/Sydney', '2027-07-15T10:00', '2027-07-15T00:00'],
  ])('%s %s → %sZ', (zone, local, expected) => {
    expect(localToInstant(local, zone)).toBe(utc(expected));
  });

  it('round-trips every existing quarter hour across both LA change days', () => {
    for (const day of ['2026-11-01', '2027-03-14']) {
      for (let m = 0; m < 24 * 60; m += 15) {
        const local = addMinutesWall(`${day}T00:00`, m);
        const inGap = day === '2027-03-14' && local.slice(11, 13) === '02';
        if (!inGap) expect(instantToLocal(localToInstant(local, LA), LA)).toBe(local);
      }
    }
  });

  it.each(['', 'Mars/Olympus_Mons', '+01:00'])('rejects time zone %j as a validation error', (zone) => {
    const error = thrown(() => localToInstant('2026-09-01T16:00', zone));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation');
    expect((error as DomainError).details.fields?.[0]?.field).toBe('timeZone');
  });

  it('rejects a malformed local date-time', () => {
    expect(() => localToInstant('2026-02-30T10:00', LA)).toThrow(RangeError);
  });
});

describe('floatingToInstant and instantToFloating (the conversions on floating ms)', () => {
  // The rule spelled out plainly against luxon's own offsets, with none of the shortcuts or memos.
  function reference(wall: number, zone: string): number {
    const z = IANAZone.create(zone);
    const candidates = [z.offset(wall - 86_400_000), z.offset(wall + 86_400_000)].map((offset) => wall - offset * 60_000);
    const real = candidates.filter((instant) => wall - z.offset(instant) * 60_000 === instant);
    return real.length > 0 ? Math.min(...real) : (candidates[0] as number);
  }

  it.each([LA, 'Europe/Madrid', 'Australia/Lord_Howe', 'Asia/Kathmandu'])('follow RFC 5545 every 10 minutes of the change days in %s, gaps and repeats included', (zone) => {
    const z = IANAZone.create(zone);
    for (const day of ['2026-10-04', '2026-10-25', '2026-11-01', '2027-03-14', '2027-03-28', '2027-04-04', '2027-07-01']) {
      for (let m = 0; m < 24 * 60; m += 10) {
        const wall = wallToFloatingMs(addMinutesWall(`${day}T00:00`, m));
        const instant = floatingToInstant(wall, zone);
        expect(instant, `${zone} ${day} +${m} min`).toBe(reference(wall, zone));
        const later = instant + 59_999;
        expect(instantToFloating(later, zone)).toBe(Math.floor((later + z.offset(later) * 60_000) / 60_000) * 60_000);
      }
    }
  });
});

describe('instantToLocal', () => {
  it.each([
    ['2026-11-01T08:30', LA, '2026-11-01T01:30'], // first 01:30 (PDT)
    ['2026-11-01T09:30', LA, '2026-11-01T01:30'], // second 01:30 (PST)
    ['2027-03-14T10:30', LA, '2027-03-14T03:30'],
    ['2026-09-01T23:00', LA, '2026-09-01T16:00'],
    ['2026-12-31T23:30', 'Europe/Madrid', '2027-01-01T00:30'],
    ['2026-07-01T12:00', 'UTC', '2026-07-01T12:00'],
  ])('%sZ in %s → %s', (instant, zone, expected) => {
    expect(instantToLocal(utc(instant), zone)).toBe(expected);
  });

  it('drops seconds rather than rounding up', () => {
    expect(instantToLocal(utc('2026-09-01T23:00') + 59_999, LA)).toBe('2026-09-01T16:00');
  });
});

describe('wall-clock helpers', () => {
  it.each([
    ['2026-12-31T23:30', 45, '2027-01-01T00:15'],
    ['2028-02-28T12:00', 24 * 60, '2028-02-29T12:00'],
    // no DST inside wall-clock arithmetic: 00:30 + 2 h is 02:30 even on the fall-back day
    ['2026-11-01T00:30', 120, '2026-11-01T02:30'],
    ['2026-09-01T00:10', -20, '2026-08-31T23:50'],
  ])('addMinutesWall(%s, %i) → %s', (local, minutes, expected) => {
    expect(addMinutesWall(local, minutes)).toBe(expected);
  });

  it.each([
    ['2026-11-01T00:00', '2026-11-02T00:00', 1440],
    ['2027-03-14T01:00', '2027-03-14T04:00', 180],
    ['2026-09-01T17:00', '2026-09-01T16:00', -60],
  ])('wallMinutesBetween(%s, %s) → %i', (a, b, expected) => {
    expect(wallMinutesBetween(a, b)).toBe(expected);
  });

  it('localDateOf takes the date part', () => {
    expect(localDateOf('2026-09-01T16:00')).toBe('2026-09-01');
  });

  it.each([
    ['2026-08-31', 1],
    ['2026-09-01', 2],
    ['2026-09-05', 6],
    ['2026-09-06', 7],
    ['2028-02-29', 2],
  ])('weekdayOf(%s) → %i', (date, expected) => {
    expect(weekdayOf(date)).toBe(expected);
  });
});
