import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { book, createCampus, createCampusFixture, createSpace, snapshot, type BookingView, type Campus, type OccurrenceView } from '../helpers/fixtures.js';

let t: TestApp;
let c: Campus;
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
});
afterAll(() => t.close());

const patch = (id: number, query: string, body: unknown) => t.call('PATCH', `/api/bookings/${id}${query}`, body);
const read = async (id: number): Promise<BookingView> => (await t.call('GET', `/api/bookings/${id}`)).body;
const starts = (occ: OccurrenceView[]) => occ.map((o) => `${o.localStart}${o.status === 'cancelled' ? ' cancelled' : ''}`);

/** A weekly series of four, 16:00–17:00 from `date`, in a room of its own unless told otherwise. */
async function weekly(date: string, over: Record<string, unknown> = {}) {
  const spaceId = await createSpace(t.call, c.campusId, { name: `Room for ${String(over.title ?? 'Robotics')}`, kind: 'classroom', capacity: 200 });
  return book(t.call, c, { spaceId, title: 'Robotics', start: `${date}T16:00`, end: `${date}T17:00`, rrule: 'FREQ=WEEKLY;COUNT=4', ...over });
}

describe('PATCH /api/bookings/:bookingId?scope=series', () => {
  it('moves every occurrence, keeps their ids, bumps the version', async () => {
    const b = await weekly('2026-09-01');
    const res = await patch(b.id, '?scope=series', { title: 'Robotics club', start: '2026-09-01T15:00' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Robotics club', start: '2026-09-01T15:00', end: '2026-09-01T16:00', version: b.version + 1 });
    expect(starts(res.body.occurrences)).toEqual(['2026-09-01T15:00', '2026-09-08T15:00', '2026-09-15T15:00', '2026-09-22T15:00']);
    expect(res.body.occurrences.map((o: OccurrenceView) => o.id)).toEqual(b.occurrences.map((o) => o.id));
    expect(await read(b.id)).toEqual(res.body);
  });

  it('never conflicts with itself when shifted into its own old slots', async () => {
    const b = await weekly('2026-09-02', { title: 'Choir' });
    const res = await patch(b.id, '', { start: '2026-09-02T16:30', end: '2026-09-02T17:30' });
    expect(res.status, res.raw).toBe(200);
  });

  it('keeps exceptions (a moved and a cancelled occurrence) through a series edit', async () => {
    const b = await weekly('2026-09-03', { title: 'Art' });
    const [, second, third] = b.occurrences;
    expect((await patch(b.id, `?scope=occurrence&occurrenceId=${second!.id}`, { start: '2026-09-10T18:00', title: 'Art (gallery night)' })).status).toBe(200);
    expect((await t.call('DELETE', `/api/bookings/${b.id}?scope=occurrence&occurrenceId=${third!.id}`)).status).toBe(200);

    const res = await patch(b.id, '?scope=series', { start: '2026-09-03T14:00', title: 'Art studio' });
    expect(res.status).toBe(200);
    expect(starts(res.body.occurrences)).toEqual(['2026-09-03T14:00', '2026-09-10T18:00', '2026-09-17T16:00 cancelled', '2026-09-24T14:00']);
    const moved = res.body.occurrences.find((o: OccurrenceView) => o.id === second!.id);
    expect(moved).toMatchObject({ isException: true, title: 'Art (gallery night)', status: 'active' });
  });

  it('does not leave an exception active on a date the new rule no longer has', async () => {
    const b = await weekly('2026-09-04', { title: 'Yoga' }); // Fridays
    const second = b.occurrences[1]!;
    await patch(b.id, `?scope=occurrence&occurrenceId=${second.id}`, { start: '2026-09-11T18:00' });
    const res = await patch(b.id, '?scope=series', { start: '2026-09-05T10:00', end: '2026-09-05T11:00' }); // now Saturdays, COUNT=4
    expect(res.status).toBe(200);
    const active = res.body.occurrences.filter((o: OccurrenceView) => o.status === 'active');
    expect(active.map((o: OccurrenceView) => o.localStart)).toEqual(['2026-09-05T10:00', '2026-09-12T10:00', '2026-09-19T10:00', '2026-09-26T10:00']);
  });

  it('refuses an edit that conflicts: 409 booking.conflict, nothing changed', async () => {
    const holder = await book(t.call, c, { spaceId: c.spaces.gym, title: 'Volleyball', schoolId: c.schools.lincoln, start: '2026-09-15T17:00', end: '2026-09-15T18:00' });
    const b = await weekly('2026-09-08', { spaceId: c.spaces.gymNorth, title: 'Fencing' }); // back-to-back with it: free
    const before = await snapshot(t.call, c.campusId);
    const res = await patch(b.id, '', { start: '2026-09-08T16:30' });
    expectProblem(res, { status: 409, code: 'booking.conflict' });
    expect(res.body.conflicts).toEqual([expect.objectContaining({ kind: 'overlap', occurrence: expect.objectContaining({ localStart: '2026-09-15T16:30' }), with: expect.objectContaining({ bookingId: holder.id, title: 'Volleyball', schoolName: 'Lincoln Academy' }) })]);
    expect(await snapshot(t.call, c.campusId)).toEqual(before);
    expect((await read(b.id)).version).toBe(b.version);
  });

  it('checks a move to another space against that space, and refuses a space of another campus', async () => {
    const b = await weekly('2026-09-09', { title: 'Study hall', attendees: 70 });
    const lib = await patch(b.id, '', { spaceId: c.spaces.library });
    expectProblem(lib, { status: 409, code: 'booking.conflict' });
    expect(lib.body.conflicts.every((x: { kind: string }) => x.kind === 'capacity')).toBe(true);
    const other = await createCampus(t.call, { name: 'Other Campus' });
    const foreign = await createSpace(t.call, other, { capacity: 500 });
    const res = await patch(b.id, '', { spaceId: foreign });
    expect([400, 404]).toContain(res.status);
    expect((await read(b.id)).spaceId).toBe(b.spaceId);
    expect((await patch(b.id, '', { spaceId: c.spaces.annex })).body.occurrences.every((o: OccurrenceView) => o.spaceId === c.spaces.annex)).toBe(true);
  });

  it('answers a dry run with the analysis and writes nothing', async () => {
    const b = await weekly('2026-09-10', { title: 'Drama' });
    const before = await snapshot(t.call, c.campusId);
    const res = await patch(b.id, '?dryRun=true', { start: '2026-09-10T09:00' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, conflicts: [], alternatives: null });
    expect(res.body.occurrences.map((o: { localStart: string }) => o.localStart)).toEqual(['2026-09-10T09:00', '2026-09-17T09:00', '2026-09-24T09:00', '2026-10-01T09:00']);
    expect(await snapshot(t.call, c.campusId)).toEqual(before);
    expect(await read(b.id)).toEqual(b);
  });
});

describe('PATCH /api/bookings/:bookingId?scope=occurrence', () => {
  it('changes one occurrence only and marks it an exception', async () => {
    const b = await weekly('2026-09-14', { title: 'Newspaper', attendees: 20 }); // Mondays
    const third = b.occurrences[2]!;
    const res = await patch(b.id, `?scope=occurrence&occurrenceId=${third.id}&version=${b.version}`, { start: '2026-09-28T12:00', end: '2026-09-28T13:30', attendees: 45, title: 'Newspaper (print day)' });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(b.version + 1);
    const edited = res.body.occurrences.find((o: OccurrenceView) => o.id === third.id);
    expect(edited).toMatchObject({ originalLocalStart: '2026-09-28T16:00', localStart: '2026-09-28T12:00', localEnd: '2026-09-28T13:30', isException: true, attendees: 45, title: 'Newspaper (print day)' });
    expect(res.body.occurrences.filter((o: OccurrenceView) => o.id !== third.id).every((o: OccurrenceView) => o.localStart.endsWith('T16:00') && !o.isException)).toBe(true);
    expect(res.body.title).toBe('Newspaper');
  });

  it.each([
    ['no occurrenceId', '?scope=occurrence', { title: 'x' }, 'occurrenceId'],
    ['a series-only field', '?scope=occurrence&occurrenceId=OCC', { rrule: 'FREQ=WEEKLY;COUNT=2' }, 'rrule'],
    ['an occurrence of another booking', '?scope=occurrence&occurrenceId=OTHER', { title: 'x' }, 'occurrenceId'],
    ['an unknown scope', '?scope=everything', { title: 'x' }, 'scope'],
    ['an empty body', '', {}, undefined],
    ['a school change (not editable)', '', { schoolId: 1 }, 'schoolId'],
    ['attendees as a string', '', { attendees: '12' }, 'attendees'],
    ['an end before the start', '', { start: '2026-09-15T16:00', end: '2026-09-15T15:00' }, 'end'],
    ['an unsupported RRULE', '', { rrule: 'FREQ=YEARLY' }, 'rrule'],
    ['an exdate matching no occurrence', '', { exdates: ['2026-09-16'] }, 'exdates'],
  ])('refuses %s with 400 and changes nothing', async (_label, query, body, field) => {
    const b = await weekly('2026-09-15', { title: 'Bad input' });
    const otherBooking = await book(t.call, c, { spaceId: b.spaceId, start: '2026-09-15T08:00', end: '2026-09-15T09:00' });
    const q = query.replace('OCC', String(b.occurrences[1]!.id)).replace('OTHER', String(otherBooking.occurrences[0]!.id));
    const res = await patch(b.id, q, body);
    expectProblem(res, { status: 400, code: 'validation', ...(field ? { field } : {}) });
    expect(await read(b.id)).toEqual(b);
  });
});

describe('PATCH /api/bookings/:bookingId?scope=following', () => {
  it('ends the series before the occurrence and carries the change in a new series', async () => {
    const b = await weekly('2026-10-05', { title: 'Coding', rrule: 'FREQ=WEEKLY;COUNT=6' }); // Mondays
    const from = b.occurrences[3]!;
    const res = await patch(b.id, `?scope=following&occurrenceId=${from.id}`, { start: '2026-10-26T17:00', title: 'Coding (late)' });
    expect(res.status).toBe(200);
    expect(res.body.id).not.toBe(b.id);
    expect(res.body).toMatchObject({ splitFromId: b.id, title: 'Coding (late)', start: '2026-10-26T17:00' });
    expect(starts(res.body.occurrences)).toEqual(['2026-10-26T17:00', '2026-11-02T17:00', '2026-11-09T17:00']);
    const original = await read(b.id);
    expect(original.title).toBe('Coding');
    expect(starts(original.occurrences)).toEqual(['2026-10-05T16:00', '2026-10-12T16:00', '2026-10-19T16:00']);
    expect(original.version).toBe(b.version + 1);
    const listed = (await t.call('GET', `/api/campuses/${c.campusId}/occurrences?from=2026-10-05&to=2026-11-10&spaceId=${b.spaceId}`)).body;
    expect(listed.map((o: { title: string }) => o.title)).toEqual([...Array(3).fill('Coding'), ...Array(3).fill('Coding (late)')]);
  });
  it('splits a series that skips whole dates (exdates as YYYY-MM-DD, as alternatives.skipDates suggests)', async () => {
    const b = await weekly('2026-12-01', { title: 'Tutoring', exdates: ['2026-12-15'] }); // 12-01, 12-08, (12-15 skipped), 12-22
    expect(starts(b.occurrences)).toEqual(['2026-12-01T16:00', '2026-12-08T16:00', '2026-12-22T16:00']);
    const res = await patch(b.id, `?scope=following&occurrenceId=${b.occurrences[1]!.id}`, { start: '2026-12-08T12:00' });
    expect(res.status, res.raw).toBe(200);
    expect(starts(res.body.occurrences)).toEqual(['2026-12-08T12:00', '2026-12-22T12:00']);
    expect(res.body.exdates).toEqual(['2026-12-15']);
    expect(starts((await read(b.id)).occurrences)).toEqual(['2026-12-01T16:00']);
  });
});

describe('versions and unknown bookings', () => {
  it('a stale version is 409 booking.stale with the current version; nothing changes', async () => {
    const b = await weekly('2026-10-06', { title: 'Debate' });
    await patch(b.id, '', { title: 'Debate team' });
    const res = await patch(b.id, `?version=${b.version}`, { title: 'Lost update' });
    expectProblem(res, { status: 409, code: 'booking.stale' });
    expect(res.body.currentVersion).toBe(b.version + 1);
    expect((await read(b.id)).title).toBe('Debate team');
    expect((await patch(b.id, `?version=${b.version + 1}`, { title: 'Debate society' })).status).toBe(200);
  });

  it('a cancelled booking cannot be edited (409 state)', async () => {
    const b = await weekly('2026-10-07', { title: 'Gone' });
    await t.call('DELETE', `/api/bookings/${b.id}`);
    expectProblem(await patch(b.id, '', { title: 'Back?' }), { status: 409, code: 'state' });
  });

  it('unknown ids are 404, malformed ones 400', async () => {
    expectProblem(await patch(987654, '', { title: 'x' }), { status: 404, code: 'not_found' });
    expectProblem(await t.call('GET', '/api/bookings/987654'), { status: 404, code: 'not_found' });
    for (const id of ['0', '-1', 'abc', '99999999999999999999']) {
      expectProblem(await t.call('PATCH', `/api/bookings/${id}`, { title: 'x' }), { status: 400, code: 'validation', field: 'bookingId' });
      expectProblem(await t.call('GET', `/api/bookings/${id}`), { status: 400, code: 'validation', field: 'bookingId' });
    }
  });
});
