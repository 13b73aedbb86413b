import type { Caller } from './app.js';

export const ZONE = 'America/Los_Angeles';
export const YEAR_START = '2026-08-17';
export const YEAR_END = '2027-06-11';

/** Weekday open hours used by the library: 07:00–18:00 Monday to Friday, closed at weekends. */
export const LIBRARY_HOURS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ open: '07:00', close: '18:00' }]]));

export interface Campus {
  campusId: number;
  schools: { jefferson: number; lincoln: number; office: number };
  spaces: { gym: number; gymNorth: number; gymSouth: number; library: number; annex: number; auditorium: number };
}

async function created(call: Caller, url: string, body: unknown): Promise<number> {
  const res = await call('POST', url, body);
  if (res.status !== 201) throw new Error(`fixture POST ${url} answered ${res.status}: ${res.raw}`);
  return (res.body as { id: number }).id;
}

export async function createCampus(call: Caller, over: Record<string, unknown> = {}): Promise<number> {
  return created(call, '/api/campuses', { name: 'Roosevelt Campus', timeZone: ZONE, yearStart: YEAR_START, yearEnd: YEAR_END, ...over });
}

export async function createSchool(call: Caller, campusId: number, over: Record<string, unknown> = {}): Promise<number> {
  return created(call, `/api/campuses/${campusId}/schools`, { name: 'School', locationCode: 'X', kind: 'slc', enrollment: 350, ...over });
}

export async function createSpace(call: Caller, campusId: number, over: Record<string, unknown> = {}): Promise<number> {
  return created(call, `/api/campuses/${campusId}/spaces`, { name: 'Room', kind: 'meeting room', capacity: 30, ...over });
}

/**
 * A campus in Los Angeles for the 2026–27 school year: two SLCs and the building office; a gym
 * (whole, capacity 400) divisible into two halves; a library open 07:00–18:00 on weekdays with
 * 15-minute setup and teardown; a second, bigger library (an alternative of the same kind);
 * an auditorium always open.
 */
export async function createCampusFixture(call: Caller): Promise<Campus> {
  const campusId = await createCampus(call);
  const base = `/api/campuses/${campusId}`;
  const schools = {
    jefferson: await createSchool(call, campusId, { name: 'Jefferson SLC', locationCode: '8801', kind: 'slc', enrollment: 340 }),
    lincoln: await createSchool(call, campusId, { name: 'Lincoln Academy', locationCode: '8802', kind: 'autonomous', enrollment: 380 }),
    office: await createSchool(call, campusId, { name: 'Building Office', locationCode: '8800', kind: 'building', enrollment: 0 }),
  };
  const gym = await created(call, `${base}/spaces`, { name: 'Gym', kind: 'gym', capacity: 400 });
  const spaces = {
    gym,
    gymNorth: await created(call, `${base}/spaces`, { name: 'Gym North', kind: 'gym', capacity: 200, parentId: gym }),
    gymSouth: await created(call, `${base}/spaces`, { name: 'Gym South', kind: 'gym', capacity: 200, parentId: gym }),
    library: await created(call, `${base}/spaces`, { name: 'Library', kind: 'library', capacity: 60, openHours: LIBRARY_HOURS, setupMinutes: 15, teardownMinutes: 15 }),
    annex: await created(call, `${base}/spaces`, { name: 'Library Annex', kind: 'library', capacity: 80 }),
    auditorium: await created(call, `${base}/spaces`, { name: 'Auditorium', kind: 'auditorium', capacity: 500 }),
  };
  return { campusId, schools, spaces };
}

export interface BookingBody {
  spaceId: number;
  schoolId: number;
  title: string;
  attendees: number;
  start: string;
  end: string;
  purpose?: string;
  rrule?: string | null;
  exdates?: string[];
}

/** A one-off booking body; override anything. */
export function bookingBody(c: Campus, over: Partial<BookingBody> & Record<string, unknown> = {}): BookingBody {
  return {
    spaceId: c.spaces.auditorium,
    schoolId: c.schools.jefferson,
    title: 'Assembly',
    attendees: 100,
    start: '2026-10-06T10:00',
    end: '2026-10-06T11:00',
    ...over,
  };
}

/** Creates a booking and returns its body; fails loudly when it is not 201. */
export async function book(call: Caller, c: Campus, over: Partial<BookingBody> & Record<string, unknown> = {}) {
  const res = await call('POST', `/api/campuses/${c.campusId}/bookings`, bookingBody(c, over));
  if (res.status !== 201) throw new Error(`booking answered ${res.status}: ${res.raw}`);
  return res.body as BookingView;
}

export interface OccurrenceView {
  id: number;
  bookingId: number;
  spaceId: number;
  originalLocalStart: string;
  localStart: string;
  localEnd: string;
  startUtc: string;
  endUtc: string;
  status: string;
  isException: boolean;
  title: string | null;
  attendees: number | null;
  cancelledAt: string | null;
}

export interface BookingView {
  id: number;
  spaceId: number;
  schoolId: number;
  title: string;
  attendees: number;
  start: string;
  end: string;
  rrule: string | null;
  exdates: string[];
  status: string;
  version: number;
  splitFromId: number | null;
  cancelledAt: string | null;
  occurrences: OccurrenceView[];
}

/** Every occurrence of the campus in the school year, cancelled ones included: to prove nothing was written. */
export async function snapshot(call: Caller, campusId: number): Promise<unknown[]> {
  const res = await call('GET', `/api/campuses/${campusId}/occurrences?from=${YEAR_START}&to=2027-06-12&includeCancelled=true`);
  if (res.status !== 200) throw new Error(`listing answered ${res.status}: ${res.raw}`);
  return res.body as unknown[];
}
