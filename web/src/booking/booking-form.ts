/**
 * The booking form as data: its state (text as typed, so nothing the person types is lost),
 * validation, the request body for a new booking, the changed fields of an edit, the prefill
 * from a booking, and alternatives applied. Pure; tested in tests/web/booking-form.test.ts.
 */
import type { Alternatives, Booking, BookingChanges, BookingInput, Conflict, Scope } from '../api/types.js';
import { addExdates, buildRule, defaultRepeat, exdatesFor, isLocalDate, normalizeExdates, parseRule, repeatProblems, strayExdates, type RepeatState } from './recurrence.js';

export interface FormState {
  schoolId: string;
  spaceId: string;
  title: string;
  purpose: string;
  attendees: string;
  /** YYYY-MM-DD, campus wall clock */
  date: string;
  /** HH:mm */
  startTime: string;
  endTime: string;
  repeat: RepeatState;
  /** Whole local dates YYYY-MM-DD */
  exdates: string[];
}

export type FieldName = 'schoolId' | 'spaceId' | 'title' | 'purpose' | 'attendees' | 'date' | 'startTime' | 'endTime' | 'days' | 'interval' | 'until' | 'count' | 'rrule' | 'exdates';
/** By field: an i18n key under booking.errors (client checks) — see validate(). */
export type FormProblems = Partial<Record<FieldName, string>>;

/** What the form may change: a single occurrence has no purpose, rule or skip dates of its own. */
export interface FormShape {
  recurrence: boolean;
  purpose: boolean;
}
export const shapeFor = (scope: Scope | 'create'): FormShape => (scope === 'occurrence' ? { recurrence: false, purpose: false } : { recurrence: true, purpose: true });

const TIME = /^\d{2}:\d{2}$/;
const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;
export const MAX_TITLE = 200;
export const MAX_PURPOSE = 2000;
export const MAX_ATTENDEES = 100_000;

export function emptyForm(date: string, schoolId = ''): FormState {
  return { schoolId, spaceId: '', title: '', purpose: '', attendees: '', date, startTime: '', endTime: '', repeat: defaultRepeat(date), exdates: [] };
}

/** A slot picked on the calendar: /book?spaceId=&start=&end=&schoolId= (anything malformed is ignored). */
export function formFromQuery(
  query: Record<string, string | undefined>,
  { today, schoolIds, spaceIds }: { today: string; schoolIds: number[]; spaceIds: number[] },
): FormState {
  const school = schoolIds.includes(Number(query.schoolId)) ? String(Number(query.schoolId)) : schoolIds.length > 0 ? String(schoolIds[0]) : '';
  const start = WALL.exec(query.start ?? '');
  const end = WALL.exec(query.end ?? '');
  const date = start && isLocalDate(start[1]!) ? start[1]! : today;
  const form = emptyForm(date, school);
  if (spaceIds.includes(Number(query.spaceId))) form.spaceId = String(Number(query.spaceId));
  if (start) form.startTime = start[2]!;
  if (end && start && end[1] === start[1]) form.endTime = end[2]!;
  return form;
}

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

/** The client's own checks; the server checks again. Values are i18n keys. */
export function validate(form: FormState, shape: FormShape, yearEnd: string): FormProblems {
  const problems: FormProblems = {};
  if (!form.schoolId) problems.schoolId = 'booking.errors.schoolRequired';
  if (!form.spaceId) problems.spaceId = 'booking.errors.spaceRequired';
  if (!form.title.trim()) problems.title = 'booking.errors.titleRequired';
  else if (form.title.trim().length > MAX_TITLE) problems.title = 'booking.errors.titleLong';
  if (shape.purpose && form.purpose.length > MAX_PURPOSE) problems.purpose = 'booking.errors.purposeLong';
  const attendees = wholeNumber(form.attendees);
  if (form.attendees.trim() === '') problems.attendees = 'booking.errors.attendeesRequired';
  else if (attendees === null || attendees > MAX_ATTENDEES) problems.attendees = 'booking.errors.attendeesNumber';
  if (!isLocalDate(form.date)) problems.date = 'booking.errors.dateRequired';
  if (!TIME.test(form.startTime)) problems.startTime = 'booking.errors.startRequired';
  if (!TIME.test(form.endTime)) problems.endTime = 'booking.errors.endRequired';
  else if (TIME.test(form.startTime) && form.endTime <= form.startTime) problems.endTime = 'booking.errors.endBeforeStart';
  if (shape.recurrence) {
    for (const [field, problem] of Object.entries(repeatProblems(form.repeat, form.date))) problems[field as FieldName] = `booking.errors.${problem}`;
    if (!problems.days && !problems.interval && !problems.until && !problems.count && isLocalDate(form.date)) {
      if (strayExdates(form.repeat, form.exdates, form.date, yearEnd).length > 0) problems.exdates = 'booking.errors.exdateNotInSeries';
    }
  }
  return problems;
}

export const isValid = (problems: FormProblems): boolean => Object.keys(problems).length === 0;

/** Why availability is not checked yet (an i18n key): something is missing, or something is wrong. */
export function pendingReason(problems: FormProblems): string | null {
  const keys = Object.values(problems);
  if (keys.length === 0) return null;
  return keys.some((key) => key.endsWith('Required') && key !== 'booking.errors.daysRequired') ? 'booking.check.incomplete' : 'booking.check.fixFields';
}

const wall = (date: string, time: string) => `${date}T${time}`;

/** The body of POST /campuses/:id/bookings. Call only when validate() found nothing. */
export function toInput(form: FormState): BookingInput {
  const rrule = buildRule(form.repeat);
  return {
    spaceId: Number(form.spaceId),
    schoolId: Number(form.schoolId),
    title: form.title.trim(),
    purpose: form.purpose.trim(),
    attendees: Number(form.attendees),
    start: wall(form.date, form.startTime),
    end: wall(form.date, form.endTime),
    rrule,
    exdates: exdatesFor(form.repeat, form.exdates),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The PATCH body: only what differs from what was loaded for this scope. Start and end go
 * together (the form shows both; sending one would let the server keep the old length).
 */
export function changesBetween(initial: FormState, current: FormState, shape: FormShape): BookingChanges {
  const changes: BookingChanges = {};
  if (current.title.trim() !== initial.title.trim()) changes.title = current.title.trim();
  if (shape.purpose && current.purpose.trim() !== initial.purpose.trim()) changes.purpose = current.purpose.trim();
  if (Number(current.attendees) !== Number(initial.attendees)) changes.attendees = Number(current.attendees);
  if (current.spaceId !== initial.spaceId) changes.spaceId = Number(current.spaceId);
  if (current.date !== initial.date || current.startTime !== initial.startTime || current.endTime !== initial.endTime) {
    changes.start = wall(current.date, current.startTime);
    changes.end = wall(current.date, current.endTime);
  }
  if (shape.recurrence) {
    const rule = buildRule(current.repeat);
    if (rule !== buildRule(initial.repeat)) changes.rrule = rule;
    const exdates = exdatesFor(current.repeat, current.exdates);
    if (!sameList(exdates, exdatesFor(initial.repeat, initial.exdates))) changes.exdates = exdates;
  }
  return changes;
}

const splitWall = (value: string) => ({ date: value.slice(0, 10), time: value.slice(11, 16) });

/**
 * The form for editing a booking in a scope:
 * - series: the booking's own definition;
 * - following: the series as it would continue from that occurrence (its date, the series'
 *   times, the skip dates from then on, and a COUNT reduced by the dates already behind);
 * - occurrence: that occurrence as it is (its own time, space, title and attendees).
 */
export function formFromBooking(booking: Booking, scope: Scope, occurrenceId: number | null): FormState {
  const start = splitWall(booking.start);
  const end = splitWall(booking.end);
  const series: FormState = {
    schoolId: String(booking.schoolId),
    spaceId: String(booking.spaceId),
    title: booking.title,
    purpose: booking.purpose,
    attendees: String(booking.attendees),
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    repeat: parseRule(booking.rrule, start.date),
    exdates: normalizeExdates(booking.exdates),
  };
  const occurrence = booking.occurrences.find((o) => o.id === occurrenceId);
  if (scope === 'series' || !occurrence) return series;
  if (scope === 'occurrence') {
    const from = splitWall(occurrence.localStart);
    return {
      ...series,
      spaceId: String(occurrence.spaceId),
      title: occurrence.title ?? booking.title,
      attendees: String(occurrence.attendees ?? booking.attendees),
      date: from.date,
      startTime: from.time,
      endTime: splitWall(occurrence.localEnd).time,
    };
  }
  if (booking.rrule === null) return series;
  const splitDate = occurrence.originalLocalStart.slice(0, 10);
  let repeat = parseRule(booking.rrule, splitDate);
  if (repeat.mode === 'weekly' && repeat.ends === 'count') {
    // COUNT counts every instance the rule generated, skipped ones too (RFC 5545).
    const before = booking.occurrences.filter((o) => o.originalLocalStart < occurrence.originalLocalStart).length + series.exdates.filter((d) => d < splitDate).length;
    repeat = { ...repeat, count: String(Math.max(1, Number(repeat.count) - before)) };
  }
  return { ...series, date: splitDate, repeat, exdates: series.exdates.filter((d) => d >= splitDate) };
}

/**
 * The same form against a new baseline (another scope, or the booking reloaded after someone
 * changed it): what the person changed stays; the rest follows the new baseline.
 */
export function rebase(current: FormState, oldBase: FormState, newBase: FormState): FormState {
  const next = { ...newBase };
  for (const key of Object.keys(current) as Array<keyof FormState>) {
    if (JSON.stringify(current[key]) !== JSON.stringify(oldBase[key])) (next as Record<string, unknown>)[key] = current[key];
  }
  return next;
}

export type Alternative =
  | { kind: 'time'; localStart: string; localEnd: string; skipDates: string[] }
  | { kind: 'space'; spaceId: number; skipDates: string[] }
  | { kind: 'skip'; skipDates: string[] };

/**
 * The alternatives as buttons. The server finds times and spaces that are free on every date it
 * did not suggest skipping, so those carry the skip dates along: one click gives a form that fits.
 * When closed dates are all that is in the way, skipping them is the one fix worth offering.
 * A one-off booking (or one occurrence) cannot skip dates.
 */
export function alternativesFor(alternatives: Alternatives | null, canSkip: boolean, conflicts: readonly Conflict[] = []): Alternative[] {
  if (!alternatives) return [];
  if (!canSkip && alternatives.skipDates.length > 0) return []; // what is left is a closed date: nothing to move to
  const skipDates = canSkip ? alternatives.skipDates : [];
  const skip = skipDates.length > 0 ? [{ kind: 'skip' as const, skipDates }] : [];
  const closedOnly = skipDates.length > 0 && conflicts.length > 0 && conflicts.every((c) => c.kind === 'closure' && skipDates.includes(c.occurrence.localStart.slice(0, 10)));
  if (closedOnly) return skip;
  return [
    ...alternatives.times.map((a) => ({ kind: 'time' as const, localStart: a.localStart, localEnd: a.localEnd, skipDates })),
    ...alternatives.spaces.map((a) => ({ kind: 'space' as const, spaceId: a.spaceId, skipDates })),
    ...skip,
  ];
}

/** A time suggestion moves the time of day on every date (it is a wall-clock shift); the dates stay. */
export function applyAlternative(form: FormState, alternative: Alternative): FormState {
  const exdates = alternative.skipDates.length > 0 ? addExdates(form.exdates, alternative.skipDates) : form.exdates;
  switch (alternative.kind) {
    case 'time':
      return { ...form, startTime: alternative.localStart.slice(11, 16), endTime: alternative.localEnd.slice(11, 16), exdates };
    case 'space':
      return { ...form, spaceId: String(alternative.spaceId), exdates };
    case 'skip':
      return { ...form, exdates };
  }
}

/** The form field that shows a server field error ("start", "exdates/2", "rrule"…). */
export function formFieldOf(serverField: string): FieldName | null {
  const name = serverField.replace(/^\/?(body\/)?/, '').split('/')[0] ?? '';
  const map: Record<string, FieldName> = {
    schoolId: 'schoolId',
    spaceId: 'spaceId',
    title: 'title',
    purpose: 'purpose',
    attendees: 'attendees',
    start: 'date', // the start's date is what the server can refuse (a time is checked here first)
    end: 'endTime',
    rrule: 'rrule',
    exdates: 'exdates',
  };
  return map[name] ?? null;
}

/** Spaces for the picker: by name, each followed by its parts (depth 1, 2…); archived ones left out unless already chosen. */
export function orderSpaces<S extends { id: number; name: string; parentId: number | null; archived: boolean }>(spaces: readonly S[], keepId: number | null = null): Array<{ space: S; depth: number }> {
  const shown = spaces.filter((s) => !s.archived || s.id === keepId);
  const ids = new Set(shown.map((s) => s.id));
  const childrenOf = (parentId: number | null) =>
    shown.filter((s) => (parentId === null ? s.parentId === null || !ids.has(s.parentId) : s.parentId === parentId)).sort((a, b) => a.name.localeCompare(b.name));
  const walk = (parentId: number | null, depth: number): Array<{ space: S; depth: number }> =>
    depth > 5 ? [] : childrenOf(parentId).flatMap((space) => [{ space, depth }, ...walk(space.id, depth + 1)]);
  return walk(null, 0);
}

/** "America/Los_Angeles" → "Los Angeles": the place people know the campus clock by. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ');
}
