import { describe, expect, it } from 'vitest';
import { firstOnWeekday, seriesConflicts, seriesDefaults, seriesInputFromDraft, validateSeriesDraft, weekdayOf } from '../../web/src/council/series-form.js';

const year = { start: '2026-08-17', end: '2027-06-11' };

describe('the council series form', () => {
  it('knows weekdays and the first date on one', () => {
    expect(weekdayOf('2026-11-24')).toBe('TU');
    expect(weekdayOf('2026-11-29')).toBe('SU');
    expect(firstOnWeekday('2026-11-24', 'TU')).toBe('2026-11-24');
    expect(firstOnWeekday('2026-11-24', 'MO')).toBe('2026-11-30');
    expect(firstOnWeekday('2026-12-30', 'FR')).toBe('2027-01-01');
  });

  it('starts from next Tuesday 07:30–08:30', () => {
    expect(seriesDefaults('2026-11-23', 12)).toEqual({ spaceId: '12', firstDate: '2026-11-24', weekday: 'TU', start: '07:30', end: '08:30' });
    expect(seriesDefaults('2026-11-25', null).firstDate).toBe('2026-12-01');
  });

  it('turns the draft into a weekly series until the end of the school year', () => {
    const draft = { spaceId: '12', firstDate: '2026-11-23', weekday: 'TU' as const, start: '07:30', end: '08:30' };
    expect(seriesInputFromDraft(draft, year.end)).toEqual({ spaceId: 12, start: '2026-11-24T07:30', end: '2026-11-24T08:30', rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270611' });
    expect(seriesInputFromDraft(draft, year.end, ['2026-11-24']).exdates).toEqual(['2026-11-24']);
  });

  it('names each field at fault', () => {
    const good = { spaceId: '12', firstDate: '2026-11-24', weekday: 'TU' as const, start: '07:30', end: '08:30' };
    expect(validateSeriesDraft(good, year)).toEqual([]);
    expect(validateSeriesDraft({ ...good, spaceId: '' }, year).map((i) => i.field)).toEqual(['spaceId']);
    expect(validateSeriesDraft({ ...good, firstDate: '' }, year)[0]).toMatchObject({ field: 'firstDate', key: 'council.series.errors.date' });
    expect(validateSeriesDraft({ ...good, firstDate: '2027-06-12' }, year)[0]).toMatchObject({ field: 'firstDate', key: 'council.series.errors.outsideYear' });
    // The first Tuesday on or after Friday 2027-06-11 is after the year.
    expect(validateSeriesDraft({ ...good, firstDate: '2027-06-11' }, year)[0]?.field).toBe('firstDate');
    expect(validateSeriesDraft({ ...good, end: '07:30' }, year)[0]).toMatchObject({ field: 'end', key: 'council.series.errors.endBeforeStart' });
    expect(validateSeriesDraft({ ...good, start: '' }, year)[0]).toMatchObject({ field: 'start', key: 'council.series.errors.time' });
  });

  it('reads a 409 booking.conflict: one line per date, and the closed dates to skip', () => {
    const problem = {
      code: 'booking.conflict',
      conflicts: [
        { kind: 'overlap', occurrence: { localStart: '2026-12-01T07:30' }, with: { bookingId: 38, title: 'Building Council meeting', schoolCode: '1930' } },
        { kind: 'closure', occurrence: { localStart: '2026-11-24T07:30' }, closure: { reason: 'holiday' } },
        { kind: 'outside_hours', occurrence: { localStart: '2026-11-24T07:30' } },
        { kind: 'capacity', occurrence: { localStart: '2026-12-08T07:30' } },
      ],
      alternatives: { skipDates: ['2026-11-24'], times: [], spaces: [] },
    };
    expect(seriesConflicts(problem)).toEqual({
      conflicts: [
        { date: '2026-11-24', kind: 'closure', reason: 'holiday' },
        { date: '2026-12-01', kind: 'overlap', bookingId: 38, title: 'Building Council meeting', school: '1930' },
        { date: '2026-12-08', kind: 'other' },
      ],
      skipDates: ['2026-11-24'],
    });
    expect(seriesConflicts({})).toEqual({ conflicts: [], skipDates: [] });
  });
});
