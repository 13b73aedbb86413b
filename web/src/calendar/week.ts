/**
 * The building week's pure logic: which week and view the URL asks for, which spaces and schools
 * make the columns, what a closure shades, which hours and days the grid shows, and the wall-clock
 * arithmetic of a picked slot. No DOM, no i18n: tests/web/calendar-week.test.ts covers it.
 *
 * Every time here is a campus wall-clock string ("YYYY-MM-DDTHH:mm") or a local date
 * ("YYYY-MM-DD"); none is ever read in the browser's zone.
 */
import type { Closure, ListedOccurrence, School, Space, Weekday } from '../api/types.js';

export type WeekView = 'space' | 'school';
export type Span = 'week' | 'day';

export interface WeekState {
  /** Monday of the week shown. */
  week: string;
  view: WeekView;
  /** Asked for in the URL; null = chosen by the screen's width. */
  span: Span | null;
  /** The day shown in day view (inside `week`); null = the default day. */
  day: string | null;
  /** Only this space (space view) or school (school view); null = all. */
  only: number | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Local-date arithmetic of our own (the same as i18n/format's) so this file stays free of the DOM
// and of i18n, and the server-side typecheck of its test can follow it.
function utcDate(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

/** A local date moved by whole days. */
export function addDays(date: string, days: number): string {
  const d = utcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((utcDate(date).getUTCDay() + 6) % 7));
}

/** A real calendar date "YYYY-MM-DD" (not 2026-02-30). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The screen's state from the URL query; anything missing or malformed falls back to the default. */
export function parseWeekQuery(query: Record<string, string | undefined>, today: string): WeekState {
  const week = mondayOf(isLocalDate(query.week) ? query.week : isLocalDate(query.day) ? query.day : today);
  const day = isLocalDate(query.day) && mondayOf(query.day) === week ? query.day : null;
  const only = Number(query.only);
  return {
    week,
    view: query.view === 'school' ? 'school' : 'space',
    span: query.span === 'day' || query.span === 'week' ? query.span : null,
    day,
    only: Number.isInteger(only) && only > 0 ? only : null,
  };
}

/** The query string for a state (no leading "?"); defaults are left out only where harmless. */
export function weekQueryString(state: WeekState): string {
  const params = new URLSearchParams({ week: state.week, view: state.view });
  if (state.span) params.set('span', state.span);
  if (state.day) params.set('day', state.day);
  if (state.only !== null) params.set('only', String(state.only));
  return params.toString();
}

/** The day shown in day view: the one asked for, else today when it is in the week, else Monday. */
export function dayShown(state: Pick<WeekState, 'week' | 'day'>, today: string): string {
  if (state.day) return state.day;
  return mondayOf(today) === state.week ? today : state.week;
}

/** The seven dates of a week, Monday first. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Spaces in use, each parent followed by its parts (the gym, then its two halves). */
export function orderSpaces(all: readonly Space[]): Space[] {
  const live = all.filter((s) => !s.archived);
  const ids = new Set(live.map((s) => s.id));
  const childrenOf = new Map<number, Space[]>();
  for (const space of live) {
    if (space.parentId !== null && ids.has(space.parentId)) {
      childrenOf.set(space.parentId, [...(childrenOf.get(space.parentId) ?? []), space]);
    }
  }
  const ordered: Space[] = [];
  const visit = (space: Space) => {
    ordered.push(space);
    for (const child of childrenOf.get(space.id) ?? []) visit(child);
  };
  for (const space of live) if (space.parentId === null || !ids.has(space.parentId)) visit(space);
  return ordered;
}

/** Schools shown as columns: the current ones, and any archived one that still has bookings this week. */
export function schoolColumns(all: readonly School[], occurrences: readonly ListedOccurrence[]): School[] {
  const booked = new Set(occurrences.map((o) => o.schoolId));
  return all.filter((s) => !s.archived || booked.has(s.id));
}

/** Closures (not archived) that overlap [from, to) — both local dates, `to` exclusive. */
export function closuresBetween(all: readonly Closure[], from: string, to: string): Closure[] {
  return all
    .filter((c) => !c.archived && c.localStart < `${to}T00:00` && c.localEnd > `${from}T00:00`)
    .sort((a, b) => a.localStart.localeCompare(b.localStart) || a.id - b.id);
}

/**
 * The spaces a closure closes, among `spaces`; null = the whole campus. Closing a space closes
 * its whole and its parts (README: closures), so the gym's halves close with the gym and the gym
 * with either half.
 */
export function closedSpaceIds(closure: Pick<Closure, 'spaceIds'>, spaces: readonly Space[]): number[] | null {
  if (closure.spaceIds === null) return null;
  const named = new Set(closure.spaceIds);
  return spaces.filter((s) => named.has(s.id) || (s.parentId !== null && named.has(s.parentId)) || spaces.some((part) => part.parentId === s.id && named.has(part.id))).map((s) => s.id);
}

/** The dates (first, last inclusive) of a whole-day closure, or null for a timed one. */
export function closureDates(closure: Pick<Closure, 'allDay' | 'localStart' | 'localEnd'>): { first: string; last: string } | null {
  if (!closure.allDay) return null;
  const first = closure.localStart.slice(0, 10);
  const endDate = closure.localEnd.slice(0, 10);
  // localEnd is exclusive: midnight after the last day.
  const last = closure.localEnd.endsWith('T00:00') ? addDays(endDate, -1) : endDate;
  return { first, last: last < first ? first : last };
}

/** "Nov 23–27" / "23–27 nov" for whole days, in the given language (with the year: "Nov 30 – Dec 6, 2026"). */
export function formatDateSpan(first: string, last: string, language: string, withYear = false): string {
  const format = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' });
  const at = (date: string) => new Date(`${date}T00:00:00Z`);
  return first === last ? format.format(at(first)) : format.formatRange(at(first), at(last));
}

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function minutesOf(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

/**
 * The hours the grid shows: from the earliest opening (or booking) to the latest closing (or
 * booking end), whole hours. A booking that runs past midnight shows the whole day.
 */
export function visibleHours(spaces: readonly Space[], occurrences: readonly ListedOccurrence[]): { min: string; max: string } {
  let min = Infinity;
  let max = -Infinity;
  for (const space of spaces) {
    for (const day of WEEKDAYS) {
      for (const window of space.openHours?.[day] ?? []) {
        min = Math.min(min, minutesOf(window.open));
        max = Math.max(max, minutesOf(window.close));
      }
    }
  }
  for (const o of occurrences) {
    const sameDay = o.localStart.slice(0, 10) === o.localEnd.slice(0, 10);
    min = Math.min(min, sameDay ? minutesOf(o.localStart.slice(11)) : 0);
    max = Math.max(max, sameDay ? minutesOf(o.localEnd.slice(11)) : 24 * 60);
  }
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return { min: '07:00', max: '18:00' };
  const hour = (minutes: number) => `${String(minutes / 60).padStart(2, '0')}:00`;
  return { min: hour(Math.floor(min / 60) * 60), max: hour(Math.min(24 * 60, Math.ceil(max / 60) * 60)) };
}

/**
 * Week days nobody can use — no space open, nothing booked — left out of the week grid
 * (the calendar counts Sunday = 0 … Saturday = 6). Never all of them.
 */
export function idleWeekdays(spaces: readonly Space[], occurrences: readonly ListedOccurrence[], monday: string): number[] {
  const dates = weekDates(monday);
  const idle: number[] = [];
  WEEKDAYS.forEach((day, i) => {
    const open = spaces.some((s) => (s.openHours?.[day]?.length ?? 0) > 0);
    const booked = occurrences.some((o) => o.localStart.slice(0, 10) === dates[i]);
    if (!open && !booked) idle.push((i + 1) % 7);
  });
  return idle.length === 7 ? [] : idle;
}

/** The week's occurrences by day (by start date), each day in time order. */
export function occurrencesByDay(occurrences: readonly ListedOccurrence[], monday: string): Array<{ date: string; items: ListedOccurrence[] }> {
  return weekDates(monday).map((date) => ({
    date,
    items: occurrences
      .filter((o) => o.localStart.slice(0, 10) === date)
      .sort((a, b) => a.localStart.localeCompare(b.localStart) || a.spaceName.localeCompare(b.spaceName) || a.occurrenceId - b.occurrenceId),
  }));
}

/** A wall time moved by whole minutes, on the wall clock (no zone, no DST). */
export function addMinutes(wall: string, minutes: number): string {
  const date = new Date(`${wall.slice(0, 16)}:00Z`);
  date.setUTCMinutes(date.getUTCMinutes() + minutes);
  return date.toISOString().slice(0, 16);
}

/**
 * "YYYY-MM-DDTHH:mm" from a time the calendar hands back. The calendar reports slots as ISO
 * strings of the wall clock it shows ("2026-11-30T15:30:00"): we take its digits, never a Date's
 * instant, so the browser's zone plays no part.
 */
export function wallFromIso(iso: string): string {
  return iso.slice(0, 16);
}

/** The booking form's address for a slot picked on the grid (the form reads these parameters). */
export function bookingFormUrl(spaceId: number, start: string, end: string): string {
  return `/book?${new URLSearchParams({ spaceId: String(spaceId), start, end }).toString()}`;
}

/** "8:00 – 10:00 AM" / "8:00–10:00": the time of day of a wall-clock range, in the given language. */
export function formatTimeSpan(start: string, end: string, language: string): string {
  const format = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const at = (wall: string) => new Date(`${wall.slice(0, 16)}:00Z`);
  if (start.slice(0, 10) !== end.slice(0, 10)) return `${format.format(at(start))} – ${format.format(at(end))}`;
  return format.formatRange(at(start), at(end));
}
