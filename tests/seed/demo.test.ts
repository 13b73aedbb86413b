import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { bookings, closures, occurrences, schools, spaces } from '../../server/db/schema/index.js';
import { fixedClock } from '../../server/domain/clock.js';
import { findConflicts, type BusyOccurrence } from '../../server/domain/conflicts.js';
import { parseRecurrenceRule } from '../../server/domain/recurrence.js';
import { localDateOf, weekdayOf } from '../../server/domain/wallclock.js';
import { toClosureRule } from '../../server/usecases/closures.js';
import { loadSpaceRules } from '../../server/usecases/spaces.js';
import { seedDemoCampusIfEmpty, type DemoSummary } from '../../server/seed/demo.js';

const NOW = Date.UTC(2026, 6, 1, 12);
const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

let db: Db;
let summary: DemoSummary | null;

beforeAll(() => {
  db = openDatabase(':memory:');
  summary = seedDemoCampusIfEmpty(db, fixedClock(NOW));
});

function tableCounts(database: Db): Record<string, number> {
  const tables = database.$client.prepare("select name from sqlite_master where type = 'table' order by name").all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, (database.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
}

function activeOccurrences(database: Db, campusId: number) {
  return createRepositories(database).occurrences.listInRange({ campusId, fromUtc: Date.UTC(2026, 0, 1), toUtc: Date.UTC(2028, 0, 1), includeCancelled: false });
}

describe('seeding an empty database', () => {
  it('reports what it created', () => {
    expect(summary).not.toBeNull();
    expect(summary).toMatchObject({ schools: 11, spaces: 12 });
    expect(summary?.occurrences).toBe(db.select().from(occurrences).all().length);
  });

  it('creates nine SLCs, one autonomous small school and the building office, each with its own location code', () => {
    const rows = db.select().from(schools).all();
    expect(rows.map((s) => s.kind).sort()).toEqual(['autonomous', 'building', ...Array<string>(9).fill('slc')]);
    expect(new Set(rows.map((s) => s.locationCode)).size).toBe(11);
    for (const s of rows) expect(s.locationCode).toMatch(/^[0-9]{4}$/);
    for (const s of rows.filter((r) => r.kind !== 'building')) {
      expect(s.enrollment).toBeGreaterThanOrEqual(300);
      expect(s.enrollment).toBeLessThanOrEqual(400);
    }
    expect(rows.find((s) => s.kind === 'building')?.enrollment).toBe(0);
  });

  it('creates a dozen shared spaces, including a gym divisible into two halves', () => {
    const rows = db.select().from(spaces).all();
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const kinds = rows.map((s) => s.kind);
    for (const kind of ['library', 'cafeteria', 'auditorium', 'parent center', 'field', 'lab', 'meeting room']) expect(kinds).toContain(kind);
    expect(kinds.filter((k) => k === 'art room')).toHaveLength(2);
    const gym = rows.find((s) => s.kind === 'gym' && s.parentId === null);
    const halves = rows.filter((s) => s.parentId === gym?.id);
    expect(halves).toHaveLength(2);
    for (const half of halves) expect(half.capacity).toBeLessThan(gym?.capacity ?? 0);
  });

  it('closes the whole campus on the holidays and some spaces on testing and maintenance days', () => {
    const rows = db.select().from(closures).all();
    const holidays = rows.filter((c) => c.reason === 'holiday');
    expect(holidays.every((c) => c.spaceIds === null && c.allDay)).toBe(true);
    const starts = holidays.map((c) => c.localStart.slice(0, 10));
    for (const day of ['2026-09-07', '2026-11-11', '2026-11-23', '2026-12-21', '2027-01-18', '2027-02-15', '2027-03-29', '2027-03-31', '2027-05-31']) expect(starts).toContain(day);
    expect(rows.filter((c) => c.reason === 'testing').every((c) => (c.spaceIds?.length ?? 0) === 2)).toBe(true);
    const maintenance = rows.filter((c) => c.reason === 'maintenance');
    expect(maintenance).toHaveLength(1);
    const half = db.select().from(spaces).all().find((s) => s.id === maintenance[0]?.spaceIds?.[0]);
    expect(half?.parentId).not.toBeNull();
  });

  it('creates a fabric of recurring bookings, every school holding a weekly library block', () => {
    const rows = db.select().from(bookings).all();
    const recurring = rows.filter((b) => b.rrule !== null);
    expect(recurring.length).toBeGreaterThanOrEqual(25);
    expect(rows.length - recurring.length).toBeGreaterThan(0);
    const library = db.select().from(spaces).all().find((s) => s.kind === 'library');
    const holders = new Set(recurring.filter((b) => b.spaceId === library?.id && b.title === 'Library block').map((b) => b.schoolId));
    const students = db.select().from(schools).all().filter((s) => s.kind !== 'building');
    expect([...holders].sort()).toEqual(students.map((s) => s.id).sort());
  });

  it('holds the Building Council every Tuesday at 07:30, skipping the holidays by exdate', () => {
    const council = db.select().from(bookings).all().find((b) => b.title === 'Building Council meeting');
    expect(council?.rrule).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(council?.localStart).toMatch(/T07:30$/);
    expect(council?.exdates).toEqual(expect.arrayContaining(['2026-11-24', '2026-12-22', '2026-12-29', '2027-01-05', '2027-03-30']));
  });
});

describe('the seeded bookings', () => {
  it('never conflict with one another, with a closure, with open hours or with capacity', () => {
    const campusId = summary?.campusId ?? 0;
    const repos = createRepositories(db);
    const spaceRules = loadSpaceRules({ repos }, campusId);
    const closureRules = repos.closures.listByCampus(campusId, false).map(toClosureRule);
    const all = activeOccurrences(db, campusId);
    const busy: BusyOccurrence[] = all;
    for (const booking of db.select().from(bookings).all()) {
      const own = all.filter((o) => o.bookingId === booking.id);
      const conflicts = findConflicts({
        candidates: own,
        spaceId: booking.spaceId,
        spaces: spaceRules,
        busy,
        closures: closureRules,
        attendees: booking.attendees,
        ignoreOccurrenceIds: new Set(own.map((o) => o.occurrenceId)),
      });
      expect(conflicts, `${booking.title} (booking ${booking.id})`).toEqual([]);
    }
  });

  it('never fall on a day the whole campus is closed', () => {
    const closed = db.select().from(closures).all().filter((c) => c.spaceIds === null);
    const onClosedDay = activeOccurrences(db, summary?.campusId ?? 0).filter((o) =>
      closed.some((c) => c.localStart <= o.localStart && o.localStart < c.localEnd),
    );
    expect(onClosedDay).toEqual([]);
  });

  it('fall only on days their rule names (each series starts on one of its own days)', () => {
    const all = db.select().from(occurrences).all();
    for (const booking of db.select().from(bookings).all().filter((b) => b.rrule !== null)) {
      const rule = parseRecurrenceRule(booking.rrule ?? '');
      for (const o of all.filter((x) => x.bookingId === booking.id)) {
        const date = localDateOf(o.originalLocalStart);
        const weekday = WEEKDAY_CODES[weekdayOf(date) - 1];
        const dayOfMonth = Number(date.slice(8));
        const daysInMonth = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
        const named = rule.byDay.some(
          (d) =>
            d.weekday === weekday &&
            (d.ordinal === null ||
              (d.ordinal > 0 ? Math.ceil(dayOfMonth / 7) === d.ordinal : Math.ceil((daysInMonth - dayOfMonth + 1) / 7) === -d.ordinal)),
        );
        expect(named, `${booking.title} on ${date}`).toBe(true);
      }
    }
  });

  it('keep a weekly 16:00 series at 16:00 local across 2026-11-01 and 2027-03-14', () => {
    const series = db.select().from(bookings).all().find((b) => b.rrule?.startsWith('FREQ=WEEKLY') && b.localStart.endsWith('T16:00'));
    expect(series).toBeDefined();
    const own = db.select().from(occurrences).all().filter((o) => o.bookingId === series?.id);
    expect(own.every((o) => o.localStart.endsWith('T16:00'))).toBe(true);
    const utcHour = (date: string) => new Date(own.find((o) => o.localStart.startsWith(date))?.startUtc ?? NaN).getUTCHours();
    expect(utcHour('2026-10-30')).toBe(23); // PDT, UTC−7
    expect(utcHour('2026-11-06')).toBe(0); // PST, UTC−8
    expect(utcHour('2027-03-12')).toBe(0);
    expect(utcHour('2027-03-19')).toBe(23);
  });
});

describe('seeding again', () => {
  it('returns null and changes nothing when a campus exists', () => {
    const before = tableCounts(db);
    expect(seedDemoCampusIfEmpty(db, fixedClock(NOW + 86_400_000))).toBeNull();
    expect(tableCounts(db)).toEqual(before);
  });

  it('produces the same data from the same clock', () => {
    const dump = (database: Db) => ({
      schools: database.select().from(schools).all(),
      spaces: database.select().from(spaces).all(),
      closures: database.select().from(closures).all(),
      bookings: database.select().from(bookings).all(),
      occurrences: database.select().from(occurrences).all(),
    });
    const other = openDatabase(':memory:');
    seedDemoCampusIfEmpty(other, fixedClock(NOW));
    expect(dump(other)).toEqual(dump(db));
    other.$client.close();
  });
});
