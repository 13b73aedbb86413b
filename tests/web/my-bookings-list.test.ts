import { describe, expect, it } from 'vitest';
import type { BookingSummary, ListedOccurrence, Occurrence } from '../../web/src/api/types.js';
import {
  cancelQuery,
  comingByBooking,
  dateCounts,
  datesFor,
  editHref,
  isChangeable,
  listFilterOf,
  mayChange,
  rowsFor,
} from '../../web/src/my-bookings/bookings-list.js';

const NOW = Date.parse('2026-11-23T18:00:00Z');

function listed(bookingId: number, occurrenceId: number, startUtc: string, status = 'active'): ListedOccurrence {
  return {
    occurrenceId, bookingId, title: 't', spaceId: 1, spaceName: 's', schoolId: 2, schoolName: 'n', schoolCode: 'c', attendees: 1,
    originalLocalStart: '', localStart: '', localEnd: '', startUtc, endUtc: startUtc, status, isException: false, recurring: true,
  };
}

function summary(id: number, over: Partial<BookingSummary> = {}): BookingSummary {
  return {
    id, campusId: 1, spaceId: 1, schoolId: 2, title: `b${id}`, purpose: '', attendees: 1, start: '2026-08-17T08:00', end: '2026-08-17T09:00',
    rrule: null, exdates: [], status: 'active', version: 1, splitFromId: null, createdBy: null, createdAt: '', updatedAt: '',
    cancelledBy: null, cancelledAt: null, activeOccurrences: 1, firstStartUtc: null, lastEndUtc: null, ...over,
  };
}

function occ(id: number, startUtc: string, over: Partial<Occurrence> = {}): Occurrence {
  return {
    id, bookingId: 1, spaceId: 1, schoolId: 2, originalLocalStart: '', localStart: '', localEnd: '', startUtc, endUtc: startUtc,
    status: 'active', isException: false, title: null, attendees: null, cancelledAt: null, cancelledBy: null, ...over,
  };
}

describe('comingByBooking', () => {
  it('gives each booking its next date not yet started and how many are left', () => {
    const coming = comingByBooking(
      [
        listed(1, 12, '2026-11-30T16:00:00.000Z'),
        listed(1, 11, '2026-11-25T16:00:00.000Z'),
        listed(1, 10, '2026-11-23T17:00:00.000Z'), // started an hour ago: history
        listed(2, 20, '2026-12-01T16:00:00.000Z', 'cancelled'),
        listed(3, 30, '2026-12-02T16:00:00.000Z'),
      ],
      NOW,
    );
    expect(coming.get(1)?.next.occurrenceId).toBe(11);
    expect(coming.get(1)?.remaining).toBe(2);
    expect(coming.has(2)).toBe(false);
    expect(coming.get(3)?.remaining).toBe(1);
  });
});

describe('rowsFor', () => {
  const bookings = [
    summary(1, { lastEndUtc: '2027-06-11T17:00:00.000Z' }),
    summary(2, { lastEndUtc: '2026-10-01T17:00:00.000Z' }),
    summary(3, { lastEndUtc: '2026-12-05T17:00:00.000Z' }),
    summary(4, { lastEndUtc: '2026-09-01T17:00:00.000Z' }),
  ];
  const coming = comingByBooking([listed(1, 10, '2026-12-10T16:00:00.000Z'), listed(3, 30, '2026-11-24T16:00:00.000Z')], NOW);

  it('lists upcoming series by their next date', () => {
    expect(rowsFor('upcoming', bookings, coming, NOW).map((r) => r.booking.id)).toEqual([3, 1]);
  });

  it('lists past series most recent first', () => {
    expect(rowsFor('past', bookings, coming, NOW).map((r) => r.booking.id)).toEqual([2, 4]);
  });

  it('keeps a series upcoming when its last date is beyond the occurrences window', () => {
    const far = [summary(9, { lastEndUtc: '2028-01-01T00:00:00.000Z' })];
    expect(rowsFor('upcoming', far, new Map(), NOW).map((r) => r.coming)).toEqual([null]);
  });

  it('lists cancelled bookings most recently cancelled first', () => {
    const cancelled = [
      summary(5, { status: 'cancelled', cancelledAt: '2026-10-01T00:00:00.000Z' }),
      summary(6, { status: 'cancelled', cancelledAt: '2026-11-01T00:00:00.000Z' }),
    ];
    expect(rowsFor('cancelled', cancelled, new Map(), NOW).map((r) => r.booking.id)).toEqual([6, 5]);
  });
});

describe("a booking's dates", () => {
  const dates = [
    occ(3, '2026-12-01T16:00:00.000Z'),
    occ(1, '2026-11-16T16:00:00.000Z'),
    occ(2, '2026-11-23T17:30:00.000Z'), // started half an hour ago
    occ(4, '2026-12-08T16:00:00.000Z', { status: 'cancelled', isException: true }),
    occ(5, '2026-11-24T16:00:00.000Z', { isException: true }),
  ];

  it('splits them into upcoming, past (most recent first) and cancelled', () => {
    expect(datesFor('upcoming', dates, NOW).map((o) => o.id)).toEqual([5, 3]);
    expect(datesFor('past', dates, NOW).map((o) => o.id)).toEqual([2, 1]);
    expect(datesFor('cancelled', dates, NOW).map((o) => o.id)).toEqual([4]);
    expect(dateCounts(dates, NOW)).toEqual({ upcoming: 2, past: 2, cancelled: 1 });
  });

  it('lets only active dates that have not started be changed', () => {
    expect(dates.filter((o) => isChangeable(o, NOW)).map((o) => o.id)).toEqual([3, 5]);
  });
});

describe('who may change, and what is sent', () => {
  it('lets only the schools one acts for change an active booking', () => {
    expect(mayChange({ schoolId: 2, status: 'active' }, [2])).toBe(true);
    expect(mayChange({ schoolId: 3, status: 'active' }, [2])).toBe(false);
    expect(mayChange({ schoolId: 2, status: 'cancelled' }, [2])).toBe(false);
    expect(mayChange({ schoolId: 2, status: 'active' }, [])).toBe(false);
  });

  it('names the occurrence unless the whole series is cancelled', () => {
    expect(cancelQuery('occurrence', 7, 3)).toEqual({ scope: 'occurrence', occurrenceId: 7, version: 3 });
    expect(cancelQuery('following', 7, 3)).toEqual({ scope: 'following', occurrenceId: 7, version: 3 });
    expect(cancelQuery('series', 7, 3)).toEqual({ scope: 'series', version: 3 });
    expect(cancelQuery('occurrence', null, 3)).toEqual({ scope: 'series', version: 3 });
  });

  it('links to the edit page with the scope', () => {
    expect(editHref(19, 'occurrence', 841)).toBe('/bookings/19/edit?scope=occurrence&occurrenceId=841');
    expect(editHref(19, 'series')).toBe('/bookings/19/edit?scope=series');
  });

  it('reads the list filter from the address', () => {
    expect(listFilterOf('past')).toBe('past');
    expect(listFilterOf('cancelled')).toBe('cancelled');
    expect(listFilterOf(undefined)).toBe('upcoming');
    expect(listFilterOf('nonsense')).toBe('upcoming');
  });
});
