/**
 * The Council home's pure logic: who sits for which school, which meeting is next, and the
 * agenda's order and times as a member changes them. No DOM, no API: tested on its own.
 */
import type { AgendaItem, CouncilMeeting } from './council.types.js';

/** Roles that sit on the council for their school (a lead, a council member, the principal for the building office). */
const COUNCIL_ROLES = new Set(['lead', 'council', 'principal']);

/** The schools a person speaks for on the council, from GET /api/me (empty: they only read). */
export function councilSchoolsOf<S extends { id: number; role: string }>(schools: readonly S[]): S[] {
  const seen = new Set<number>();
  return schools.filter((s) => COUNCIL_ROLES.has(s.role) && !seen.has(s.id) && Boolean(seen.add(s.id)));
}

/** The first meeting not cancelled that starts after now (campus wall clock). */
export function nextMeeting(meetings: readonly CouncilMeeting[], nowWall: string): CouncilMeeting | null {
  return meetings.find((m) => !m.cancelled && m.localStart > nowWall) ?? null;
}

/** Meetings that have begun, newest first (cancelled ones too: the list says so). */
export function pastMeetings(meetings: readonly CouncilMeeting[], nowWall: string): CouncilMeeting[] {
  return meetings.filter((m) => m.localStart <= nowWall).reverse();
}

/** Whether items may still be submitted: before the deadline (an RFC 3339 instant). */
export function beforeDeadline(deadline: string, nowMs: number): boolean {
  return nowMs < Date.parse(deadline);
}

/**
 * An item's identity that survives the live draft being written down (when ids appear):
 * the same key the server uses to recognise generated items on refresh, plus which of several
 * alike items it is.
 */
export function itemKeys(items: readonly AgendaItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = `${item.source}|${item.sourceType ?? ''}|${item.sourceId ?? ''}|${item.sourceId === null ? item.title : ''}`;
    const nth = seen.get(base) ?? 0;
    seen.set(base, nth + 1);
    return `${base}#${nth}`;
  });
}

/** The item of `to` that is the same as `from[index]` (by itemKeys), or null. */
export function matchingItem(from: readonly AgendaItem[], index: number, to: readonly AgendaItem[]): AgendaItem | null {
  const key = itemKeys(from)[index];
  const at = itemKeys(to).indexOf(key ?? '');
  return at >= 0 ? (to[at] ?? null) : null;
}

/** The list with the element at `index` moved by `delta` places (clamped to the ends). */
export function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = Math.min(Math.max(index + delta, 0), list.length - 1);
  const result = [...list];
  if (index < 0 || index >= list.length || target === index) return result;
  const [item] = result.splice(index, 1);
  result.splice(target, 0, item!);
  return result;
}

/** Where an item ends up after a move: its 1-based position, for the announcement. */
export function positionAfterMove(length: number, index: number, delta: number): number {
  return Math.min(Math.max(index + delta, 0), length - 1) + 1;
}

/** Minutes since midnight of "HH:mm". */
export function minutesOf(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Start and end of each item from the meeting's start (wall clock, as the server counts them),
 * so a change shows its times at once, before the server's answer arrives.
 */
export function withTimes<T extends { minutes: number; start: string; end: string }>(items: readonly T[], start: string): { items: T[]; totalMinutes: number; plannedEnd: string } {
  let at = minutesOf(start);
  const first = at;
  const timed = items.map((item) => {
    const slot = { ...item, start: hhmm(at), end: hhmm(at + item.minutes) };
    at += item.minutes;
    return slot;
  });
  return { items: timed, totalMinutes: at - first, plannedEnd: hhmm(at) };
}

/** A time-box typed by a person: whole minutes from 1 to 240 (the server's limits), else null. */
export function parseMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= 240 ? value : null;
}

/** "Mon, Nov 23, 7:30 AM": an instant in the campus's zone, in the reader's language. */
export function formatDeadline(instant: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(instant));
}
