import { describe, expect, it } from 'vitest';
import { copyMondayToWeekdays, draftFromHours, hoursFromDraft, summariseHours, validateHoursDraft, type HoursDraft } from '../../web/src/admin/open-hours.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WORDS = { always: 'Always open', closed: 'Closed every day' };

describe('open hours form model', () => {
  it('round-trips the API shape, with 24:00 as "until midnight"', () => {
    const hours = { mon: [{ open: '07:00', close: '12:00' }, { open: '13:00', close: '24:00' }], sat: [{ open: '08:00', close: '12:00' }] };
    const draft = draftFromHours(hours);
    expect(draft.always).toBe(false);
    expect(draft.days.mon.windows[1]).toEqual({ open: '13:00', close: '', midnight: true });
    expect(draft.days.tue.open).toBe(false);
    expect(hoursFromDraft(draft)).toEqual(hours);
  });

  it('null is always open, both ways', () => {
    const draft = draftFromHours(null);
    expect(draft.always).toBe(true);
    expect(hoursFromDraft(draft)).toBeNull();
    expect(hoursFromDraft({ ...draft, always: false })).toEqual({});
  });

  it('a new space starts open Monday to Friday', () => {
    const hours = hoursFromDraft(draftFromHours(undefined));
    expect(Object.keys(hours ?? {})).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
  });

  it('a day unticked is left out but keeps its windows in the form', () => {
    const draft = draftFromHours({ mon: [{ open: '07:00', close: '18:00' }] });
    const closed: HoursDraft = { ...draft, days: { ...draft.days, mon: { ...draft.days.mon, open: false } } };
    expect(hoursFromDraft(closed)).toEqual({});
    expect(closed.days.mon.windows[0]?.open).toBe('07:00');
  });

  it('copies Monday to Tuesday–Friday only, as copies', () => {
    const draft = draftFromHours({ mon: [{ open: '07:00', close: '17:30' }], sat: [{ open: '09:00', close: '12:00' }] });
    const copied = copyMondayToWeekdays(draft);
    expect(hoursFromDraft(copied)).toEqual({
      mon: [{ open: '07:00', close: '17:30' }],
      tue: [{ open: '07:00', close: '17:30' }],
      wed: [{ open: '07:00', close: '17:30' }],
      thu: [{ open: '07:00', close: '17:30' }],
      fri: [{ open: '07:00', close: '17:30' }],
      sat: [{ open: '09:00', close: '12:00' }],
    });
    copied.days.tue.windows[0]!.open = '06:00';
    expect(copied.days.mon.windows[0]!.open).toBe('07:00');
  });
});

describe('open hours checks', () => {
  const with_ = (windows: Array<{ open: string; close: string; midnight?: boolean }>): HoursDraft => {
    const draft = draftFromHours({});
    draft.days.wed = { open: true, windows: windows.map((w) => ({ midnight: false, ...w })) };
    return draft;
  };

  it('accepts good windows and midnight closes', () => {
    expect(validateHoursDraft(with_([{ open: '07:00', close: '12:00' }, { open: '12:00', close: '', midnight: true }]))).toEqual([]);
  });

  it('names missing, malformed and backwards times by the server path', () => {
    expect(validateHoursDraft(with_([{ open: '', close: '7:00' }]))).toEqual([
      { field: 'openHours/wed/0/open', key: 'admin.errors.required' },
      { field: 'openHours/wed/0/close', key: 'admin.errors.time' },
    ]);
    expect(validateHoursDraft(with_([{ open: '18:00', close: '08:00' }]))).toEqual([{ field: 'openHours/wed/0/close', key: 'admin.errors.openBeforeClose' }]);
  });

  it('finds overlapping windows in any order', () => {
    expect(validateHoursDraft(with_([{ open: '12:00', close: '18:00' }, { open: '08:00', close: '13:00' }]))).toEqual([{ field: 'openHours/wed/0', key: 'admin.errors.overlap' }]);
  });

  it('ignores closed days and always-open', () => {
    const draft = with_([{ open: 'x', close: 'y' }]);
    expect(validateHoursDraft({ ...draft, always: true })).toEqual([]);
    expect(validateHoursDraft({ ...draft, days: { ...draft.days, wed: { ...draft.days.wed, open: false } } })).toEqual([]);
  });
});

describe('hours summary', () => {
  it('groups consecutive days with the same windows', () => {
    const weekday = [{ open: '07:00', close: '17:30' }];
    expect(summariseHours({ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [{ open: '08:00', close: '12:00' }] }, DAYS, WORDS)).toBe(
      'Mon–Fri 07:00–17:30 · Sat 08:00–12:00',
    );
  });

  it('does not group across a closed day', () => {
    const w = [{ open: '07:00', close: '18:00' }];
    expect(summariseHours({ mon: w, wed: w }, DAYS, WORDS)).toBe('Mon 07:00–18:00 · Wed 07:00–18:00');
  });

  it('lists several windows and says always / never', () => {
    expect(summariseHours({ sun: [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '24:00' }] }, DAYS, WORDS)).toBe('Sun 08:00–12:00, 13:00–24:00');
    expect(summariseHours(null, DAYS, WORDS)).toBe('Always open');
    expect(summariseHours({}, DAYS, WORDS)).toBe('Closed every day');
  });
});
