/**
 * Builds a benchmark campus: one Los Angeles campus, 11 schools, 12 spaces (a gym with two
 * halves among them), the usual holidays as closures — all through the real use cases — then
 * bulk-fills it with weekly series and one-off bookings by raw prepared SQL in big transactions.
 *
 * Kept free on purpose: every Tuesday from FREE_FROM to closing time, in every space, so the
 * measured requests (Tuesday evenings) succeed while their overlap queries still see the whole
 * busy Tuesday before them.
 */
import Database from 'better-sqlite3';
import { openDatabase } from '../server/db/connection.js';
import { createRepositories } from '../server/db/repositories/index.js';
import { systemActor, type Actor } from '../server/domain/actor.js';
import { systemClock } from '../server/system-clock.js';
import type { OpenHours } from '../server/domain/spaces.js';
import { localToInstant, wallToFloatingMs } from '../server/domain/wallclock.js';
import { createCampus } from '../server/usecases/campuses.js';
import { createClosure, type ClosureInput } from '../server/usecases/closures.js';
import type { UseCaseContext } from '../server/usecases/context.js';
import { createSchool } from '../server/usecases/schools.js';
import { createSpace } from '../server/usecases/spaces.js';

export const ZONE = 'America/Los_Angeles';
export const YEAR_START = '2026-08-17';
export const YEAR_END = '2027-06-11';
/** Tuesdays from this minute of the day (17:30) to closing stay empty in every space. */
const FREE_FROM = 17 * 60 + 30;
const TUESDAY = 2;

const weekdays: OpenHours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ open: '07:00', close: '22:00' }]]));
const withSaturday: OpenHours = { ...weekdays, sat: [{ open: '08:00', close: '18:00' }] };

const SPACES = [
  { name: 'Gym', kind: 'gym', capacity: 400, parent: null, setup: 15, teardown: 15, hours: withSaturday },
  { name: 'Gym North', kind: 'gym', capacity: 200, parent: 'Gym', setup: 15, teardown: 15, hours: withSaturday },
  { name: 'Gym South', kind: 'gym', capacity: 200, parent: 'Gym', setup: 15, teardown: 15, hours: withSaturday },
  { name: 'Auditorium', kind: 'auditorium', capacity: 600, parent: null, setup: 30, teardown: 30, hours: withSaturday },
  { name: 'Library', kind: 'library', capacity: 120, parent: null, setup: 0, teardown: 0, hours: weekdays },
  { name: 'Cafeteria', kind: 'cafeteria', capacity: 300, parent: null, setup: 15, teardown: 15, hours: withSaturday },
  { name: 'Black Box Theater', kind: 'theater', capacity: 100, parent: null, setup: 20, teardown: 20, hours: weekdays },
  { name: 'Music Room', kind: 'classroom', capacity: 60, parent: null, setup: 0, teardown: 0, hours: weekdays },
  { name: 'Art Room', kind: 'classroom', capacity: 40, parent: null, setup: 0, teardown: 10, hours: weekdays },
  { name: 'Computer Lab', kind: 'classroom', capacity: 35, parent: null, setup: 0, teardown: 0, hours: weekdays },
  { name: 'Conference Room', kind: 'meeting', capacity: 20, parent: null, setup: 0, teardown: 0, hours: weekdays },
  { name: 'Athletic Field', kind: 'field', capacity: 500, parent: null, setup: 10, teardown: 10, hours: withSaturday },
] as const;

const SCHOOLS = ['Roosevelt High', 'Lincoln Middle', 'Garfield Arts', 'Eastside STEM', 'Harbor Academy', 'Cesar Chavez Prep',
  'Northgate Elementary', 'Valley Adult School', 'Sunrise Charter', 'Westlake Magnet', 'Building Operations'];

const CLOSURES: Array<Pick<ClosureInput, 'note' | 'start' | 'end'>> = [
  { note: 'Labor Day', start: '2026-09-07', end: '2026-09-07' },
  { note: 'Veterans Day', start: '2026-11-11', end: '2026-11-11' },
  { note: 'Thanksgiving', start: '2026-11-26', end: '2026-11-27' },
  { note: 'Winter break', start: '2026-12-21', end: '2027-01-01' },
  { note: 'Martin Luther King Jr. Day', start: '2027-01-18', end: '2027-01-18' },
  { note: "Presidents' Day", start: '2027-02-15', end: '2027-02-15' },
  { note: 'Spring break', start: '2027-03-29', end: '2027-04-02' },
  { note: 'Memorial Day', start: '2027-05-31', end: '2027-05-31' },
];

export interface BenchSpace {
  id: number;
  name: string;
  capacity: number;
  setup: number;
  teardown: number;
}

export interface BenchCampus {
  campusId: number;
  /** A signed-in lead of the first school: who makes the measured requests. */
  lead: Actor;
  spaces: BenchSpace[];
  schoolIds: number[];
  /** Tuesdays a Tuesday series must skip (campus closures). */
  closedTuesdays: string[];
  occurrences: number;
  bookings: number;
}

interface Day {
  date: string;
  weekday: number; // ISO, 1 = Monday
  closed: boolean;
  /** floating ms of local midnight minus the UTC offset of the day's daytime: startUtc = base + minutes. */
  base: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const HHMM = Array.from({ length: 24 * 60 + 1 }, (_, m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

function schoolYearDays(closedDates: Set<string>): Day[] {
  const days: Day[] = [];
  for (let ms = wallToFloatingMs(`${YEAR_START}T00:00`); ms <= wallToFloatingMs(`${YEAR_END}T00:00`); ms += 86_400_000) {
    const date = new Date(ms).toISOString().slice(0, 10);
    const weekday = new Date(ms).getUTCDay() || 7;
    // DST switches at 02:00, before any space opens, so one offset holds for the whole open day.
    const noon = `${date}T12:00`;
    const base = ms - (wallToFloatingMs(noon) - localToInstant(noon, ZONE));
    days.push({ date, weekday, closed: closedDates.has(date), base });
  }
  return days;
}

function openWindow(hours: OpenHours, weekday: number): [number, number] | null {
  const key = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[weekday - 1];
  const w = key ? hours[key]?.[0] : undefined;
  if (!w) return null;
  const [oh = 0, om = 0] = w.open.split(':').map(Number);
  const [ch = 0, cm = 0] = w.close.split(':').map(Number);
  const close = weekday === TUESDAY ? Math.min(ch * 60 + cm, FREE_FROM) : ch * 60 + cm;
  return [oh * 60 + om, close];
}

/** A small deterministic PRNG (mulberry32) so every run fills the same campus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates the database file (migrations included) and fills it with `target` occurrences. */
export function buildCampus(file: string, target: number): BenchCampus {
  const db = openDatabase(file);
  const ctx: UseCaseContext = { repos: createRepositories(db), clock: systemClock, actor: systemActor };
  const campus = createCampus(ctx, { name: 'Roosevelt Educational Complex', timeZone: ZONE, yearStart: YEAR_START, yearEnd: YEAR_END });
  const schoolIds = SCHOOLS.map((name, i) =>
    createSchool(ctx, campus.id, { name, locationCode: String(8800 + i), kind: i === 10 ? 'building' : 'slc', enrollment: 300 + 50 * i }).id);
  const byName = new Map<string, number>();
  const spaces = SPACES.map((s) => {
    const parentId = s.parent === null ? null : (byName.get(s.parent) ?? null);
    const row = createSpace(ctx, campus.id, { name: s.name, kind: s.kind, capacity: s.capacity, parentId, setupMinutes: s.setup, teardownMinutes: s.teardown, openHours: s.hours });
    byName.set(s.name, row.id);
    return { id: row.id, name: s.name, capacity: s.capacity, setup: s.setup, teardown: s.teardown, hours: s.hours as OpenHours };
  });
  const closedDates = new Set<string>();
  for (const c of CLOSURES) {
    const row = createClosure(ctx, campus.id, { reason: 'holiday', note: c.note, spaceIds: null, start: c.start, end: c.end });
    for (let d = row.localStart.slice(0, 10); d < row.localEnd.slice(0, 10); d = new Date(wallToFloatingMs(`${d}T00:00`) + 86_400_000).toISOString().slice(0, 10)) closedDates.add(d);
  }
  const schoolId = schoolIds[0] as number;
  const now = Date.now();
  const user = ctx.repos.users.insert({ email: 'lead@bench.test', name: 'Bench Lead', passwordHash: '-', createdAt: now, updatedAt: now });
  ctx.repos.users.addMembership({ userId: user.id, campusId: campus.id, role: 'lead', schoolId, createdAt: now });
  const lead: Actor = { userId: user.id, memberships: [{ campusId: campus.id, role: 'lead', schoolId }], system: false };
  db.$client.close();

  const days = schoolYearDays(closedDates);
  const { occurrences, bookings } = bulkFill(file, campus.id, spaces, schoolIds, days, target);
  return {
    campusId: campus.id,
    lead,
    spaces: spaces.map(({ hours: _hours, ...s }) => s),
    schoolIds,
    closedTuesdays: days.filter((d) => d.closed && d.weekday === TUESDAY).map((d) => d.date),
    occurrences,
    bookings,
  };
}

type FillSpace = BenchSpace & { hours: OpenHours };

function bulkFill(file: string, campusId: number, spaces: FillSpace[], schoolIds: number[], days: Day[], target: number) {
  // A separate raw connection: durability does not matter while filling, speed does.
  const raw = new Database(file);
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  const insertBooking = raw.prepare(
    `INSERT INTO bookings (campus_id, space_id, school_id, title, purpose, attendees, local_start, local_end, rrule, exdates, status, version, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, 'active', 1, NULL, ?, ?)`,
  );
  const insertOccurrence = raw.prepare(
    `INSERT INTO occurrences (booking_id, campus_id, space_id, school_id, original_local_start, local_start, local_end, start_utc, end_utc, status, is_exception, title, attendees, cancelled_by, cancelled_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL, NULL, ?, ?)`,
  );
  const random = prng(20260817 + target);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const durations = [30, 45, 60, 60, 60, 90, 120, 180];
  const now = Date.now();
  const yearEndCompact = YEAR_END.replaceAll('-', '');
  let occurrences = 0;
  let bookings = 0;

  const fillSome = raw.transaction((budget: number) => {
    const stop = Math.min(target, occurrences + budget);
    while (occurrences < stop) {
      const space = pick(spaces);
      const first = pick(days);
      const window = openWindow(space.hours, first.weekday);
      if (first.closed || !window) continue;
      const duration = pick(durations);
      const slots = Math.floor((window[1] - window[0] - duration) / 15);
      if (slots < 0) continue;
      const startMin = window[0] + 15 * Math.floor(random() * (slots + 1));
      const endMin = startMin + duration;
      // Three bookings in four are weekly series running to the end of the year, a semester or a few weeks.
      const weekly = random() < 0.75;
      const weeks = !weekly ? 1 : pick([60, 60, 20, 10, 6]);
      const dates: Day[] = [];
      const exdates: string[] = [];
      for (let i = days.indexOf(first); i < days.length && dates.length + exdates.length < weeks; i += 7) {
        const d = days[i] as Day;
        if (d.closed) exdates.push(d.date);
        else dates.push(d);
      }
      const take = dates.slice(0, stop - occurrences);
      const schoolId = pick(schoolIds);
      const localStart = `${first.date}T${HHMM[startMin]}`;
      const localEnd = `${first.date}T${HHMM[endMin]}`;
      const rule = weekly ? (weeks >= 60 ? `FREQ=WEEKLY;UNTIL=${yearEndCompact}` : `FREQ=WEEKLY;COUNT=${weeks}`) : null;
      const attendees = 5 + Math.floor(random() * Math.min(space.capacity - 5, 80));
      const bookingId = insertBooking.run(campusId, space.id, schoolId, `Block ${bookings + 1}`, attendees, localStart, localEnd, rule, JSON.stringify(exdates), now, now).lastInsertRowid;
      bookings += 1;
      for (const d of take) {
        const start = `${d.date}T${HHMM[startMin]}`;
        // About one occurrence in fifty was cancelled: stored, but outside the partial index.
        const cancelled = random() < 0.02;
        insertOccurrence.run(bookingId, campusId, space.id, schoolId, start, start, `${d.date}T${HHMM[endMin]}`,
          d.base + startMin * 60_000, d.base + endMin * 60_000, cancelled ? 'cancelled' : 'active', cancelled ? now : null, now);
      }
      occurrences += take.length;
    }
  });
  while (occurrences < target) fillSome(100_000);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  return { occurrences, bookings };
}
