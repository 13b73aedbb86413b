/**
 * A recurrence rule in words: "Weekly on Tue, Thu until June 11, 2027" /
 * "Semanal los mar, jue hasta el 11 de junio de 2027".
 *
 * Pure (no DOM, no i18next instance of its own): the words come from the caller's translate
 * function (the myBookings.rule.* keys) and the weekday and month names from Intl in the given
 * locale. It reads the subset the server accepts (FREQ DAILY/WEEKLY/MONTHLY, INTERVAL, BYDAY
 * with ordinals, BYMONTHDAY, COUNT, UNTIL, WKST); a rule it cannot read is shown as written.
 */

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface DescribeContext {
  /** The series' first start, campus wall time "YYYY-MM-DDTHH:mm". */
  start: string;
  /** The campus's IANA zone, for an UNTIL given as a UTC time. */
  timeZone: string;
  /** "en" or "es": weekday and month names. */
  locale: string;
  t: Translate;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
type WeekdayCode = (typeof WEEKDAYS)[number];

export interface RuleParts {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  byDay: Array<{ weekday: WeekdayCode; ordinal: number | null }>;
  byMonthDay: number[];
  count: number | null;
  /** The last campus-local date, YYYY-MM-DD. */
  untilDate: string | null;
}

/** The rule's parts, or null when it is not one this page can put in words. */
export function parseRule(rrule: string, timeZone: string): RuleParts | null {
  const text = rrule.trim().replace(/^RRULE:/i, '');
  const fields = new Map<string, string>();
  for (const part of text.split(';')) {
    if (!part) continue;
    const [name, value] = part.split('=');
    if (!name || value === undefined) return null;
    fields.set(name.toUpperCase(), value.toUpperCase());
  }
  const freq = fields.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') return null;
  const interval = fields.has('INTERVAL') ? Number(fields.get('INTERVAL')) : 1;
  if (!Number.isInteger(interval) || interval < 1) return null;

  const byDay: RuleParts['byDay'] = [];
  for (const item of fields.get('BYDAY')?.split(',') ?? []) {
    const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!match) return null;
    byDay.push({ weekday: match[2] as WeekdayCode, ordinal: match[1] ? Number(match[1]) : null });
  }
  const byMonthDay = (fields.get('BYMONTHDAY')?.split(',') ?? []).map(Number);
  if (byMonthDay.some((d) => !Number.isInteger(d) || d === 0 || Math.abs(d) > 31)) return null;

  const count = fields.has('COUNT') ? Number(fields.get('COUNT')) : null;
  if (count !== null && (!Number.isInteger(count) || count < 1)) return null;
  const until = fields.get('UNTIL');
  const untilDate = until === undefined ? null : untilToDate(until, timeZone);
  if (until !== undefined && untilDate === null) return null;

  for (const name of fields.keys()) if (!['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST'].includes(name)) return null;
  return { freq, interval, byDay, byMonthDay, count, untilDate };
}

/** UNTIL as the campus date it ends on: a local date, a floating time, or a UTC time (…Z). */
function untilToDate(until: string, timeZone: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(until);
  if (!match) return null;
  const [, y, m, d, hh, mm, ss, utc] = match;
  if (!utc) return `${y}-${m}-${d}`;
  const instant = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), Number(ss)));
  try {
    // en-CA writes YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  } catch {
    return null;
  }
}

/** A local date or wall time as a Date whose UTC fields are those digits (format with timeZone UTC). */
function floating(wall: string): Date {
  const [y = 1970, m = 1, d = 1] = wall.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function weekdayName(code: WeekdayCode, locale: string, style: 'short' | 'long'): string {
  const monday = Date.UTC(2024, 0, 1); // a Monday
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(new Date(monday + WEEKDAYS.indexOf(code) * 86_400_000));
}

function weekdayOf(wall: string): WeekdayCode {
  return WEEKDAYS[(floating(wall).getUTCDay() + 6) % 7]!;
}

function list(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

function frequency(parts: RuleParts, t: Translate): string {
  const one = { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly' }[parts.freq];
  const many = { DAILY: 'everyDays', WEEKLY: 'everyWeeks', MONTHLY: 'everyMonths' }[parts.freq];
  return parts.interval === 1 ? t(`myBookings.rule.${one}`) : t(`myBookings.rule.${many}`, { count: parts.interval });
}

const WORKWEEK = 'MO,TU,WE,TH,FR';

/** "on Tue, Thu", "on weekdays", "on the second Tuesday", "on day 15"; '' when nothing to add. */
function days(parts: RuleParts, context: DescribeContext): string {
  const { t, locale, start } = context;
  const plain = parts.byDay.filter((d) => d.ordinal === null);
  const ordinals = parts.byDay.filter((d) => d.ordinal !== null);
  if (parts.freq === 'MONTHLY' && ordinals.length > 0) {
    const named = ordinals.map((d) =>
      t('myBookings.rule.ordinalDay', { ordinal: t(`myBookings.rule.ordinal.${d.ordinal}`, { defaultValue: String(d.ordinal) }), weekday: weekdayName(d.weekday, locale, 'long') }),
    );
    return t('myBookings.rule.monthlyOn', { days: list(named, locale) });
  }
  if (parts.freq === 'MONTHLY' && plain.length === 0) {
    const monthDays = parts.byMonthDay.length > 0 ? parts.byMonthDay : [floating(start).getUTCDate()];
    if (monthDays.length === 1 && monthDays[0] === -1) return t('myBookings.rule.lastMonthDay');
    const sorted = [...monthDays].sort((a, b) => a - b).map(String);
    return t('myBookings.rule.monthDays', { count: monthDays.length, days: list(sorted, locale) });
  }
  // WEEKLY (a weekly rule without BYDAY repeats on its start's weekday), or DAILY/MONTHLY limited to weekdays.
  const codes = plain.length > 0 ? WEEKDAYS.filter((c) => plain.some((d) => d.weekday === c)) : parts.freq === 'WEEKLY' ? [weekdayOf(start)] : [];
  if (codes.length === 0) return '';
  if (codes.join(',') === WORKWEEK) return t('myBookings.rule.onWeekdays');
  return t('myBookings.rule.onDays', { days: codes.map((c) => weekdayName(c, locale, 'short')).join(', ') });
}

function ending(parts: RuleParts, context: DescribeContext): string {
  const { t, locale, start } = context;
  if (parts.count !== null) return `, ${t('myBookings.rule.times', { count: parts.count })}`;
  if (parts.untilDate !== null) {
    const sameYear = parts.untilDate.slice(0, 4) === start.slice(0, 4);
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC', ...(sameYear ? {} : { year: 'numeric' }) };
    return ` ${t('myBookings.rule.until', { date: new Intl.DateTimeFormat(locale, options).format(floating(parts.untilDate)) })}`;
  }
  // No series is unbounded: without COUNT or UNTIL it ends with the school year.
  return ` ${t('myBookings.rule.schoolYear')}`;
}

/** The rule in words; "Once" for a one-off booking; the rule as written when it cannot be read. */
export function describeRule(rrule: string | null, context: DescribeContext): string {
  if (!rrule) return context.t('myBookings.rule.once');
  const parts = parseRule(rrule, context.timeZone);
  if (!parts) return rrule;
  const on = days(parts, context);
  return `${frequency(parts, context.t)}${on ? ` ${on}` : ''}${ending(parts, context)}`;
}
