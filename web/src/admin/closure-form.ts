/**
 * Closures as a form edits them, and the list's order. Two ways to close: whole days (two dates,
 * end inclusive) or a span of campus wall-clock time (two date-times, end exclusive). Pure.
 */
import type { Closure } from '../api/types.js';
import type { Issue } from './form-errors.js';

export const CLOSURE_REASONS = ['holiday', 'testing', 'maintenance', 'event', 'other'] as const;

export interface ClosureDraft {
  reason: string;
  note: string;
  /** The whole campus, or only the chosen spaces. */
  scope: 'campus' | 'spaces';
  spaceIds: number[];
  mode: 'days' | 'times';
  startDate: string;
  endDate: string;
  startTime: string;
  endTime: string;
}

/** What POST and PATCH take: a closure's writable fields (start and end: dates for whole days, wall times otherwise). */
export type ClosureInput = Pick<Closure, 'reason' | 'note' | 'spaceIds' | 'start' | 'end'>;

/** A new closure starts as one whole day (`today`, campus date) over the whole campus. */
export function draftFromClosure(closure: Closure | null, today: string): ClosureDraft {
  if (!closure) {
    return { reason: 'holiday', note: '', scope: 'campus', spaceIds: [], mode: 'days', startDate: today, endDate: today, startTime: `${today}T08:00`, endTime: `${today}T12:00` };
  }
  const base = { reason: closure.reason, note: closure.note, scope: closure.spaceIds ? ('spaces' as const) : ('campus' as const), spaceIds: closure.spaceIds ?? [] };
  if (closure.allDay) return { ...base, mode: 'days', startDate: closure.start, endDate: closure.end, startTime: `${closure.start}T08:00`, endTime: `${closure.end}T12:00` };
  return { ...base, mode: 'times', startDate: closure.start.slice(0, 10), endDate: closure.end.slice(0, 10), startTime: closure.start, endTime: closure.end };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Field paths as the server names them: reason, note, spaceIds, start, end. */
export function validateClosureDraft(draft: ClosureDraft): Issue[] {
  const issues: Issue[] = [];
  if (!(CLOSURE_REASONS as readonly string[]).includes(draft.reason)) issues.push({ field: 'reason', key: 'admin.errors.required' });
  if (draft.note.length > 500) issues.push({ field: 'note', key: 'admin.errors.tooLong', values: { max: 500 } });
  if (draft.scope === 'spaces' && draft.spaceIds.length === 0) issues.push({ field: 'spaceIds', key: 'admin.errors.chooseSpace' });
  const [start, end, pattern] = draft.mode === 'days' ? [draft.startDate, draft.endDate, DATE] : [draft.startTime, draft.endTime, DATE_TIME];
  const format = draft.mode === 'days' ? 'admin.errors.date' : 'admin.errors.dateTime';
  if (!pattern.test(start)) issues.push({ field: 'start', key: start ? format : 'admin.errors.required' });
  if (!pattern.test(end)) issues.push({ field: 'end', key: end ? format : 'admin.errors.required' });
  if (pattern.test(start) && pattern.test(end)) {
    if (draft.mode === 'days' && end < start) issues.push({ field: 'end', key: 'admin.errors.endBeforeStartDate' });
    if (draft.mode === 'times' && end <= start) issues.push({ field: 'end', key: 'admin.errors.endBeforeStartTime' });
  }
  return issues;
}

export function closureInputFromDraft(draft: ClosureDraft): ClosureInput {
  const days = draft.mode === 'days';
  return {
    reason: draft.reason,
    note: draft.note.trim(),
    spaceIds: draft.scope === 'campus' ? null : [...new Set(draft.spaceIds)].sort((a, b) => a - b),
    start: days ? draft.startDate : draft.startTime,
    end: days ? draft.endDate : draft.endTime,
  };
}

/**
 * Upcoming (not yet over at `now`, campus wall time), soonest first; past ones, latest first.
 * Lifted closures stay in their place, marked as such.
 */
export function splitClosures(closures: readonly Closure[], now: string): { upcoming: Closure[]; past: Closure[] } {
  const upcoming = closures.filter((c) => c.localEnd > now).sort((a, b) => a.localStart.localeCompare(b.localStart) || a.id - b.id);
  const past = closures.filter((c) => c.localEnd <= now).sort((a, b) => b.localStart.localeCompare(a.localStart) || b.id - a.id);
  return { upcoming, past };
}
