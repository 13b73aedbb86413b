import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { book, createCampus, createSchool, createSpace, createCampusFixture, type BookingView, type Campus } from '../helpers/fixtures.js';

let t: TestApp;
let c: Campus;
let robotics: BookingView;
let fair: BookingView;
let gone: BookingView;
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
  robotics = await book(t.call, c, { spaceId: c.spaces.gymNorth, schoolId: c.schools.lincoln, title: 'Robotics', start: '2026-10-06T16:00', end: '2026-10-06T17:00', rrule: 'FREQ=WEEKLY;COUNT=4' });
  await t.call('DELETE', `/api/bookings/${robotics.id}?scope=occurrence&occurrenceId=${robotics.occurrences[3]!.id}`);
  fair = await book(t.call, c, { spaceId: c.spaces.library, title: 'Book fair', attendees: 40, start: '2026-09-22T09:00', end: '2026-09-22T12:00' });
  gone = await book(t.call, c, { title: 'Cancelled assembly', start: '2026-11-10T10:00', end: '2026-11-10T11:00' });
  await t.call('DELETE', `/api/bookings/${gone.id}`);
  const other = await createCampus(t.call, { name: 'Other Campus' });
  const made = await t.call('POST', `/api/campuses/${other}/bookings`, {
    spaceId: await createSpace(t.call, other), schoolId: await createSchool(t.call, other), title: 'Elsewhere', attendees: 5, start: '2026-09-01T10:00', end: '2026-09-01T11:00',
  });
  expect(made.status).toBe(201);
});
afterAll(() => t.close());

type Summary = { id: number; title: string; status: string; activeOccurrences: number; firstStartUtc: string | null; lastEndUtc: string | null; occurrences?: unknown };
const list = async (query = '', campusId = c.campusId) => t.call('GET', `/api/campuses/${campusId}/bookings${query}`);
const titles = async (query = '') => ((await list(query)).body as Summary[]).map((b) => b.title);

describe('GET /api/campuses/:campusId/bookings', () => {
  it('lists the series of this campus only, by start, each with a summary of its active occurrences', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.map((b: Summary) => b.title)).toEqual(['Book fair', 'Robotics', 'Cancelled assembly']);
    const byTitle = new Map((res.body as Summary[]).map((b) => [b.title, b]));
    expect(byTitle.get('Robotics')).toMatchObject({
      id: robotics.id, status: 'active', rrule: 'FREQ=WEEKLY;COUNT=4', activeOccurrences: 3, // one of four cancelled
      firstStartUtc: '2026-10-06T23:00:00.000Z', lastEndUtc: '2026-10-21T00:00:00.000Z',
    });
    expect(byTitle.get('Book fair')).toMatchObject({ id: fair.id, activeOccurrences: 1, firstStartUtc: '2026-09-22T16:00:00.000Z', lastEndUtc: '2026-09-22T19:00:00.000Z' });
    expect(byTitle.get('Cancelled assembly')).toMatchObject({ id: gone.id, status: 'cancelled', activeOccurrences: 0, firstStartUtc: null, lastEndUtc: null });
    expect(byTitle.get('Robotics')!.occurrences).toBeUndefined();
  });

  it('filters by school, space and status', async () => {
    expect(await titles(`?schoolId=${c.schools.lincoln}`)).toEqual(['Robotics']);
    expect(await titles(`?schoolId=${c.schools.office}`)).toEqual([]);
    expect(await titles(`?spaceId=${c.spaces.library}`)).toEqual(['Book fair']);
    expect(await titles('?status=cancelled')).toEqual(['Cancelled assembly']);
    expect(await titles('?status=active')).toEqual(['Book fair', 'Robotics']);
    expect(await titles(`?status=active&schoolId=${c.schools.jefferson}`)).toEqual(['Book fair']);
  });

  it.each([
    ['an unknown status', '?status=deleted', 'status'],
    ['a schoolId that is not a number', '?schoolId=lincoln', 'schoolId'],
    ['spaceId -1', '?spaceId=-1', 'spaceId'],
    ['an unknown parameter', '?title=Robotics', 'title'],
  ])('refuses %s with 400 naming the parameter', async (_label, query, field) => {
    expectProblem(await list(query), { status: 400, code: 'validation', field });
  });

  it('answers 404 for an unknown campus and 400 for a malformed id', async () => {
    expectProblem(await list('', 987654), { status: 404, code: 'not_found' });
    expectProblem(await t.call('GET', '/api/campuses/0/bookings'), { status: 400, code: 'validation', field: 'campusId' });
  });
});
