/**
 * What an API error means for the booking form: messages beside their fields, a conflict to
 * show in the availability panel, "someone changed it meanwhile", or one message for the page.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';
import { errorText } from '../app/error-text.js';
import type { Alternatives, Analysis, Conflict } from '../api/types.js';
import { formatDate } from '../i18n/format.js';
import { formFieldOf, type FieldName } from './booking-form.js';

/**
 * The server's field messages are English, for developers; the ones a person can run into in
 * this form get their own words (in either language). Anything else is shown as the server said it.
 */
const KNOWN: Array<[RegExp, (t: TFunction, m: RegExpExecArray) => string]> = [
  [/must fall after (\d{4}-\d{2}-\d{2})/, (t, m) => t('booking.errors.followingStart', { date: formatDate(m[1]!, 'long') })],
  [/no occurrence starts at (\d{4}-\d{2}-\d{2})/, (t, m) => t('booking.errors.skipDateNotInSeries', { date: formatDate(m[1]!, 'long') })],
  [/no occurrences once the exdates/, (t) => t('booking.errors.allSkipped')],
  [/is archived/, (t) => t('booking.errors.archived')],
  [/does not exist on this campus/, (t) => t('booking.errors.unknown')],
  [/at most 24 hours/, (t) => t('booking.errors.tooLong')],
  [/must be after start/, (t) => t('booking.errors.endBeforeStart')],
  [/must not be blank/, (t) => t('booking.errors.titleRequired')],
];

function fieldMessage(message: string, t: TFunction): string {
  for (const [pattern, say] of KNOWN) {
    const match = pattern.exec(message);
    if (match) return say(t, match);
  }
  return message;
}

export interface ErrorView {
  fields: Partial<Record<FieldName, string>>;
  alert: string | null;
  stale: boolean;
  /** booking.conflict: the conflicts and alternatives the 409 carries, as an analysis. */
  conflict: Analysis | null;
}

/** No error: compared by identity ("has anything gone wrong since?"). */
export const NO_ERROR: ErrorView = { fields: {}, alert: null, stale: false, conflict: null };

export function viewOfError(error: unknown, t: TFunction, previous: Analysis | null): ErrorView {
  const view: ErrorView = { fields: {}, alert: null, stale: false, conflict: null };
  if (!(error instanceof ApiError)) {
    view.alert = errorText(error);
    return view;
  }
  const { problem } = error;
  if (error.code === 'booking.conflict') {
    const occurrences = Array.isArray(problem.occurrences) && problem.occurrences.every((o) => typeof (o as { localStart?: unknown }).localStart === 'string');
    view.conflict = {
      ok: false,
      occurrences: occurrences ? (problem.occurrences as Analysis['occurrences']) : (previous?.occurrences ?? []),
      conflicts: (problem.conflicts as Conflict[] | undefined) ?? [],
      alternatives: (problem.alternatives as Alternatives | null | undefined) ?? null,
    };
    return view;
  }
  if (error.code === 'booking.stale') {
    view.stale = true;
    return view;
  }
  // A field the form does not show (a query parameter) falls through to the message for the page.
  for (const f of problem.fields ?? []) {
    const field = formFieldOf(f.field);
    if (field && !view.fields[field]) view.fields[field] = fieldMessage(f.message, t);
  }
  if (Object.keys(view.fields).length > 0) return view;
  if (error.code === 'network') view.alert = errorText(error);
  else if (error.code === 'state' && /already started/.test(error.message)) view.alert = t('booking.errors.started');
  else if (error.code === 'state' && /cancelled/.test(error.message)) view.alert = t('booking.errors.occurrenceCancelled');
  else if (error.status === 403) view.alert = t('booking.errors.forbidden');
  else if (error.status === 404) view.alert = t('booking.errors.notFound');
  else view.alert = errorText(error);
  return view;
}

/** Each field's element, in the order the form shows them (to focus the first one in error). */
const FIELD_IDS: Array<[FieldName, string]> = [
  ['schoolId', 'bk-school'],
  ['spaceId', 'bk-space'],
  ['title', 'bk-title'],
  ['purpose', 'bk-purpose'],
  ['attendees', 'bk-attendees'],
  ['date', 'bk-date'],
  ['startTime', 'bk-start'],
  ['endTime', 'bk-end'],
  ['rrule', 'bk-rrule'],
  ['days', 'bk-days'],
  ['interval', 'bk-interval'],
  ['until', 'bk-until'],
  ['count', 'bk-count'],
  ['exdates', 'bk-exdates'],
];

export function focusFirstError(errors: Partial<Record<FieldName, string>>): boolean {
  for (const [field, id] of FIELD_IDS) {
    const element = errors[field] ? document.getElementById(id) : null;
    if (element) {
      element.focus();
      return true;
    }
  }
  return false;
}

/**
 * The messages to show: a client check once the person has left the field (or tried to
 * submit), else what the server said about it.
 */
export function shownErrors(
  problems: Partial<Record<FieldName, string>>,
  server: Partial<Record<FieldName, string>>,
  seen: (field: FieldName) => boolean,
  t: TFunction,
): Partial<Record<FieldName, string>> {
  const shown: Partial<Record<FieldName, string>> = {};
  for (const [field] of FIELD_IDS) {
    const key = problems[field];
    if (key && seen(field)) shown[field] = t(key);
    else if (!key && server[field]) shown[field] = server[field];
  }
  return shown;
}

/** What the availability panel says when the check itself failed. */
export function failedKey(view: ErrorView): string {
  if (view.stale) return 'booking.check.stale';
  if (Object.keys(view.fields).length > 0) return 'booking.check.fixFields';
  return 'booking.check.failed';
}
