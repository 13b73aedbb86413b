/**
 * Dates and times for people: formatted for the current language and always in the campus's
 * time zone, whatever zone the browser is in.
 *
 * The API gives campus wall-clock times ("2026-11-16T16:00"). Formatting such a time as a UTC
 * instant with timeZone "UTC" prints exactly those digits in any browser zone; instants
 * (createdAt, …) are formatted with the campus's zone.
 */
import { language } from './i18n.js';

export type WallTime = string; // YYYY-MM-DDTHH:mm
export type LocalDate = string; // YYYY-MM-DD

/** A wall time as the UTC instant with the same digits: format it with timeZone 'UTC' to print them. */
export function wallAsUtc(wall: string): Date {
  const [date = '', time = '00:00'] = wall.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0));
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language.value}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language.value, options);
    cache.set(key, found);
  }
  return found;
}

/** "Mon, Nov 16" / "lun, 16 nov" */
export function formatDate(wall: WallTime | LocalDate, style: 'short' | 'long' = 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
  return formatter(options).format(wallAsUtc(wall));
}

/** "4:00 PM" / "16:00" */
export function formatTime(wall: WallTime): string {
  return formatter({ hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(wallAsUtc(wall));
}

/** "Mon, Nov 16, 4:00 – 5:30 PM" */
export function formatRange(start: WallTime, end: WallTime): string {
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' };
  if (sameDay) return formatter(options).formatRange(wallAsUtc(start), wallAsUtc(end));
  return `${formatter(options).format(wallAsUtc(start))} – ${formatter(options).format(wallAsUtc(end))}`;
}

/** An instant (RFC 3339) in the campus's zone: "Nov 16, 2026, 4:00 PM". */
export function formatInstant(instant: string, timeZone: string): string {
  return formatter({ dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}

/** A zone's name in the current language ("Pacific Standard Time", or generic: "Pacific Time"); the zone's id when it has none. */
export function zoneName(timeZone: string, style: 'long' | 'longGeneric' = 'long', at: Date = new Date()): string {
  return formatter({ timeZone, timeZoneName: style }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** The campus's wall-clock now, "YYYY-MM-DDTHH:mm", from an instant (default: this moment). */
export function campusNow(timeZone: string, now: Date = new Date()): WallTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Local-date arithmetic on YYYY-MM-DD, free of any zone. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = wallAsUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week that holds `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  const weekday = (wallAsUtc(date).getUTCDay() + 6) % 7; // 0 = Monday
  return addDays(date, -weekday);
}

/** 0 = Monday … 6 = Sunday */
export function weekdayIndex(date: LocalDate): number {
  return (wallAsUtc(date).getUTCDay() + 6) % 7;
}

/** Weekday names for the current language, Monday first: ["Mon", …] */
export function weekdayNames(style: 'short' | 'long' = 'short'): string[] {
  const monday = Date.UTC(2024, 0, 1); // a Monday
  return Array.from({ length: 7 }, (_, i) => formatter({ weekday: style, timeZone: 'UTC' }).format(new Date(monday + i * 86_400_000)));
}
