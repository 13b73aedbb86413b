import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetMinutes } from '../../server/domain/zone-offsets.js';

// The memoised offsets must agree with luxon (Intl) everywhere, including the minutes either
// side of every change. Zones: both hemispheres, a half-hour DST shift, none at all, a 5:45 offset.
const ZONES = ['America/Los_Angeles', 'Europe/Madrid', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Phoenix', 'UTC'];
const MINUTE = 60_000;

describe('offsetMinutes', () => {
  it.each(ZONES)('agrees with luxon every 7 hours from 2026 to 2028 in %s', (name) => {
    const zone = IANAZone.create(name);
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 11, 31); t += 7 * 3_600_000) {
      expect(offsetMinutes(zone, t), new Date(t).toISOString()).toBe(zone.offset(t));
    }
  });

  it.each([
    ['spring forward', Date.UTC(2027, 2, 14, 10, 0)],
    ['fall back', Date.UTC(2026, 10, 1, 9, 0)],
  ])('switches at the exact minute of the Los Angeles %s', (_label, change) => {
    const zone = IANAZone.create('America/Los_Angeles');
    expect(offsetMinutes(zone, change - MINUTE)).toBe(zone.offset(change - MINUTE));
    expect(offsetMinutes(zone, change)).toBe(zone.offset(change));
    expect(offsetMinutes(zone, change - MINUTE)).not.toBe(offsetMinutes(zone, change));
  });
});
