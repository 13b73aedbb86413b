import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { book, createCampus, createCampusFixture, createSchool, createSpace, type Campus } from '../helpers/fixtures.js';

let t: TestApp;
let c: Campus;
let ids: Record<string, number>;
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
  const aud = { spaceId: c.spaces.auditorium };
  // The week the clocks fall back (2026-11-01), in the auditorium; kept apart from everything else.
  await book(t.call, c, { ...aud, title: 'Lock-in', start: '2026-10-31T23:30', end: '2026-11-01T00:30' });
  await book(t.call, c, { ...aud, title: 'Before the week', start: '2026-10-31T22:00', end: '2026-10-31T23:00' });
  await book(t.call, c, { ...aud, title: 'Night custodian', attendees: 2, start: '2026-11-01T01:30', end: '2026-11-01T02:00' });
  await book(t.call, c, { ...aud, title: 'Late show', start: '2026-11-07T23:00', end: '2026-11-07T23:30' });
  await book(t.call, c, { ...aud, title: 'Next week', start: '2026-11-08T00:00', end: '2026-11-08T00:30' });
  // A December week with two schools, two spaces, a series with one cancelled and one edited occurrence.
  const series = await book(t.call, c, { spaceId: c.spaces.gymNorth, schoolId: c.schools.lincoln, title: 'Basketball', attendees: 30, start: '2026-12-07T15:00', end: '2026-12-07T16:30', rrule: 'FREQ=DAILY;COUNT=5' });
  await t.call('DELETE', `/api/bookings/${series.id}?scope=occurrence&occurrenceId=${series.occurrences[1]!.id}`);
  await t.call('PATCH', `/api/bookings/${series.id}?scope=occurrence&occurrenceId=${series.occurrences[2]!.id}`, { title: 'Basketball (scrimmage)', attendees: 60 });
  const oneOff = await book(t.call, c, { spaceId: c.spaces.library, schoolId: c.schools.jefferson, title: 'Book fair', attendees: 40, start: '2026-12-08T09:00', end: '2026-12-08T12:00' });
  ids = { series: series.id, oneOff: oneOff.id };
});
afterAll(() => t.close());

type Listed = { occurrenceId: number; bookingId: number; title: string; localStart: string; startUtc: string; status: string; spaceId: number; schoolId: number };
const list = (query: string, campusId = c.campusId) => t.call('GET', `/api/campuses/${campusId}/occurrences?${query}`);
const titles = async (query: string) => ((await list(query)).body as Listed[]).map((o) => o.title);

describe('GET /api/campuses/:campusId/occurrences', () => {
  it('a DST week: dates mean campus midnights, [from, to) half-open, overlapping occurrences included', async () => {
    const res = await list('from=2026-11-01&to=2026-11-08');
    expect(res.status).toBe(200);
    expect(res.body.map((o: Listed) => [o.title, o.localStart, o.startUtc])).toEqual([
      ['Lock-in', '2026-10-31T23:30', '2026-11-01T06:30:00.000Z'],
      ['Night custodian', '2026-11-01T01:30', '2026-11-01T08:30:00.000Z'], // the first (PDT) 01:30
      ['Late show', '2026-11-07T23:00', '2026-11-08T07:00:00.000Z'], // PST
    ]);
  });

  it('accepts RFC 3339 instants as bounds', async () => {
    expect(await titles('from=2026-11-01T08:00:00Z&to=2026-11-01T09:00:00Z')).toEqual(['Night custodian']);
    expect(await titles('from=2026-11-07T23:00:00-08:00&to=2026-11-07T23:30:00-08:00')).toEqual(['Late show']);
    expect(await titles('from=2026-11-08T07:30:00Z&to=2026-11-08T08:00:00Z')).toEqual([]); // Late show ended at 07:30Z
  });

  it('lists who, where and what for each occurrence, sorted by start, cancelled ones left out', async () => {
    const res = await list('from=2026-12-07&to=2026-12-14');
    expect(res.body.map((o: Listed) => `${o.localStart} ${o.title}`)).toEqual([
      '2026-12-07T15:00 Basketball',
      '2026-12-08T09:00 Book fair',
      '2026-12-09T15:00 Basketball (scrimmage)',
      '2026-12-10T15:00 Basketball',
      '2026-12-11T15:00 Basketball',
    ]);
    expect(res.body[2]).toMatchObject({
      bookingId: ids.series, spaceId: c.spaces.gymNorth, spaceName: 'Gym North', schoolId: c.schools.lincoln, schoolName: 'Lincoln Academy', schoolCode: '8802',
      attendees: 60, localEnd: '2026-12-09T16:30', status: 'active', isException: true, recurring: true, originalLocalStart: '2026-12-09T15:00',
    });
    expect(res.body[1]).toMatchObject({ bookingId: ids.oneOff, attendees: 40, recurring: false, isException: false });
  });

  it('includeCancelled=true adds the cancelled occurrences with their status', async () => {
    const res = await list('from=2026-12-07&to=2026-12-14&spaceId=' + c.spaces.gymNorth + '&includeCancelled=true');
    expect(res.body.map((o: Listed) => `${o.localStart.slice(0, 10)} ${o.status}`)).toEqual([
      '2026-12-07 active', '2026-12-08 cancelled', '2026-12-09 active', '2026-12-10 active', '2026-12-11 active',
    ]);
  });

  it('filters by spaceId and by schoolId', async () => {
    expect(await titles(`from=2026-12-07&to=2026-12-14&spaceId=${c.spaces.library}`)).toEqual(['Book fair']);
    expect(await titles(`from=2026-12-07&to=2026-12-14&spaceId=${c.spaces.gym}`)).toEqual([]);
    expect(await titles(`from=2026-12-07&to=2026-12-14&schoolId=${c.schools.lincoln}`)).toHaveLength(4);
    expect(await titles(`from=2026-12-07&to=2026-12-14&schoolId=${c.schools.jefferson}&spaceId=${c.spaces.library}`)).toEqual(['Book fair']);
    expect(await titles(`from=2026-12-07&to=2026-12-14&schoolId=${c.schools.office}`)).toEqual([]);
  });

  it('serves a whole school year in one request (400 days at most)', async () => {
    const res = await list('from=2026-08-01&to=2027-09-05');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5 + 4 + 1); // the DST week's five, the series' four active, the book fair
  });

  it('never shows another campus’s occurrences, whatever the filters', async () => {
    const other = await createCampus(t.call, { name: 'Other Campus' });
    const otherSpace = await createSpace(t.call, other, { capacity: 500 });
    const otherSchool = await createSchool(t.call, other, { locationCode: '9901' });
    const made = await t.call('POST', `/api/campuses/${other}/bookings`, { spaceId: otherSpace, schoolId: otherSchool, title: 'Elsewhere', attendees: 10, start: '2026-12-09T10:00', end: '2026-12-09T11:00' });
    expect(made.status).toBe(201);
    expect(await titles(`from=2026-12-07&to=2026-12-14&spaceId=${otherSpace}`)).toEqual([]);
    expect(await titles(`from=2026-12-07&to=2026-12-14&schoolId=${otherSchool}`)).toEqual([]);
    expect(((await list('from=2026-12-07&to=2026-12-14', other)).body as Listed[]).map((o) => o.title)).toEqual(['Elsewhere']);
  });

  it.each([
    ['a 401-day range', 'from=2026-08-01&to=2027-09-06', 'to'],
    ['to before from', 'from=2026-11-08&to=2026-11-01', 'to'],
    ['to equal to from', 'from=2026-11-08&to=2026-11-08', 'to'],
    ['a missing from', 'to=2026-11-08', 'from'],
    ['a missing to', 'from=2026-11-01', 'to'],
    ['an impossible date', 'from=2026-13-45&to=2026-12-01', 'from'],
    ['an instant without an offset', 'from=2026-11-01T08:00&to=2026-11-02', 'from'],
    ['words', 'from=yesterday&to=today', 'from'],
    ['a spaceId that is not a number', 'from=2026-11-01&to=2026-11-08&spaceId=gym', 'spaceId'],
    ['spaceId 0', 'from=2026-11-01&to=2026-11-08&spaceId=0', 'spaceId'],
    ['includeCancelled=maybe', 'from=2026-11-01&to=2026-11-08&includeCancelled=maybe', 'includeCancelled'],
    ['an unknown parameter', 'from=2026-11-01&to=2026-11-08&room=3', 'room'],
  ])('refuses %s with 400 naming the parameter', async (_label, query, field) => {
    expectProblem(await list(query), { status: 400, code: 'validation', field });
  });

  it('answers 404 for an unknown campus and 400 for a malformed one', async () => {
    expectProblem(await list('from=2026-11-01&to=2026-11-08', 987654), { status: 404, code: 'not_found' });
    expectProblem(await t.call('GET', '/api/campuses/abc/occurrences?from=2026-11-01&to=2026-11-08'), { status: 400, code: 'validation', field: 'campusId' });
  });
});
