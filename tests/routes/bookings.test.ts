import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type Reply, type TestApp } from '../helpers/app.js';
import { book, bookingBody, createCampusFixture, snapshot, type BookingBody, type Campus, type OccurrenceView } from '../helpers/fixtures.js';

let t: TestApp;
let c: Campus;
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
});
afterAll(() => t.close());

const post = (body: BookingBody, query = '') => t.call('POST', `/api/campuses/${c.campusId}/bookings${query}`, body);
const at = (o: { localStart: string }) => o.localStart;

/** Posts a request that must conflict: 409 booking.conflict, and not one occurrence written. */
async function refused(body: BookingBody): Promise<Reply> {
  const before = await snapshot(t.call, c.campusId);
  const res = await post(body);
  expectProblem(res, { status: 409, code: 'booking.conflict' });
  expect(await snapshot(t.call, c.campusId)).toEqual(before);
  return res;
}

describe('POST /api/campuses/:campusId/bookings — creating', () => {
  it('books a one-off slot: 201 with its occurrence, readable and listed', async () => {
    const res = await post(bookingBody(c, { title: 'Open house', purpose: 'Families visit', attendees: 250, start: '2026-09-15T18:00', end: '2026-09-15T20:00' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ campusId: c.campusId, spaceId: c.spaces.auditorium, schoolId: c.schools.jefferson, title: 'Open house', purpose: 'Families visit', attendees: 250, rrule: null, status: 'active', version: 1 });
    expect(res.body.occurrences).toEqual([
      expect.objectContaining({ localStart: '2026-09-15T18:00', localEnd: '2026-09-15T20:00', startUtc: '2026-09-16T01:00:00.000Z', endUtc: '2026-09-16T03:00:00.000Z', status: 'active' }),
    ]);
    expect((await t.call('GET', `/api/bookings/${res.body.id}`)).body).toEqual(res.body);
    const listed = (await t.call('GET', `/api/campuses/${c.campusId}/occurrences?from=2026-09-15&to=2026-09-16`)).body;
    expect(listed.map((o: { bookingId: number }) => o.bookingId)).toEqual([res.body.id]);
  });

  it('keeps a weekly 16:00 series at 16:00 local across 2026-11-01 and 2027-03-14; the UTC instant shifts', async () => {
    const res = await post(bookingBody(c, { title: 'Robotics', start: '2026-10-27T16:00', end: '2026-10-27T17:30', rrule: 'FREQ=WEEKLY;UNTIL=20270316' }));
    expect(res.status).toBe(201);
    const occ: OccurrenceView[] = res.body.occurrences;
    expect(occ).toHaveLength(21);
    expect(occ.every((o) => o.localStart.endsWith('T16:00') && o.localEnd.endsWith('T17:30'))).toBe(true);
    const utc = new Map(occ.map((o) => [o.localStart, o.startUtc]));
    expect(utc.get('2026-10-27T16:00')).toBe('2026-10-27T23:00:00.000Z'); // PDT, UTC−7
    expect(utc.get('2026-11-03T16:00')).toBe('2026-11-04T00:00:00.000Z'); // PST, UTC−8
    expect(utc.get('2027-03-09T16:00')).toBe('2027-03-10T00:00:00.000Z'); // still PST
    expect(utc.get('2027-03-16T16:00')).toBe('2027-03-16T23:00:00.000Z'); // PDT again
    // The answer is built from the rows as inserted: it is exactly what reading the booking gives.
    expect((await t.call('GET', `/api/bookings/${res.body.id}`)).body).toEqual(res.body);
  });

  it('ends an open-ended series at the end of the school year', async () => {
    const res = await post(bookingBody(c, { title: 'Yearbook', start: '2027-05-03T07:00', end: '2027-05-03T07:45', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE' }));
    expect(res.status).toBe(201);
    expect(at(res.body.occurrences.at(-1))).toBe('2027-06-09T07:00');
    expect(res.body.occurrences).toHaveLength(12);
  });

  it('expands ordinal weekdays and skips exdates', async () => {
    const res = await post(bookingBody(c, { title: 'PTA', start: '2026-09-25T18:30', end: '2026-09-25T20:00', rrule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=4', exdates: ['2026-10-30'] }));
    expect(res.status).toBe(201);
    expect(res.body.occurrences.map(at)).toEqual(['2026-09-25T18:30', '2026-11-27T18:30', '2026-12-25T18:30']);
  });

  it('moves a start inside the spring-forward gap forward by the gap', async () => {
    const res = await post(bookingBody(c, { title: 'Night shift', attendees: 5, start: '2027-03-14T02:30', end: '2027-03-14T03:30' }));
    expect(res.status).toBe(201);
    expect(res.body.occurrences[0]).toMatchObject({ originalLocalStart: '2027-03-14T02:30', localStart: '2027-03-14T03:30', localEnd: '2027-03-14T04:30', startUtc: '2027-03-14T10:30:00.000Z' });
    expect((await t.call('GET', `/api/bookings/${res.body.id}`)).body).toEqual(res.body);
  });
});

describe('POST /api/campuses/:campusId/bookings — conflicts', () => {
  it('the whole gym blocks a half: 409 names the holder (booking id, title, school) and writes nothing', async () => {
    const held = await book(t.call, c, { spaceId: c.spaces.gym, schoolId: c.schools.lincoln, title: 'Basketball practice', start: '2026-10-06T16:00', end: '2026-10-06T17:00' });
    const res = await refused(bookingBody(c, { spaceId: c.spaces.gymNorth, title: 'Volleyball', start: '2026-10-06T16:30', end: '2026-10-06T17:30' }));
    expect(res.body.conflicts).toEqual([
      {
        kind: 'overlap',
        occurrence: expect.objectContaining({ localStart: '2026-10-06T16:30', localEnd: '2026-10-06T17:30' }),
        with: expect.objectContaining({ bookingId: held.id, title: 'Basketball practice', schoolId: c.schools.lincoln, schoolName: 'Lincoln Academy', spaceName: 'Gym', localStart: '2026-10-06T16:00' }),
      },
    ]);
  });

  it('a half blocks the whole gym, but not the other half', async () => {
    const held = await book(t.call, c, { spaceId: c.spaces.gymSouth, title: 'Dance', start: '2026-10-08T15:00', end: '2026-10-08T16:00' });
    const res = await refused(bookingBody(c, { spaceId: c.spaces.gym, start: '2026-10-08T15:00', end: '2026-10-08T16:00' }));
    expect(res.body.conflicts[0].with).toMatchObject({ bookingId: held.id, spaceName: 'Gym South' });
    const other = await post(bookingBody(c, { spaceId: c.spaces.gymNorth, start: '2026-10-08T15:00', end: '2026-10-08T16:00' }));
    expect(other.status).toBe(201);
  });

  it('when one half is taken, the other half is offered as an alternative space (the whole gym is not)', async () => {
    await book(t.call, c, { spaceId: c.spaces.gymNorth, title: 'Wrestling', start: '2026-10-09T15:00', end: '2026-10-09T16:00' });
    const res = await refused(bookingBody(c, { spaceId: c.spaces.gymNorth, attendees: 150, start: '2026-10-09T15:00', end: '2026-10-09T16:00' }));
    expect(res.body.alternatives.spaces).toEqual([{ spaceId: c.spaces.gymSouth, name: 'Gym South', kind: 'gym', capacity: 200 }]);
  });

  it('back-to-back bookings are free (intervals are half-open)', async () => {
    await book(t.call, c, { start: '2026-10-13T10:00', end: '2026-10-13T11:00' });
    expect((await post(bookingBody(c, { start: '2026-10-13T11:00', end: '2026-10-13T12:00' }))).status).toBe(201);
    expect((await post(bookingBody(c, { start: '2026-10-13T09:00', end: '2026-10-13T10:00' }))).status).toBe(201);
    await refused(bookingBody(c, { start: '2026-10-13T10:59', end: '2026-10-13T11:30' }));
  });

  it('setup and teardown buffers widen both bookings: the library needs a 30-minute gap', async () => {
    const lib = { spaceId: c.spaces.library, attendees: 20 };
    await book(t.call, c, { ...lib, title: 'Tutoring', start: '2026-10-14T10:00', end: '2026-10-14T11:00' });
    await refused(bookingBody(c, { ...lib, start: '2026-10-14T11:00', end: '2026-10-14T12:00' }));
    await refused(bookingBody(c, { ...lib, start: '2026-10-14T11:29', end: '2026-10-14T12:00' }));
    expect((await post(bookingBody(c, { ...lib, start: '2026-10-14T11:30', end: '2026-10-14T12:30' }))).status).toBe(201);
  });

  it('lists every conflicting occurrence of a series with its date and time', async () => {
    await book(t.call, c, { title: 'Band', start: '2026-10-19T18:30', end: '2026-10-19T19:30' });
    await book(t.call, c, { title: 'Choir', schoolId: c.schools.lincoln, start: '2026-11-02T17:00', end: '2026-11-02T18:30' });
    const res = await refused(bookingBody(c, { title: 'Drama', start: '2026-10-12T18:00', end: '2026-10-12T19:00', rrule: 'FREQ=WEEKLY;COUNT=4' }));
    expect(res.body.conflicts.map((x: { occurrence: { localStart: string }; with: { title: string } }) => [x.occurrence.localStart, x.with.title])).toEqual([
      ['2026-10-19T18:00', 'Band'],
      ['2026-11-02T18:00', 'Choir'],
    ]);
    expect(res.body.detail).toMatch(/2 times/);
  });

  it('a campus-wide closure blocks its dates; alternatives say which dates to skip', async () => {
    await t.call('POST', `/api/campuses/${c.campusId}/closures`, { reason: 'holiday', note: 'Thanksgiving', start: '2026-11-26', end: '2026-11-27' });
    const series = bookingBody(c, { spaceId: c.spaces.gymNorth, title: 'Chess', start: '2026-11-19T15:00', end: '2026-11-19T16:00', rrule: 'FREQ=WEEKLY;COUNT=3' });
    const res = await refused(series);
    expect(res.body.conflicts).toEqual([
      expect.objectContaining({ kind: 'closure', occurrence: expect.objectContaining({ localStart: '2026-11-26T15:00' }), closure: expect.objectContaining({ reason: 'holiday', note: 'Thanksgiving' }) }),
    ]);
    expect(res.body.alternatives.skipDates).toEqual(['2026-11-26']);
    const skipped = await post({ ...series, exdates: res.body.alternatives.skipDates });
    expect(skipped.status).toBe(201);
    expect(skipped.body.occurrences.map(at)).toEqual(['2026-11-19T15:00', '2026-12-03T15:00']);
  });

  it('a space closed by a closure of that space only', async () => {
    await t.call('POST', `/api/campuses/${c.campusId}/closures`, { reason: 'maintenance', spaceIds: [c.spaces.library], start: '2026-10-21T12:00', end: '2026-10-21T14:00' });
    const res = await refused(bookingBody(c, { spaceId: c.spaces.library, attendees: 10, start: '2026-10-21T13:00', end: '2026-10-21T15:00' }));
    expect(res.body.conflicts.map((x: { kind: string }) => x.kind)).toEqual(['closure']);
  });

  it('outside open hours: a Saturday, and past closing time; alternatives offer earlier times', async () => {
    const lib = { spaceId: c.spaces.library, attendees: 10 };
    const sat = await refused(bookingBody(c, { ...lib, start: '2026-10-10T10:00', end: '2026-10-10T11:00' }));
    expect(sat.body.conflicts).toEqual([expect.objectContaining({ kind: 'outside_hours', openHours: [] })]);
    const late = await refused(bookingBody(c, { ...lib, start: '2026-10-15T17:30', end: '2026-10-15T18:30' }));
    expect(late.body.conflicts).toEqual([expect.objectContaining({ kind: 'outside_hours', openHours: [{ open: '07:00', close: '18:00' }] })]);
    expect(late.body.alternatives.times[0]).toEqual({ shiftMinutes: -30, localStart: '2026-10-15T17:00', localEnd: '2026-10-15T18:00' });
  });

  it('over capacity: says how many and how many fit; offers a bigger space of the same kind', async () => {
    const res = await refused(bookingBody(c, { spaceId: c.spaces.library, attendees: 75, start: '2026-10-16T09:00', end: '2026-10-16T10:00' }));
    expect(res.body.conflicts).toEqual([expect.objectContaining({ kind: 'capacity', attendees: 75, capacity: 60 })]);
    expect(res.body.alternatives.spaces).toEqual([{ spaceId: c.spaces.annex, name: 'Library Annex', kind: 'library', capacity: 80 }]);
    expect(res.body.alternatives.times).toEqual([]); // no time makes the room bigger
  });

  it('suggests the nearest free times in the same space (by how far they move)', async () => {
    await book(t.call, c, { title: 'Assembly', start: '2026-10-22T10:00', end: '2026-10-22T11:00' });
    const res = await refused(bookingBody(c, { start: '2026-10-22T10:30', end: '2026-10-22T11:30' }));
    expect(res.body.alternatives.times.map((x: { localStart: string }) => x.localStart)).toEqual(['2026-10-22T11:00', '2026-10-22T11:15', '2026-10-22T11:30']);
  });
});

describe('POST /api/campuses/:campusId/bookings?dryRun=true', () => {
  it('a free request: 200 ok with its occurrences, nothing written', async () => {
    const before = await snapshot(t.call, c.campusId);
    const res = await post(bookingBody(c, { start: '2026-12-01T09:00', end: '2026-12-01T10:00', rrule: 'FREQ=DAILY;COUNT=3' }), '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, conflicts: [], alternatives: null });
    expect(res.body.occurrences.map(at)).toEqual(['2026-12-01T09:00', '2026-12-02T09:00', '2026-12-03T09:00']);
    expect(await snapshot(t.call, c.campusId)).toEqual(before);
  });

  it('a conflicting request: 200 with the same conflicts and alternatives the 409 would give, nothing written', async () => {
    await book(t.call, c, { spaceId: c.spaces.gym, title: 'Pep rally', start: '2026-12-04T13:00', end: '2026-12-04T14:00' });
    const body = bookingBody(c, { spaceId: c.spaces.gymSouth, start: '2026-12-04T13:30', end: '2026-12-04T14:30' });
    const before = await snapshot(t.call, c.campusId);
    const dry = await post(body, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.ok).toBe(false);
    expect(await snapshot(t.call, c.campusId)).toEqual(before);
    const real = await refused(body);
    expect(dry.body.conflicts).toEqual(real.body.conflicts);
    expect(dry.body.alternatives).toEqual(real.body.alternatives);
  });

  it('dryRun=false books for real; a dryRun that is not a boolean is refused', async () => {
    expect((await post(bookingBody(c, { start: '2026-12-07T09:00', end: '2026-12-07T10:00' }), '?dryRun=false')).status).toBe(201);
    expectProblem(await post(bookingBody(c, { start: '2026-12-08T09:00', end: '2026-12-08T10:00' }), '?dryRun=perhaps'), { status: 400, code: 'validation', field: 'dryRun' });
  });
});
