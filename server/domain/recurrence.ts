/**
 * Recurring bookings: a strict RFC 5545 RRULE subset, expanded in floating time.
 *
 * rrule.js's `tzid` option has open DST bugs (jkbrzt/rrule #355, #604, #611), so rrule only
 * ever sees "floating" Dates whose UTC fields are campus wall-clock fields; each wall time
 * is then placed on the time line with localToInstant (RFC 5545 §3.3.5 rules).
 */
import * as rruleModule from 'rrule';
import type { Options, Weekday } from 'rrule';
import { invalidField } from './errors.js';
import {
  floatingMsToLocal,
  floatingToInstant,
  instantToFloating,
  instantToLocal,
  isLocalDate,
  isLocalDateTime,
  isValidTimeZone,
  localToInstant,
  wallMinutesBetween,
  wallToFloatingMs,
  type LocalDate,
  type LocalDateTime,
} from './wallclock.js';

// rrule's CommonJS entry is a webpack bundle: Node's ESM loader exposes it only as `default`,
// while CJS loaders (tsx, bundlers) see the named exports. Accept both.
type RRuleExports = typeof rruleModule;
const { RRule } = 'RRule' in rruleModule
  ? rruleModule
  : (rruleModule as unknown as { default: RRuleExports }).default;

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';
export type WeekdayCode = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export interface ByDay {
  weekday: WeekdayCode;
  /** 2 in 2TU, -1 in -1FR; null for "every such weekday". */
  ordinal: number | null;
}
export type Until =
  | { kind: 'date'; date: LocalDate } // inclusive campus-local date
  | { kind: 'utc'; instant: number } // epoch ms, inclusive
  | { kind: 'floating'; local: LocalDateTime }; // campus wall time, inclusive
export interface ParsedRule {
  freq: Frequency;
  interval: number;
  byDay: ByDay[];
  byMonthDay: number[];
  count: number | null;
  until: Until | null;
  wkst: WeekdayCode | null;
}

export interface ExpandSeriesInput {
  start: LocalDateTime;
  end: LocalDateTime;
  zone: string;
  rrule?: string | null;
  exdates?: string[];
  /** Last campus date (inclusive) on which an occurrence may start: the school-year end. */
  horizon: LocalDate;
  maxOccurrences: number;
  /**
   * Skip exdates that match no occurrence instead of rejecting them, for series rebuilt from
   * stored data (e.g. after a split, some exdates belong to the other part). Malformed ones still fail.
   */
  ignoreUnmatchedExdates?: boolean;
}
export interface ExpandedOccurrence {
  /** The wall time the rule generated: the key exdates and per-occurrence edits refer to. */
  originalLocalStart: LocalDateTime;
  /** The wall time it really starts; differs from the original only inside a spring-forward gap. */
  localStart: LocalDateTime;
  localEnd: LocalDateTime;
  startUtc: number;
  endUtc: number;
}

const SUPPORTED = ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST'];
const FREQUENCIES: Record<Frequency, Options['freq']> = { DAILY: RRule.DAILY, WEEKLY: RRule.WEEKLY, MONTHLY: RRule.MONTHLY };
const WEEKDAYS: Record<WeekdayCode, Weekday> = {
  MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU,
};
const MINUTE_MS = 60_000;
// Wall clocks can lag instant order by one fall-back shift (≤ 1 h in every current zone).
const UTC_UNTIL_SLACK_MS = 3 * 60 * MINUTE_MS;

const fail = (message: string) => invalidField('rrule', message);
const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function parseRecurrenceRule(rrule: string): ParsedRule {
  if (typeof rrule !== 'string') throw fail('must be a string such as FREQ=WEEKLY;BYDAY=TU');
  const body = rrule.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (body === '') throw fail('is empty; expected something like FREQ=WEEKLY;BYDAY=TU');
  if (/\s/.test(body)) throw fail('must be a single line without spaces');
  const parts = new Map<string, string>();
  for (const token of body.split(';')) {
    const match = /^([A-Z-]+)=([^=]+)$/.exec(token);
    if (!match) throw fail(`${quote(token)} is not a NAME=VALUE part`);
    const [, name = '', value = ''] = match;
    if (!SUPPORTED.includes(name)) throw fail(`${name} is not supported; use only ${SUPPORTED.join(', ')}`);
    if (parts.has(name)) throw fail(`${name} is given more than once`);
    parts.set(name, value);
  }
  const freq = parts.get('FREQ');
  if (freq === undefined) throw fail('FREQ is required (DAILY, WEEKLY or MONTHLY)');
  if (!(freq in FREQUENCIES)) throw fail(`FREQ=${freq} is not supported; use DAILY, WEEKLY or MONTHLY`);
  const rule: ParsedRule = {
    freq: freq as Frequency,
    interval: integerPart(parts, 'INTERVAL', 1, 52) ?? 1,
    byDay: listPart(parts, 'BYDAY').map((v) => parseByDay(v, freq as Frequency)),
    byMonthDay: listPart(parts, 'BYMONTHDAY').map((v) => parseMonthDay(v)),
    count: integerPart(parts, 'COUNT', 1, 1000),
    until: parts.has('UNTIL') ? parseUntil(parts.get('UNTIL') ?? '') : null,
    wkst: parts.has('WKST') ? weekdayCode(parts.get('WKST') ?? '', 'WKST') : null,
  };
  if (rule.count !== null && rule.until !== null) throw fail('COUNT and UNTIL cannot both be given');
  if (rule.freq === 'WEEKLY' && rule.byMonthDay.length > 0) {
    throw fail('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  }
  return rule;
}

function integerPart(parts: Map<string, string>, name: string, min: number, max: number): number | null {
  const value = parts.get(name);
  if (value === undefined) return null;
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw fail(`${name} must be a whole number from ${min} to ${max}, not ${quote(value)}`);
  return n;
}

function listPart(parts: Map<string, string>, name: string): string[] {
  const value = parts.get(name);
  if (value === undefined) return [];
  const items = value.split(',');
  if (items.some((item) => item === '')) throw fail(`${name} has an empty item in ${quote(value)}`);
  if (new Set(items).size !== items.length) throw fail(`${name} lists a value twice in ${quote(value)}`);
  return items;
}

function weekdayCode(value: string, name: string): WeekdayCode {
  if (value in WEEKDAYS) return value as WeekdayCode;
  throw fail(`${name} must be one of MO, TU, WE, TH, FR, SA, SU, not ${quote(value)}`);
}

function parseByDay(value: string, freq: Frequency): ByDay {
  const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(value);
  if (!match) throw fail(`BYDAY item ${quote(value)} is not a weekday like TU or 2TU`);
  const weekday = weekdayCode(match[2] ?? '', 'BYDAY');
  if (match[1] === undefined) return { weekday, ordinal: null };
  if (freq !== 'MONTHLY') throw fail(`BYDAY=${value}: an ordinal weekday is only allowed with FREQ=MONTHLY`);
  const ordinal = Number(match[1]);
  if (ordinal === 0 || Math.abs(ordinal) > 5) throw fail(`BYDAY=${value}: the ordinal must be 1 to 5 or -1 to -5`);
  return { weekday, ordinal };
}

function parseMonthDay(value: string): number {
  const n = /^[+-]?\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!(n >= -31 && n <= 31 && n !== 0)) throw fail(`BYMONTHDAY=${value}: use 1 to 31 or -1 to -31`);
  return n;
}

function parseUntil(value: string): Until {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!m || !isLocalDate(date)) throw fail(`UNTIL=${quote(value)} must be YYYYMMDD or YYYYMMDDTHHMMSSZ`);
  if (m[4] === undefined) return { kind: 'date', date };
  const local = `${date}T${m[4]}:${m[5]}`;
  if (!isLocalDateTime(local) || Number(m[6]) > 59) throw fail(`UNTIL=${quote(value)} has an invalid time of day`);
  // Seconds can be dropped: occurrences start on whole minutes, and UNTIL is inclusive.
  if (m[7] === 'Z') return { kind: 'utc', instant: wallToFloatingMs(local) + Number(m[6]) * 1000 };
  return { kind: 'floating', local };
}

export function expandSeries(input: ExpandSeriesInput): ExpandedOccurrence[] {
  const { start, end, zone, horizon, maxOccurrences } = input;
  if (!isLocalDateTime(start)) throw invalidField('start', 'must be a local date-time YYYY-MM-DDTHH:mm');
  if (!isLocalDateTime(end)) throw invalidField('end', 'must be a local date-time YYYY-MM-DDTHH:mm');
  if (!isValidTimeZone(zone)) throw invalidField('timeZone', `${quote(zone)} is not an IANA time zone name`);
  if (!isLocalDate(horizon)) throw invalidField('horizon', 'must be a local date YYYY-MM-DD');
  if (!Number.isInteger(maxOccurrences) || maxOccurrences < 1) throw new RangeError('maxOccurrences must be ≥ 1');
  const duration = wallMinutesBetween(start, end);
  if (duration <= 0) throw invalidField('end', 'must be after start');
  if (duration > 24 * 60) throw invalidField('end', 'an occurrence can last at most 24 hours');
  const exdates = input.exdates ?? [];
  if (!Array.isArray(exdates)) throw invalidField('exdates', 'must be a list');

  if (input.rrule === undefined || input.rrule === null) {
    if (exdates.length > 0) throw invalidField('exdates', 'only a recurring series can have exdates');
    return [occurrenceAt(wallToFloatingMs(start), duration, zone)];
  }
  const walls = ruleStarts(parseRecurrenceRule(input.rrule), start, zone, horizon, maxOccurrences);
  const occurrences = walls.map((wall) => occurrenceAt(wall, duration, zone));
  const kept = removeExdates(occurrences, exdates, input.ignoreUnmatchedExdates ?? false);
  if (kept.length === 0) throw fail('the rule produces no occurrences once the exdates are removed');
  return kept.sort((a, b) => a.startUtc - b.startUtc);
}

/** Wall-clock starts of the series (floating ms), oldest first, cut at UNTIL/COUNT and at the horizon. */
function ruleStarts(rule: ParsedRule, start: LocalDateTime, zone: string, horizon: LocalDate, max: number) {
  const startMs = wallToFloatingMs(start);
  let bound = wallToFloatingMs(`${horizon}T23:59`);
  const u = rule.until;
  const untilInstant = u?.kind === 'utc' ? u.instant : null;
  if (u !== null) {
    const untilWall =
      u.kind === 'date' ? wallToFloatingMs(`${u.date}T23:59`)
      : u.kind === 'floating' ? wallToFloatingMs(u.local)
      : wallToFloatingMs(instantToLocal(u.instant, zone)) + UTC_UNTIL_SLACK_MS;
    const beforeStart = u.kind === 'utc' ? u.instant < localToInstant(start, zone) : untilWall < startMs;
    if (beforeStart) throw fail(`UNTIL is before the first occurrence (${start})`);
    bound = Math.min(bound, untilWall);
  }
  const options: Partial<Options> = {
    freq: FREQUENCIES[rule.freq],
    interval: rule.interval,
    dtstart: new Date(startMs),
    until: new Date(bound),
  };
  if (rule.count !== null) options.count = rule.count;
  if (rule.wkst !== null) options.wkst = WEEKDAYS[rule.wkst];
  if (rule.byMonthDay.length > 0) options.bymonthday = rule.byMonthDay;
  if (rule.byDay.length > 0) {
    options.byweekday = rule.byDay.map((d) => (d.ordinal === null ? WEEKDAYS[d.weekday] : WEEKDAYS[d.weekday].nth(d.ordinal)));
  }
  // One past the cap is enough to know the cap is exceeded without expanding everything.
  let walls = new RRule(options).all((_date, i) => i <= max).map((d) => d.getTime());
  // RFC 5545 says DTSTART is always the first instance and COUNT counts it; rrule.js drops a
  // DTSTART that does not match the rule. We follow the RFC so the booked first slot never vanishes.
  if (walls[0] !== startMs) {
    walls.unshift(startMs);
    if (rule.count !== null) walls = walls.slice(0, rule.count);
  }
  walls = walls.filter((w) => w <= bound);
  // A UTC UNTIL is compared on the time line (RFC 5545), after the slack-widened floating cut.
  if (untilInstant !== null) walls = walls.filter((w) => floatingToInstant(w, zone) <= untilInstant);
  if (walls.length > max) throw fail(`the rule produces more than ${max} occurrences up to ${horizon}; add COUNT or UNTIL`);
  if (walls.length === 0) throw fail(`the rule produces no occurrences on or before ${horizon}`);
  return walls;
}

/**
 * The end keeps the first occurrence's wall-clock length from the *actual* start, so an
 * occurrence pushed forward by a spring-forward gap keeps its length instead of collapsing.
 * Worked in floating ms: a series places dozens of wall times, and strings are made once each.
 */
function occurrenceAt(originalWall: number, duration: number, zone: string): ExpandedOccurrence {
  const originalLocalStart = floatingMsToLocal(originalWall);
  const startUtc = floatingToInstant(originalWall, zone);
  const startWall = instantToFloating(startUtc, zone);
  const endWall = startWall + duration * MINUTE_MS;
  const endUtc = floatingToInstant(endWall, zone);
  const localEndWall = instantToFloating(endUtc, zone);
  return {
    originalLocalStart,
    localStart: startWall === originalWall ? originalLocalStart : floatingMsToLocal(startWall),
    localEnd: floatingMsToLocal(localEndWall),
    startUtc,
    endUtc,
  };
}

function removeExdates(occurrences: ExpandedOccurrence[], exdates: readonly string[], ignoreUnmatched: boolean) {
  const removed = new Set<ExpandedOccurrence>();
  exdates.forEach((exdate, i) => {
    const field = `exdates/${i}`;
    let hits: ExpandedOccurrence[];
    if (isLocalDateTime(exdate)) hits = occurrences.filter((o) => o.originalLocalStart === exdate);
    // Every originalLocalStart was formatted here, so its first ten characters are its date.
    else if (isLocalDate(exdate)) hits = occurrences.filter((o) => o.originalLocalStart.slice(0, 10) === exdate);
    else throw invalidField(field, 'must be a local date-time YYYY-MM-DDTHH:mm or a date YYYY-MM-DD');
    if (hits.length === 0 && !ignoreUnmatched) throw invalidField(field, `no occurrence starts at ${exdate}`);
    for (const hit of hits) removed.add(hit);
  });
  return occurrences.filter((o) => !removed.has(o));
}
