/**
 * The conflict checker: given the occurrences a booking would create, what
 * stands in the way? Intervals are half-open [start, end) in epoch ms, so
 * back-to-back bookings never conflict unless a setup/teardown buffer says so.
 */
import { wallToFloatingMs, type LocalDateTime } from './wallclock.js';
import {
  minutesOfDay,
  requireSpace,
  spaceFamily,
  weekdayKey,
  type OpenHours,
  type OpenWindow,
  type SpaceRule,
} from './spaces.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface Interval {
  start: number;
  end: number;
}

export interface OccurrenceTimes {
  localStart: LocalDateTime;
  localEnd: LocalDateTime;
  startUtc: number;
  endUtc: number;
}

/** One occurrence of a requested booking. */
export type Candidate = OccurrenceTimes;

/** An existing active occurrence, with what the UI needs to say who holds the slot. */
export interface BusyOccurrence extends OccurrenceTimes {
  occurrenceId: number;
  bookingId: number;
  title: string;
  schoolId: number;
  schoolName: string;
  schoolCode: string;
  spaceId: number;
  spaceName: string;
}

export interface ClosureRule extends OccurrenceTimes {
  id: number;
  reason: string;
  note: string;
  /** null = the whole campus is closed. */
  spaceIds: number[] | null;
}

export type Conflict =
  | { kind: 'closure'; occurrence: OccurrenceTimes; closure: Pick<ClosureRule, 'id' | 'reason' | 'note' | 'localStart' | 'localEnd'> }
  | { kind: 'outside_hours'; occurrence: OccurrenceTimes; openHours: OpenWindow[] }
  | { kind: 'overlap'; occurrence: OccurrenceTimes; with: BusyOccurrence }
  | { kind: 'capacity'; occurrence: OccurrenceTimes; attendees: number; capacity: number };

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The time a space is taken by an occurrence: setup before it, teardown after it. */
export function blockedInterval(
  o: { startUtc: number; endUtc: number },
  space: Pick<SpaceRule, 'setupMinutes' | 'teardownMinutes'>,
): Interval {
  return { start: o.startUtc - space.setupMinutes * MINUTE_MS, end: o.endUtc + space.teardownMinutes * MINUTE_MS };
}

/** A closure of any space in the family closes the whole family; null spaceIds is campus-wide. */
export function closureApplies(closure: ClosureRule, family: readonly number[]): boolean {
  return closure.spaceIds === null || closure.spaceIds.some((id) => family.includes(id));
}

/** That weekday's windows; [] when the space is closed all day. */
export function windowsOn(localStart: LocalDateTime, openHours: OpenHours): OpenWindow[] {
  return openHours[weekdayKey(isoWeekdayOf(wallToFloatingMs(localStart)))] ?? [];
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall time in floating ms; 1970-01-01 was a Thursday. */
function isoWeekdayOf(wall: number): number {
  return ((((Math.floor(wall / DAY_MS) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Whether [localStart, localEnd) fits inside one window of its start date.
 * An end at exactly 00:00 the next day counts as '24:00'; any other end on a
 * later date is outside hours (no booking runs across midnight into the next day's hours).
 * Worked on floating ms: it runs for every candidate of every check.
 */
export function fitsOpenHours(o: Pick<OccurrenceTimes, 'localStart' | 'localEnd'>, windows: readonly OpenWindow[]): boolean {
  const startWall = wallToFloatingMs(o.localStart);
  const midnight = Math.floor(startWall / DAY_MS) * DAY_MS;
  const start = (startWall - midnight) / MINUTE_MS;
  const sinceMidnight = wallToFloatingMs(o.localEnd) - midnight;
  const end = sinceMidnight >= 0 && sinceMidnight <= DAY_MS ? sinceMidnight / MINUTE_MS : null;
  if (end === null) return false;
  return windows.some((w) => (minutesOfDay(w.open) ?? Infinity) <= start && end <= (minutesOfDay(w.close) ?? -Infinity));
}

/** Busy occurrences with their blocked intervals, sorted by blocked start, for binary search. */
interface BusyIndex {
  entries: Array<{ busy: BusyOccurrence; blocked: Interval }>;
  /** The longest blocked interval: how far before a candidate an overlapping entry can start. */
  longest: number;
}

function indexBusy(busy: readonly BusyOccurrence[], spaces: ReadonlyMap<number, SpaceRule>): BusyIndex {
  const entries = busy
    .map((b) => {
      // An unknown space in the busy list contributes no buffers rather than failing the whole check.
      const own = spaces.get(b.spaceId) ?? { setupMinutes: 0, teardownMinutes: 0 };
      return { busy: b, blocked: blockedInterval(b, own) };
    })
    .sort((a, b) => a.blocked.start - b.blocked.start);
  return { entries, longest: entries.reduce((max, e) => Math.max(max, e.blocked.end - e.blocked.start), 0) };
}

/** First entry whose blocked start is at or after `start`. */
function firstFrom(entries: BusyIndex['entries'], start: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (entries[mid]!.blocked.start < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

function busyConflicts(c: Candidate, blocked: Interval, index: BusyIndex): Conflict[] {
  const hits: BusyOccurrence[] = [];
  for (let i = firstFrom(index.entries, blocked.start - index.longest); i < index.entries.length; i++) {
    const entry = index.entries[i]!;
    if (entry.blocked.start >= blocked.end) break;
    if (overlaps(blocked, entry.blocked)) hits.push(entry.busy);
  }
  return hits
    .sort((a, b) => a.startUtc - b.startUtc || a.occurrenceId - b.occurrenceId)
    .map((b) => ({ kind: 'overlap', occurrence: timesOf(c), with: b }));
}

function timesOf(c: Candidate): OccurrenceTimes {
  return { localStart: c.localStart, localEnd: c.localEnd, startUtc: c.startUtc, endUtc: c.endUtc };
}

export interface FindConflictsInput {
  candidates: readonly Candidate[];
  spaceId: number;
  spaces: ReadonlyMap<number, SpaceRule>;
  /** Active occurrences near the candidates, in any space; filtered here to the family. */
  busy: readonly BusyOccurrence[];
  closures: readonly ClosureRule[];
  attendees: number;
  /** Occurrences being replaced (editing a booking must not conflict with itself). */
  ignoreOccurrenceIds?: ReadonlySet<number>;
}

/**
 * Every conflict of every candidate, ordered by candidate start, then kind:
 * closure, outside_hours, overlap (by the busy occurrence's start), capacity —
 * the building's own rules first, then other schools' bookings, then size.
 */
export function findConflicts(input: FindConflictsInput): Conflict[] {
  const space = requireSpace(input.spaceId, input.spaces);
  const family = spaceFamily(space.id, input.spaces);
  const ignore = input.ignoreOccurrenceIds ?? new Set<number>();
  const busy = indexBusy(
    input.busy.filter((b) => family.includes(b.spaceId) && !ignore.has(b.occurrenceId)),
    input.spaces,
  );
  const closures = input.closures.filter((cl) => closureApplies(cl, family));

  const candidates = [...input.candidates].sort((a, b) => a.startUtc - b.startUtc);
  return candidates.flatMap((c): Conflict[] => {
    const occurrence = timesOf(c);
    // Setup and teardown happen in the space too, so closures are checked against the blocked time.
    const blocked = blockedInterval(c, space);
    const result: Conflict[] = closures
      .filter((cl) => overlaps(blocked, { start: cl.startUtc, end: cl.endUtc }))
      .map(({ id, reason, note, localStart, localEnd }) => ({
        kind: 'closure',
        occurrence,
        closure: { id, reason, note, localStart, localEnd },
      }));
    if (space.openHours !== null) {
      const windows = windowsOn(c.localStart, space.openHours);
      if (!fitsOpenHours(c, windows)) result.push({ kind: 'outside_hours', occurrence, openHours: windows });
    }
    result.push(...busyConflicts(c, blocked, busy));
    if (input.attendees > space.capacity) {
      result.push({ kind: 'capacity', occurrence, attendees: input.attendees, capacity: space.capacity });
    }
    return result;
  });
}
