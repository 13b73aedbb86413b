import { describe, expect, it } from 'vitest';
import {
  addExdates,
  buildRule,
  defaultRepeat,
  exdatesFor,
  followStartDate,
  normalizeExdates,
  parseRule,
  repeatProblems,
  seriesDates,
  strayExdates,
  toggleDay,
  weekdayOf,
  type RepeatState,
} from '../../web/src/booking/recurrence.js';

/** The booking form's recurrence editor: its state ↔ RRULE, checks and the dates a rule makes. */

const START = '2026-12-01'; // a Tuesday
const YEAR_END = '2027-06-11';
const weekly = (patch: Partial<RepeatState> = {}): RepeatState => ({ ...defaultRepeat(START), mode: 'weekly', ...patch });

describe('buildRule', () => {
  const cases: Array<[string, RepeatState, string | null]> = [
    ['does not repeat', defaultRepeat(START), null],
    ['weekly on the start weekday, to the end of the year', weekly(), 'FREQ=WEEKLY;BYDAY=TU'],
    ['days in week order, whatever the click order', weekly({ days: ['FR', 'MO', 'WE'] }), 'FREQ=WEEKLY;BYDAY=MO,WE,FR'],
    ['every other week', weekly({ interval: '2' }), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'],
    ['INTERVAL=1 is left out', weekly({ interval: ' 1 ' }), 'FREQ=WEEKLY;BYDAY=TU'],
    ['until a local date', weekly({ ends: 'until', until: '2026-12-15' }), 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215'],
    ['after N times', weekly({ ends: 'count', count: '6' }), 'FREQ=WEEKLY;BYDAY=TU;COUNT=6'],
    ['everything', weekly({ days: ['TH', 'TU'], interval: '3', ends: 'count', count: '12' }), 'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH;COUNT=12'],
    ['a custom rule is sent back verbatim', { ...defaultRepeat(START), mode: 'custom', custom: 'FREQ=MONTHLY;BYDAY=-1FR' }, 'FREQ=MONTHLY;BYDAY=-1FR'],
  ];
  it.each(cases)('%s', (_name, state, rule) => expect(buildRule(state)).toBe(rule));
});

describe('parseRule', () => {
  const editable: Array<[string | null, Partial<RepeatState>]> = [
    [null, { mode: 'none', days: ['TU'] }],
    ['FREQ=WEEKLY', { mode: 'weekly', days: ['TU'], ends: 'yearEnd' }],
    ['FREQ=WEEKLY;BYDAY=TU,TH', { mode: 'weekly', days: ['TU', 'TH'], interval: '1', ends: 'yearEnd' }],
    ['FREQ=WEEKLY;BYDAY=FR,MO', { mode: 'weekly', days: ['MO', 'FR'] }],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20270301', { mode: 'weekly', days: ['WE'], interval: '2', ends: 'until', until: '2027-03-01' }],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=10', { mode: 'weekly', ends: 'count', count: '10' }],
    ['freq=weekly;byday=tu', { mode: 'weekly', days: ['TU'] }],
    ['FREQ=WEEKLY;BYDAY=TU;WKST=MO;INTERVAL=2', { mode: 'weekly', interval: '2' }],
    ['FREQ=WEEKLY;BYDAY=TU;WKST=SU', { mode: 'weekly', interval: '1' }],
  ];
  it.each(editable)('%s → the editor', (rule, expected) => {
    const state = parseRule(rule, START);
    expect(state).toMatchObject(expected);
    expect(state.custom).toBeNull();
  });

  const custom = [
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=DAILY;COUNT=5',
    'FREQ=WEEKLY;BYDAY=2TU',
    'FREQ=WEEKLY;BYMONTHDAY=3',
    'FREQ=WEEKLY;UNTIL=20270301T070000Z',
    'FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=TU,SU',
    'FREQ=WEEKLY;COUNT=500',
    'FREQ=WEEKLY;INTERVAL=0',
    'FREQ=WEEKLY;BYDAY=TU,TU',
    'FREQ=WEEKLY;FREQ=WEEKLY',
    'nonsense',
  ];
  it.each(custom)('%s is kept verbatim, read-only', (rule) => {
    const state = parseRule(rule, START);
    expect(state.mode).toBe('custom');
    expect(buildRule(state)).toBe(rule);
  });

  it.each(['FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;COUNT=8', 'FREQ=WEEKLY;BYDAY=SA;UNTIL=20270115'])('%s round-trips', (rule) => {
    expect(buildRule(parseRule(rule, START))).toBe(rule);
  });
});

describe('repeatProblems', () => {
  const cases: Array<[string, RepeatState, Record<string, string>]> = [
    ['not repeating: nothing to check', { ...defaultRepeat(START), interval: 'x' }, {}],
    ['valid', weekly(), {}],
    ['no day', weekly({ days: [] }), { days: 'daysRequired' }],
    ['interval 0', weekly({ interval: '0' }), { interval: 'intervalRange' }],
    ['interval 53', weekly({ interval: '53' }), { interval: 'intervalRange' }],
    ['interval not a number', weekly({ interval: '1.5' }), { interval: 'intervalRange' }],
    ['until missing', weekly({ ends: 'until', until: '' }), { until: 'untilRequired' }],
    ['until before start', weekly({ ends: 'until', until: '2026-11-30' }), { until: 'untilBeforeStart' }],
    ['until on the start date', weekly({ ends: 'until', until: START }), {}],
    ['count 0', weekly({ ends: 'count', count: '0' }), { count: 'countRange' }],
    ['count 401', weekly({ ends: 'count', count: '401' }), { count: 'countRange' }],
    ['a hidden choice is not checked', weekly({ ends: 'yearEnd', until: 'garbage', count: '' }), {}],
  ];
  it.each(cases)('%s', (_name, state, problems) => expect(repeatProblems(state, START)).toEqual(problems));
});

describe('seriesDates', () => {
  const cases: Array<[string, RepeatState, string, string[] | number | null]> = [
    ['one-off', defaultRepeat(START), START, [START]],
    ['weekly until', weekly({ ends: 'until', until: '2026-12-15' }), START, ['2026-12-01', '2026-12-08', '2026-12-15']],
    ['two days, count', weekly({ days: ['TU', 'TH'], ends: 'count', count: '4' }), START, ['2026-12-01', '2026-12-03', '2026-12-08', '2026-12-10']],
    ['every other week', weekly({ interval: '2', ends: 'count', count: '3' }), START, ['2026-12-01', '2026-12-15', '2026-12-29']],
    // RFC 5545: the start is the first occurrence even when its weekday is not chosen.
    ['start off the chosen days', weekly({ days: ['MO'], ends: 'count', count: '3' }), START, ['2026-12-01', '2026-12-07', '2026-12-14']],
    ['a day earlier in the start week is not produced', weekly({ days: ['MO', 'WE'], ends: 'until', until: '2026-12-08' }), START, ['2026-12-01', '2026-12-02', '2026-12-07']],
    ['to the end of the school year', weekly({ days: ['TU'] }), START, 28],
    ['until past the year end stops at the year end', weekly({ ends: 'until', until: '2027-12-31' }), START, 28],
    ['custom rules are not expanded', { ...defaultRepeat(START), mode: 'custom', custom: 'FREQ=MONTHLY' }, START, null],
    ['invalid state', weekly({ days: [] }), START, null],
  ];
  it.each(cases)('%s', (_name, state, start, expected) => {
    const dates = seriesDates(state, start, YEAR_END);
    if (typeof expected === 'number') {
      expect(dates).toHaveLength(expected);
      expect(dates!.at(-1)! <= YEAR_END).toBe(true);
    } else expect(dates).toEqual(expected);
  });
});

describe('skip dates', () => {
  it('are whole dates, sorted, each once', () => {
    expect(normalizeExdates(['2026-12-15T16:00', '2026-12-08', '2026-12-15'])).toEqual(['2026-12-08', '2026-12-15']);
    expect(addExdates(['2026-12-15'], ['2026-12-08', '2026-12-15'])).toEqual(['2026-12-08', '2026-12-15']);
  });
  it('are not sent for a one-off booking', () => {
    expect(exdatesFor(defaultRepeat(START), ['2026-12-08'])).toEqual([]);
    expect(exdatesFor(weekly(), ['2026-12-08'])).toEqual(['2026-12-08']);
  });
  it('that the rule does not produce are found', () => {
    expect(strayExdates(weekly(), ['2026-12-08', '2026-12-09'], START, YEAR_END)).toEqual(['2026-12-09']);
    expect(strayExdates({ ...defaultRepeat(START), mode: 'custom', custom: 'FREQ=MONTHLY' }, ['2026-12-09'], START, YEAR_END)).toEqual([]);
  });
});

describe('the days follow the start date until the person chooses them', () => {
  it('the default day moves with the date, even through half-typed dates', () => {
    let state = weekly({ days: ['TU'] });
    for (const typed of ['2026-12-23', '', '0002-12-02', '2026-12-03']) state = followStartDate(state, typed);
    expect(state.days).toEqual(['TH']);
  });
  it('days the person ticked stay', () => {
    const state = toggleDay(weekly({ days: ['TU'] }), 'MO', true);
    expect(state).toMatchObject({ days: ['MO', 'TU'], daysChosen: true });
    expect(followStartDate(state, '2026-12-03').days).toEqual(['MO', 'TU']);
    expect(toggleDay(state, 'TU', false).days).toEqual(['MO']);
  });
  it('a booking’s BYDAY stays; a rule without BYDAY follows the date', () => {
    expect(followStartDate(parseRule('FREQ=WEEKLY;BYDAY=TU', START), '2026-12-03').days).toEqual(['TU']);
    expect(followStartDate(parseRule('FREQ=WEEKLY;COUNT=3', START), '2026-12-03').days).toEqual(['TH']);
  });
  it('knows the weekdays', () => {
    expect(['2026-11-30', START, '2026-12-06'].map(weekdayOf)).toEqual(['MO', 'TU', 'SU']);
  });
});

describe('seriesDates agrees with the server', async () => {
  const { expandSeries } = await import('../../server/domain/recurrence.js');
  const states: RepeatState[] = [
    weekly(),
    weekly({ days: ['MO', 'WE', 'FR'], interval: '2' }),
    weekly({ days: ['MO'], ends: 'count', count: '7' }),
    weekly({ days: ['SU', 'SA'], interval: '3', ends: 'until', until: '2027-03-20' }),
    weekly({ days: ['TH'], interval: '52' }),
  ];
  it.each(states.map((s) => [buildRule(s), s] as const))('%s', (rule, state) => {
    const server = expandSeries({ start: `${START}T16:00`, end: `${START}T17:00`, zone: 'America/Los_Angeles', horizon: YEAR_END, maxOccurrences: 400, rrule: rule, exdates: [] });
    expect(seriesDates(state, START, YEAR_END)).toEqual(server.map((o) => o.originalLocalStart.slice(0, 10)));
  });
});
