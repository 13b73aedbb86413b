/**
 * The form that sets up the council's meeting series: a room, the first date, the times and a
 * weekday; the meetings repeat weekly until the end of the school year. Pure: the page turns the
 * draft into POST /council/series and explains a 409 booking.conflict with these helpers.
 */
import type { CouncilSeriesInput } from './council.types.js';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];

export interface SeriesDraft {
  spaceId: string;
  /** YYYY-MM-DD: the meetings start on the first chosen weekday from this date on. */
  firstDate: string;
  weekday: WeekdayCode;
  start: string;
  end: string;
}

export type SeriesField = keyof SeriesDraft;
export interface SeriesIssue {
  field: SeriesField;
  key: string;
  values?: Record<string, string>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function utcDate(date: string): Date {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Monday = MO … Sunday = SU, of a local date. */
export function weekdayOf(date: string): WeekdayCode {
  return WEEKDAYS[(utcDate(date).getUTCDay() + 6) % 7]!;
}

/** The first date on or after `date` that falls on `weekday`. */
export function firstOnWeekday(date: string, weekday: WeekdayCode): string {
  const d = utcDate(date);
  const shift = (WEEKDAYS.indexOf(weekday) - WEEKDAYS.indexOf(weekdayOf(date)) + 7) % 7;
  d.setUTCDate(d.getUTCDate() + shift);
  return d.toISOString().slice(0, 10);
}

/** A sensible start: next Tuesday (or today's weekday if later in the year), 07:30–08:30. */
export function seriesDefaults(today: string, spaceId: number | null): SeriesDraft {
  const firstDate = firstOnWeekday(today, 'TU');
  return { spaceId: spaceId === null ? '' : String(spaceId), firstDate, weekday: 'TU', start: '07:30', end: '08:30' };
}

export function validateSeriesDraft(draft: SeriesDraft, year: { start: string; end: string }): SeriesIssue[] {
  const issues: SeriesIssue[] = [];
  if (!/^\d+$/.test(draft.spaceId)) issues.push({ field: 'spaceId', key: 'council.series.errors.space' });
  if (!DATE.test(draft.firstDate)) issues.push({ field: 'firstDate', key: 'council.series.errors.date' });
  else {
    const first = firstOnWeekday(draft.firstDate, draft.weekday);
    if (draft.firstDate < year.start || first > year.end) issues.push({ field: 'firstDate', key: 'council.series.errors.outsideYear', values: { start: year.start, end: year.end } });
  }
  if (!TIME.test(draft.start)) issues.push({ field: 'start', key: 'council.series.errors.time' });
  if (!TIME.test(draft.end)) issues.push({ field: 'end', key: 'council.series.errors.time' });
  else if (TIME.test(draft.start) && draft.end <= draft.start) issues.push({ field: 'end', key: 'council.series.errors.endBeforeStart' });
  return issues;
}

/** Weekly on the weekday from the first such date until the last day of the school year. */
export function seriesInputFromDraft(draft: SeriesDraft, yearEnd: string, exdates: readonly string[] = []): CouncilSeriesInput {
  const date = firstOnWeekday(draft.firstDate, draft.weekday);
  return {
    spaceId: Number(draft.spaceId),
    start: `${date}T${draft.start}`,
    end: `${date}T${draft.end}`,
    rrule: `FREQ=WEEKLY;BYDAY=${draft.weekday};UNTIL=${yearEnd.replaceAll('-', '')}`,
    ...(exdates.length > 0 ? { exdates: [...exdates] } : {}),
  };
}

/** One date the room is not free, as the 409 booking.conflict says it. */
export interface SeriesConflict {
  date: string;
  kind: 'closure' | 'overlap' | 'other';
  /** closure: its reason code; overlap: the other booking (its page, title and school code). */
  reason?: string;
  bookingId?: number;
  title?: string;
  school?: string;
}

interface ConflictLike {
  kind: string;
  occurrence: { localStart: string };
  with?: { bookingId: number; title: string; schoolCode: string };
  closure?: { reason: string };
}

/** The 409's conflicts, one per date, in date order; and the closed dates the server offers to skip. */
export function seriesConflicts(problem: { [extension: string]: unknown }): { conflicts: SeriesConflict[]; skipDates: string[] } {
  const list = Array.isArray(problem.conflicts) ? (problem.conflicts as ConflictLike[]) : [];
  const byDate = new Map<string, SeriesConflict>();
  for (const c of list) {
    const date = c.occurrence.localStart.slice(0, 10);
    if (byDate.has(date)) continue;
    if (c.kind === 'closure' && c.closure) byDate.set(date, { date, kind: 'closure', reason: c.closure.reason });
    else if (c.kind === 'overlap' && c.with) byDate.set(date, { date, kind: 'overlap', bookingId: c.with.bookingId, title: c.with.title, school: c.with.schoolCode });
    else byDate.set(date, { date, kind: 'other' });
  }
  const alternatives = problem.alternatives as { skipDates?: unknown } | undefined;
  const skipDates = Array.isArray(alternatives?.skipDates) ? (alternatives.skipDates as string[]) : [];
  return { conflicts: [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)), skipDates };
}
