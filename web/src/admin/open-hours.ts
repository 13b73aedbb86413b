/**
 * Open hours as a form edits them, and back. The API's shape: per weekday a list of windows
 * { open: "HH:mm", close: "HH:mm" } (close may be "24:00"), a missing weekday is closed, and
 * null means always open. A form needs a little more: a closed day keeps the windows it had
 * (unticking "open" by mistake loses nothing) and "until midnight" is a checkbox, because a
 * time input cannot say 24:00.
 */
import type { OpenHours, Weekday } from '../api/types.js';
import type { Issue } from './form-errors.js';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SCHOOL_DAYS: readonly Weekday[] = ['tue', 'wed', 'thu', 'fri'];

export interface WindowDraft {
  open: string;
  close: string;
  /** Open until midnight (close "24:00"); `close` keeps what was typed before. */
  midnight: boolean;
}

export interface DayDraft {
  open: boolean;
  windows: WindowDraft[];
}

export interface HoursDraft {
  /** Always open: no hours limit (the API's null). */
  always: boolean;
  days: Record<Weekday, DayDraft>;
}

export const newWindow = (): WindowDraft => ({ open: '08:00', close: '17:00', midnight: false });

function windowDraft(w: { open: string; close: string }): WindowDraft {
  return w.close === '24:00' ? { open: w.open, close: '', midnight: true } : { open: w.open, close: w.close, midnight: false };
}

/** The form's starting point. A new space starts open Monday to Friday, 7:00–18:00. */
export function draftFromHours(hours: OpenHours | undefined): HoursDraft {
  const days = {} as Record<Weekday, DayDraft>;
  for (const day of WEEKDAYS) {
    const windows = hours?.[day] ?? [];
    days[day] = windows.length > 0 ? { open: true, windows: windows.map(windowDraft) } : { open: false, windows: [newWindow()] };
  }
  if (hours === undefined) {
    for (const day of WEEKDAYS.slice(0, 5)) days[day] = { open: true, windows: [{ open: '07:00', close: '18:00', midnight: false }] };
  }
  return { always: hours === null, days };
}

/** What the API stores: null (always open), or the open days with their windows. */
export function hoursFromDraft(draft: HoursDraft): OpenHours {
  if (draft.always) return null;
  const hours: Partial<Record<Weekday, Array<{ open: string; close: string }>>> = {};
  for (const day of WEEKDAYS) {
    const d = draft.days[day];
    if (!d.open || d.windows.length === 0) continue;
    hours[day] = d.windows.map((w) => ({ open: w.open, close: w.midnight ? '24:00' : w.close }));
  }
  return hours;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The same checks as the server, with field paths it would use ("openHours/mon/0/open"). */
export function validateHoursDraft(draft: HoursDraft): Issue[] {
  if (draft.always) return [];
  const issues: Issue[] = [];
  for (const day of WEEKDAYS) {
    const d = draft.days[day];
    if (!d.open) continue;
    if (d.windows.length === 0) {
      issues.push({ field: `openHours/${day}`, key: 'admin.errors.noWindow' });
      continue;
    }
    const spans: Array<{ index: number; from: number; to: number }> = [];
    d.windows.forEach((w, index) => {
      const base = `openHours/${day}/${index}`;
      if (!TIME.test(w.open)) issues.push({ field: `${base}/open`, key: w.open ? 'admin.errors.time' : 'admin.errors.required' });
      if (!w.midnight && !TIME.test(w.close)) issues.push({ field: `${base}/close`, key: w.close ? 'admin.errors.time' : 'admin.errors.required' });
      if (!TIME.test(w.open) || (!w.midnight && !TIME.test(w.close))) return;
      const from = minutes(w.open);
      const to = w.midnight ? 24 * 60 : minutes(w.close);
      if (from >= to) issues.push({ field: `${base}/close`, key: 'admin.errors.openBeforeClose' });
      else spans.push({ index, from, to });
    });
    spans.sort((a, b) => a.from - b.from);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.from < spans[i - 1]!.to) issues.push({ field: `openHours/${day}/${spans[i]!.index}`, key: 'admin.errors.overlap' });
    }
  }
  return issues;
}

/** "Copy Monday to the other weekdays": Tuesday to Friday get Monday's state and windows. */
export function copyMondayToWeekdays(draft: HoursDraft): HoursDraft {
  const monday = draft.days.mon;
  const days = { ...draft.days };
  for (const day of SCHOOL_DAYS) days[day] = { open: monday.open, windows: monday.windows.map((w) => ({ ...w })) };
  return { ...draft, days };
}

/**
 * A short line for a table: "Mon–Fri 07:00–17:30 · Sat 08:00–12:00". Consecutive days with the
 * same windows are grouped; `dayNames` are Monday first in the reader's language.
 */
export function summariseHours(hours: OpenHours, dayNames: readonly string[], words: { always: string; closed: string }): string {
  if (hours === null) return words.always;
  const text = (day: Weekday) => (hours[day] ?? []).map((w) => `${w.open}–${w.close}`).join(', ');
  const groups: Array<{ from: number; to: number; text: string }> = [];
  WEEKDAYS.forEach((day, i) => {
    const t = text(day);
    const last = groups[groups.length - 1];
    if (last && last.text === t && last.to === i - 1) last.to = i;
    else groups.push({ from: i, to: i, text: t });
  });
  const open = groups.filter((g) => g.text !== '');
  if (open.length === 0) return words.closed;
  return open.map((g) => `${g.from === g.to ? dayNames[g.from] : `${dayNames[g.from]}–${dayNames[g.to]}`} ${g.text}`).join(' · ');
}
