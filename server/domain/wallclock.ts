/**
 * Campus wall-clock time ↔ UTC instants.
 *
 * Wall-clock values are plain strings so they never pick up the process time zone.
 * Internally a wall time is handled as "floating milliseconds": the epoch value whose
 * UTC fields equal the wall-clock fields. Arithmetic on floating ms is calendar
 * arithmetic with no DST in it, which is what recurrence expansion needs.
 */
import { IANAZone } from 'luxon';
import { invalidField } from './errors.js';
import { offsetMinutes } from './zone-offsets.js';

/** `YYYY-MM-DDTHH:mm`, campus wall-clock time, no seconds, no offset. */
export type LocalDateTime = string;
/** `YYYY-MM-DD`, a campus calendar date. */
export type LocalDate = string;

export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Checking a zone builds an Intl formatter (~50 µs); the answer never changes, so remember it.
const knownZones = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  const valid = typeof zone === 'string' && zone !== '' && IANAZone.isValidZone(zone);
  if (valid) knownZones.add(zone);
  return valid;
}

/** The zone's canonical IANA spelling ('america/los_angeles' → 'America/Los_Angeles'). */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** Strict: rejects impossible dates (2026-02-30), 24:00, seconds and offsets. Returns null when invalid. */
export function parseLocalDateTime(s: string): WallFields | null {
  const m = typeof s === 'string' ? LOCAL_DATE_TIME.exec(s) : null;
  if (!m) return null;
  const fields = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
  };
  if (fields.hour > 23 || fields.minute > 59) return null;
  return isRealDate(fields.year, fields.month, fields.day) ? fields : null;
}

export function isLocalDateTime(s: string): s is LocalDateTime {
  return floatingCache.has(s) || parseLocalDateTime(s) !== null;
}

export function isLocalDate(s: string): s is LocalDate {
  const m = typeof s === 'string' ? LOCAL_DATE.exec(s) : null;
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Arithmetic rather than a Date round trip: this runs several times per occurrence checked.
function isRealDate(year: number, month: number, day: number): boolean {
  // Years 0–99 are refused: Date.UTC would remap them to 1900–1999.
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** Floating ms of a wall time; throws on malformed input (callers validate user input first). */
export function wallToFloatingMs(local: LocalDateTime): number {
  const known = floatingCache.get(local);
  if (known !== undefined) return known;
  const f = parseLocalDateTime(local);
  if (!f) throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): ${String(local)}`);
  const ms = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute);
  // A check parses the same few hundred wall times many times over; a bounded memo saves it.
  if (floatingCache.size >= FLOATING_CACHE_SIZE) floatingCache.clear();
  floatingCache.set(local, ms);
  return ms;
}

const FLOATING_CACHE_SIZE = 20_000;
const floatingCache = new Map<string, number>();

/** Wall time of floating ms, truncated to the minute. */
export function floatingMsToLocal(ms: number): LocalDateTime {
  if (!Number.isFinite(ms)) throw new RangeError(`not a finite time value: ${ms}`);
  const d = new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const zones = new Map<string, IANAZone>();

function zoneOf(zone: string): IANAZone {
  let z = zones.get(zone);
  if (!z) {
    if (!isValidTimeZone(zone)) throw invalidField('timeZone', `"${zone}" is not an IANA time zone name`);
    z = IANAZone.create(zone);
    zones.set(zone, z);
  }
  return z;
}

/**
 * RFC 5545 §3.3.5 semantics. The candidate offsets are the zone's offsets a day either
 * side (no zone changes offset twice within a day). A candidate is real when the zone
 * agrees with it at the instant it yields; two real candidates mean an ambiguous
 * (fall-back) time and we take the earlier instant, because luxon's own choice there is
 * undocumented (3.7 actually picks the later one). No real candidate means a gap, which
 * RFC 5545 resolves with the offset in force before it (02:30 → 03:30 after a spring-forward).
 */
export function localToInstant(local: LocalDateTime, zone: string): number {
  const z = zoneOf(zone);
  return toInstant(z, wallToFloatingMs(local));
}

/** localToInstant for a wall time already in floating ms: expansion works on numbers, not strings. */
export function floatingToInstant(wall: number, zone: string): number {
  return toInstant(zoneOf(zone), wall);
}

function toInstant(z: IANAZone, wall: number): number {
  const before = offsetMinutes(z, wall - DAY_MS);
  const after = offsetMinutes(z, wall + DAY_MS);
  const early = wall - before * MINUTE_MS;
  // The usual case: one offset all around, and whether or not it is real, it is the answer.
  if (before === after) return early;
  const late = wall - after * MINUTE_MS;
  const earlyReal = offsetMinutes(z, early) === before;
  const lateReal = offsetMinutes(z, late) === after;
  if (earlyReal && lateReal) return Math.min(early, late);
  return lateReal ? late : early;
}

export function instantToLocal(ms: number, zone: string): LocalDateTime {
  return floatingMsToLocal(instantToFloating(ms, zone));
}

/** The zone's wall clock at an instant, as floating ms truncated to the minute. */
export function instantToFloating(ms: number, zone: string): number {
  const z = zoneOf(zone);
  if (!Number.isFinite(ms)) throw new RangeError(`not a finite time value: ${ms}`);
  return Math.floor((ms + offsetMinutes(z, ms) * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
}

/** Calendar arithmetic on the wall clock, ignoring DST (as if the zone were UTC). */
export function addMinutesWall(local: LocalDateTime, minutes: number): LocalDateTime {
  return floatingMsToLocal(wallToFloatingMs(local) + minutes * MINUTE_MS);
}

/** Wall-clock minutes from a to b (negative when b is earlier); DST is ignored. */
export function wallMinutesBetween(a: LocalDateTime, b: LocalDateTime): number {
  return (wallToFloatingMs(b) - wallToFloatingMs(a)) / MINUTE_MS;
}

export function localDateOf(local: LocalDateTime): LocalDate {
  if (!isLocalDateTime(local)) throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): ${String(local)}`);
  return local.slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`not a local date (YYYY-MM-DD): ${String(date)}`);
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
