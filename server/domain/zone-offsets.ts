/**
 * UTC offsets of an IANA zone, fast. Asking Intl (through luxon) costs ~15 µs a call, and a
 * 40-week series needs hundreds of conversions per check, so each zone's offset changes are
 * found once per UTC year and then looked up. The answers are luxon's own, memoised.
 */
import { IANAZone } from 'luxon';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A stretch of time from `from` (epoch ms) on during which the zone keeps `offset` minutes. */
interface Segment {
  from: number;
  offset: number;
}

/** The year of each zone looked up last, with its span: nearly every call falls in it. */
interface YearSegments {
  from: number;
  to: number;
  segments: Segment[];
}

const segmentsByZoneYear = new Map<string, YearSegments>();
const lastByZone = new Map<string, YearSegments>();

/** The first minute in (low, high] at which the offset differs from low's; low and high differ. */
function firstChange(zone: IANAZone, low: number, high: number): number {
  const base = zone.offset(low);
  while (high - low > MINUTE_MS) {
    const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zone.offset(mid) === base) low = mid;
    else high = mid;
  }
  return high;
}

// Offsets change at most a few times a year and never twice within a day, so daily samples
// find every change; the exact minute is then found by bisection.
function segmentsOfYear(zone: IANAZone, year: number): Segment[] {
  const start = Date.UTC(year, 0, 1) - DAY_MS;
  const end = Date.UTC(year + 1, 0, 1) + DAY_MS;
  const segments: Segment[] = [{ from: start, offset: zone.offset(start) }];
  for (let day = start + DAY_MS; day <= end; day += DAY_MS) {
    const offset = zone.offset(day);
    if (offset !== segments.at(-1)!.offset) segments.push({ from: firstChange(zone, day - DAY_MS, day), offset });
  }
  return segments;
}

function yearOf(zone: IANAZone, epochMs: number): YearSegments {
  const last = lastByZone.get(zone.name);
  if (last && last.from <= epochMs && epochMs < last.to) return last;
  const year = new Date(epochMs).getUTCFullYear();
  const key = `${zone.name}|${year}`;
  let entry = segmentsByZoneYear.get(key);
  if (!entry) {
    entry = { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1), segments: segmentsOfYear(zone, year) };
    segmentsByZoneYear.set(key, entry);
  }
  lastByZone.set(zone.name, entry);
  return entry;
}

export function offsetMinutes(zone: IANAZone, epochMs: number): number {
  const { segments } = yearOf(zone, epochMs);
  let offset = segments[0]!.offset;
  for (const segment of segments) {
    if (segment.from > epochMs) break;
    offset = segment.offset;
  }
  return offset;
}
