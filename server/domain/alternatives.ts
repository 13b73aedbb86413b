/**
 * What else would work when a request conflicts: dates to skip (closures),
 * nearby times in the same space, or another space of the same kind.
 * Every check goes through findConflicts so there is one definition of "free".
 */
import { addMinutesWall, localDateOf, localToInstant, type LocalDate, type LocalDateTime } from './wallclock.js';
import { findConflicts, type BusyOccurrence, type Candidate, type ClosureRule } from './conflicts.js';
import { requireSpace, spaceFamily, type SpaceRule } from './spaces.js';

const MINUTE_MS = 60_000;
/** A wall-clock shift can move the instant by up to an hour more on a DST-change day. */
const DST_SLACK_MINUTES = 60;

export interface AlternativesInput {
  candidates: readonly Candidate[];
  spaceId: number;
  attendees: number;
  /** The campus time zone, to turn shifted wall-clock times into instants. */
  zone: string;
  spaces: ReadonlyMap<number, SpaceRule>;
  closures: readonly ClosureRule[];
  /** Active occurrences in those spaces overlapping any of the (finite) windows, each once. */
  busyIn: (spaceIds: number[], windows: ReadonlyArray<{ fromUtc: number; toUtc: number }>) => BusyOccurrence[];
  ignoreOccurrenceIds?: ReadonlySet<number>;
  stepMinutes?: number;
  maxShiftMinutes?: number;
  limit?: number;
}

export interface TimeAlternative {
  shiftMinutes: number;
  /** The first non-skipped occurrence, shifted, for display. */
  localStart: LocalDateTime;
  localEnd: LocalDateTime;
}

export interface SpaceAlternative {
  spaceId: number;
  name: string;
  kind: string;
  capacity: number;
}

export interface Alternatives {
  skipDates: LocalDate[];
  times: TimeAlternative[];
  spaces: SpaceAlternative[];
}

/** Nearest first, later before earlier: +step, -step, +2·step, -2·step, … up to ±max. */
export function shiftSequence(stepMinutes: number, maxShiftMinutes: number): number[] {
  const shifts: number[] = [];
  for (let m = stepMinutes; m > 0 && m <= maxShiftMinutes; m += stepMinutes) shifts.push(m, -m);
  return shifts;
}

/** The candidate moved on the wall clock, or null when the shift would change its local date. */
export function shiftCandidate(c: Candidate, minutes: number, zone: string): Candidate | null {
  const localStart = addMinutesWall(c.localStart, minutes);
  if (localDateOf(localStart) !== localDateOf(c.localStart)) return null;
  const localEnd = addMinutesWall(c.localEnd, minutes);
  return { localStart, localEnd, startUtc: localToInstant(localStart, zone), endUtc: localToInstant(localEnd, zone) };
}

function shiftAll(candidates: readonly Candidate[], minutes: number, zone: string): Candidate[] | null {
  const shifted: Candidate[] = [];
  for (const c of candidates) {
    const s = shiftCandidate(c, minutes, zone);
    if (!s) return null;
    shifted.push(s);
  }
  return shifted;
}

/**
 * One window around each candidate (never one spanning the whole series: a year of a busy
 * space's bookings), widened so that a busy occurrence whose buffers reach a candidate
 * shifted by up to shiftMinutes is included.
 */
function busyWindows(
  candidates: readonly Candidate[],
  shiftMinutes: number,
  spaces: ReadonlyMap<number, SpaceRule>,
): Array<{ fromUtc: number; toUtc: number }> {
  let maxBuffer = 0;
  for (const s of spaces.values()) maxBuffer = Math.max(maxBuffer, s.setupMinutes, s.teardownMinutes);
  const pad = (shiftMinutes + DST_SLACK_MINUTES + 2 * maxBuffer) * MINUTE_MS;
  return candidates.map((c) => ({ fromUtc: c.startUtc - pad, toUtc: c.endUtc + pad }));
}

/** Local dates of candidates that hit a closure: skipping them (EXDATE) is the fix, not moving them. */
function closedDates(input: AlternativesInput): LocalDate[] {
  const dates = findConflicts({ ...input, busy: [] })
    .filter((c) => c.kind === 'closure')
    .map((c) => localDateOf(c.occurrence.localStart));
  return [...new Set(dates)].sort();
}

function isFree(input: AlternativesInput, spaceId: number, candidates: Candidate[], busy: BusyOccurrence[]): boolean {
  return findConflicts({ ...input, spaceId, candidates, busy }).length === 0;
}

function alternativeTimes(input: AlternativesInput, remaining: Candidate[]): TimeAlternative[] {
  const step = input.stepMinutes ?? 15;
  const max = input.maxShiftMinutes ?? 240;
  const limit = input.limit ?? 3;
  const busy = input.busyIn(spaceFamily(input.spaceId, input.spaces), busyWindows(remaining, max, input.spaces));
  const found: TimeAlternative[] = [];
  for (const shift of shiftSequence(step, max)) {
    if (found.length >= limit) break;
    const shifted = shiftAll(remaining, shift, input.zone);
    const first = shifted?.[0];
    if (shifted && first && isFree(input, input.spaceId, shifted, busy)) {
      found.push({ shiftMinutes: shift, localStart: first.localStart, localEnd: first.localEnd });
    }
  }
  return found;
}

function alternativeSpaces(input: AlternativesInput, remaining: Candidate[]): SpaceAlternative[] {
  const requested = requireSpace(input.spaceId, input.spaces);
  const family = spaceFamily(requested.id, input.spaces);
  const limit = input.limit ?? 3;
  // Sorted before checking, so the busy look-ups stop as soon as `limit` spaces are found.
  const options = [...input.spaces.values()]
    .filter((s) => !s.archived && s.kind === requested.kind && !family.includes(s.id) && s.capacity >= input.attendees)
    .sort((a, b) => a.capacity - b.capacity || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  const windows = busyWindows(remaining, 0, input.spaces);
  const found: SpaceAlternative[] = [];
  for (const s of options) {
    if (found.length >= limit) break;
    const busy = input.busyIn(spaceFamily(s.id, input.spaces), windows);
    if (isFree(input, s.id, remaining, busy)) {
      found.push({ spaceId: s.id, name: s.name, kind: s.kind, capacity: s.capacity });
    }
  }
  return found;
}

/**
 * Alternatives for a conflicting request. Dates hit by a closure go to
 * skipDates; times and spaces must then be conflict-free (capacity included)
 * for every other candidate, each evaluated at its own local date.
 */
export function suggestAlternatives(input: AlternativesInput): Alternatives {
  requireSpace(input.spaceId, input.spaces);
  const skipDates = closedDates(input);
  const skipped = new Set(skipDates);
  const remaining = [...input.candidates]
    .filter((c) => !skipped.has(localDateOf(c.localStart)))
    .sort((a, b) => a.startUtc - b.startUtc);
  if (remaining.length === 0) return { skipDates, times: [], spaces: [] };
  return { skipDates, times: alternativeTimes(input, remaining), spaces: alternativeSpaces(input, remaining) };
}
