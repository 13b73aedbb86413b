/**
 * The recurrence editor's model and its RRULE, both ways. Pure (no DOM, no i18n), so it has a
 * table-driven unit test: tests/web/booking-recurrence.test.ts.
 *
 * The editor shows one kind of rule — weekly on chosen days, every N weeks, ending on a date,
 * after N times or at the end of the school year — plus skip dates (EXDATEs, whole local dates).
 * A rule from the API that it cannot show (MONTHLY, DAILY, ordinals, a UTC UNTIL…) is kept as
 * text, shown read-only and sent back unchanged.
 */

/** RRULE weekday codes, Monday first: index 0 = Monday, as weekdayIndex() in i18n/format.ts. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];
export type Ends = 'yearEnd' | 'until' | 'count';

/** The server's limits (server/domain/recurrence.ts, limits.ts). */
export const MAX_INTERVAL = 52;
export const MAX_OCCURRENCES = 400;

export interface RepeatState {
  mode: 'none' | 'weekly' | 'custom';
  days: WeekdayCode[];
  /** false while the days are just the start date's weekday (they follow the date); true once chosen. */
  daysChosen: boolean;
  /** Text as typed (number inputs): parsed when the rule is built. */
  interval: string;
  ends: Ends;
  /** YYYY-MM-DD, inclusive; sent as UNTIL=YYYYMMDD (a local date). */
  until: string;
  count: string;
  /** mode 'custom': the API's rule, kept verbatim. */
  custom: string | null;
}

export type RepeatField = 'days' | 'interval' | 'until' | 'count';
export type RepeatProblem = 'daysRequired' | 'intervalRange' | 'untilRequired' | 'untilBeforeStart' | 'countRange';

// --- local dates (YYYY-MM-DD), free of any time zone -------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isLocalDate = (value: string): boolean => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
export function plusDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** 0 = Monday … 6 = Sunday */
export const weekdayNumber = (date: string): number => (utc(date).getUTCDay() + 6) % 7;
export const weekdayOf = (date: string): WeekdayCode => WEEKDAYS[weekdayNumber(date)]!;
const mondayOfDate = (date: string): string => plusDays(date, -weekdayNumber(date));

const sortDays = (days: readonly WeekdayCode[]): WeekdayCode[] => WEEKDAYS.filter((d) => days.includes(d));

// --- the model ----------------------------------------------------------------------------------

/** A new booking: not repeating yet; if the person turns weekly on, it starts on the start date's weekday. */
export function defaultRepeat(startDate: string): RepeatState {
  return { mode: 'none', days: isLocalDate(startDate) ? [weekdayOf(startDate)] : [], daysChosen: false, interval: '1', ends: 'yearEnd', until: '', count: '10', custom: null };
}

/**
 * The start date moved: until the person chooses days themselves, the day follows the date
 * (a half-typed date changes nothing).
 */
export function followStartDate(state: RepeatState, newDate: string): RepeatState {
  if (!isLocalDate(newDate) || state.daysChosen) return state;
  return { ...state, days: [weekdayOf(newDate)] };
}

/** The person ticked or unticked a day: from now on the days are theirs. */
export function toggleDay(state: RepeatState, day: WeekdayCode, on: boolean): RepeatState {
  const days = on ? sortDays([...state.days, day]) : state.days.filter((d) => d !== day);
  return { ...state, days, daysChosen: true };
}

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

/** What is wrong with the editor's state, by field; empty when it can be built. */
export function repeatProblems(state: RepeatState, startDate: string): Partial<Record<RepeatField, RepeatProblem>> {
  if (state.mode !== 'weekly') return {};
  const problems: Partial<Record<RepeatField, RepeatProblem>> = {};
  if (state.days.length === 0) problems.days = 'daysRequired';
  const interval = wholeNumber(state.interval);
  if (interval === null || interval < 1 || interval > MAX_INTERVAL) problems.interval = 'intervalRange';
  if (state.ends === 'until') {
    if (!isLocalDate(state.until)) problems.until = 'untilRequired';
    else if (isLocalDate(startDate) && state.until < startDate) problems.until = 'untilBeforeStart';
  }
  if (state.ends === 'count') {
    const count = wholeNumber(state.count);
    if (count === null || count < 1 || count > MAX_OCCURRENCES) problems.count = 'countRange';
  }
  return problems;
}

/** The RRULE for the editor's state (null: does not repeat). Call only when repeatProblems() is empty. */
export function buildRule(state: RepeatState): string | null {
  if (state.mode === 'none') return null;
  if (state.mode === 'custom') return state.custom;
  const parts = ['FREQ=WEEKLY'];
  const interval = wholeNumber(state.interval) ?? 1;
  if (interval > 1) parts.push(`INTERVAL=${interval}`);
  parts.push(`BYDAY=${sortDays(state.days).join(',')}`);
  if (state.ends === 'until') parts.push(`UNTIL=${state.until.replaceAll('-', '')}`);
  if (state.ends === 'count') parts.push(`COUNT=${wholeNumber(state.count) ?? 1}`);
  return parts.join(';');
}

/**
 * The editor's state for a booking's rule. Only what the editor can show round-trips; anything
 * else becomes mode 'custom' with the rule kept verbatim.
 */
export function parseRule(rrule: string | null, startDate: string): RepeatState {
  const base = defaultRepeat(startDate);
  if (rrule === null || rrule.trim() === '') return base;
  const custom: RepeatState = { ...base, mode: 'custom', custom: rrule };
  const parts = new Map<string, string>();
  for (const token of rrule.trim().replace(/^RRULE:/i, '').split(';')) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(token);
    if (!match) return custom;
    const name = match[1]!.toUpperCase();
    if (parts.has(name)) return custom;
    parts.set(name, match[2]!.toUpperCase());
  }
  if (parts.get('FREQ') !== 'WEEKLY') return custom;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST']);
  if ([...parts.keys()].some((name) => !known.has(name))) return custom;

  const interval = parts.has('INTERVAL') ? wholeNumber(parts.get('INTERVAL')!) : 1;
  if (interval === null || interval < 1 || interval > MAX_INTERVAL) return custom;
  // The editor's weeks start on Monday; another WKST only matters (and would be lost) with INTERVAL > 1.
  const wkst = parts.get('WKST');
  if (wkst !== undefined && !(WEEKDAYS as readonly string[]).includes(wkst)) return custom;
  if (wkst !== undefined && wkst !== 'MO' && interval > 1) return custom;

  let days: WeekdayCode[] = base.days;
  if (parts.has('BYDAY')) {
    const items = parts.get('BYDAY')!.split(',');
    if (items.some((item) => !(WEEKDAYS as readonly string[]).includes(item)) || new Set(items).size !== items.length) return custom;
    days = sortDays(items as WeekdayCode[]);
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) return custom;

  const state: RepeatState = { ...base, mode: 'weekly', days, daysChosen: parts.has('BYDAY'), interval: String(interval) };
  if (parts.has('COUNT')) {
    const count = wholeNumber(parts.get('COUNT')!);
    if (count === null || count < 1 || count > MAX_OCCURRENCES) return custom;
    return { ...state, ends: 'count', count: String(count) };
  }
  if (parts.has('UNTIL')) {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(parts.get('UNTIL')!); // a UTC time (…Z) is not a date the editor can show
    const until = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
    if (!isLocalDate(until)) return custom;
    return { ...state, ends: 'until', until };
  }
  return { ...state, ends: 'yearEnd' };
}

/**
 * The dates a weekly rule produces from the start date (RFC 5545: the start is always the first
 * one, then each chosen weekday of every Nth week counted from the start's Monday), up to UNTIL,
 * COUNT, the end of the school year and the series limit. Skipped dates still count for COUNT.
 * null for a rule the editor cannot expand (none → just the start date).
 */
export function seriesDates(state: RepeatState, startDate: string, yearEnd: string): string[] | null {
  if (!isLocalDate(startDate)) return null;
  if (state.mode === 'none') return [startDate];
  if (state.mode === 'custom' || Object.keys(repeatProblems(state, startDate)).length > 0) return null;
  const interval = wholeNumber(state.interval) ?? 1;
  const last = state.ends === 'until' && state.until < yearEnd ? state.until : yearEnd;
  const limit = Math.min(state.ends === 'count' ? (wholeNumber(state.count) ?? 1) : MAX_OCCURRENCES, MAX_OCCURRENCES);
  const dates = [startDate];
  const offsets = sortDays(state.days).map((d) => WEEKDAYS.indexOf(d));
  for (let monday = mondayOfDate(startDate); monday <= last && dates.length < limit; monday = plusDays(monday, 7 * interval)) {
    for (const offset of offsets) {
      const date = plusDays(monday, offset);
      if (date <= startDate) continue;
      if (date > last || dates.length >= limit) break;
      dates.push(date);
    }
  }
  return dates;
}

// --- skip dates -----------------------------------------------------------------------------------

/** Exdates as the editor keeps them: whole local dates, sorted, each once ("…T16:00" → its date). */
export function normalizeExdates(exdates: readonly string[]): string[] {
  return [...new Set(exdates.map((d) => d.slice(0, 10)))].sort();
}
export const addExdates = (exdates: readonly string[], dates: readonly string[]): string[] => normalizeExdates([...exdates, ...dates]);
export const removeExdate = (exdates: readonly string[], date: string): string[] => exdates.filter((d) => d !== date);

/** What to send: a series keeps its skip dates; a one-off booking has none (the server refuses them). */
export function exdatesFor(state: RepeatState, exdates: readonly string[]): string[] {
  return state.mode === 'none' ? [] : normalizeExdates(exdates);
}

/** Skip dates the (weekly) rule does not produce: the server would refuse them. */
export function strayExdates(state: RepeatState, exdates: readonly string[], startDate: string, yearEnd: string): string[] {
  const dates = seriesDates(state, startDate, yearEnd);
  if (dates === null || state.mode !== 'weekly') return [];
  const produced = new Set(dates);
  return normalizeExdates(exdates).filter((d) => !produced.has(d));
}
