import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { book, bookingBody, createCampus, createCampusFixture, createSpace, type Campus } from '../helpers/fixtures.js';

let t: TestApp;
let c: Campus;
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
});
afterAll(() => t.close());

const url = (campusId = c.campusId) => `/api/campuses/${campusId}/closures`;

/** The kinds of conflict a dry run of this booking finds, e.g. ['closure']. */
async function kindsFor(over: Parameters<typeof bookingBody>[1]): Promise<string[]> {
  const res = await t.call('POST', `/api/campuses/${c.campusId}/bookings?dryRun=true`, bookingBody(c, over));
  expect(res.status, res.raw).toBe(200);
  return res.body.conflicts.map((x: { kind: string }) => x.kind);
}

async function closureCount(): Promise<number> {
  return ((await t.call('GET', `${url()}?includeArchived=true`)).body as unknown[]).length;
}

describe('POST /api/campuses/:campusId/closures', () => {
  it('a whole-day closure covers both dates (end inclusive) and nothing after', async () => {
    const res = await t.call('POST', url(), { reason: 'holiday', note: 'Thanksgiving', start: '2026-11-26', end: '2026-11-27' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reason: 'holiday', note: 'Thanksgiving', spaceIds: null, allDay: true, start: '2026-11-26', end: '2026-11-27',
      localStart: '2026-11-26T00:00', localEnd: '2026-11-28T00:00',
      startUtc: '2026-11-26T08:00:00.000Z', endUtc: '2026-11-28T08:00:00.000Z', // PST
      archived: false, blockedOccurrences: [],
    });
    expect(await kindsFor({ start: '2026-11-27T15:00', end: '2026-11-27T16:00' })).toEqual(['closure']);
    expect(await kindsFor({ start: '2026-11-26T08:00', end: '2026-11-26T09:00' })).toEqual(['closure']);
    expect(await kindsFor({ start: '2026-11-28T09:00', end: '2026-11-28T10:00' })).toEqual([]);
    expect(await kindsFor({ start: '2026-11-25T22:00', end: '2026-11-26T00:00' })).toEqual([]); // touches midnight: free
  });

  it('a timed closure of one half closes that half and the whole gym, not the other half (end exclusive)', async () => {
    const res = await t.call('POST', url(), { reason: 'maintenance', note: 'Floor refinishing', spaceIds: [c.spaces.gymNorth], start: '2026-10-07T09:00', end: '2026-10-07T12:00' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ allDay: false, spaceIds: [c.spaces.gymNorth], start: '2026-10-07T09:00', end: '2026-10-07T12:00', startUtc: '2026-10-07T16:00:00.000Z' });
    const slot = { start: '2026-10-07T11:00', end: '2026-10-07T12:00' };
    expect(await kindsFor({ ...slot, spaceId: c.spaces.gymNorth })).toEqual(['closure']);
    expect(await kindsFor({ ...slot, spaceId: c.spaces.gym })).toEqual(['closure']);
    expect(await kindsFor({ ...slot, spaceId: c.spaces.gymSouth })).toEqual([]);
    expect(await kindsFor({ ...slot, spaceId: c.spaces.auditorium })).toEqual([]);
    expect(await kindsFor({ start: '2026-10-07T12:00', end: '2026-10-07T13:00', spaceId: c.spaces.gymNorth })).toEqual([]);
  });

  it('lists the existing occurrences it now blocks, without cancelling them', async () => {
    const club = await book(t.call, c, { spaceId: c.spaces.auditorium, title: 'Debate club', schoolId: c.schools.lincoln, start: '2026-12-08T15:00', end: '2026-12-08T16:00', rrule: 'FREQ=WEEKLY;COUNT=3' });
    const res = await t.call('POST', url(), { reason: 'testing', note: 'Finals', start: '2026-12-15', end: '2026-12-16' });
    expect(res.status).toBe(201);
    expect(res.body.blockedOccurrences).toEqual([
      expect.objectContaining({ occurrenceId: club.occurrences[1]!.id, bookingId: club.id, title: 'Debate club', schoolName: 'Lincoln Academy', spaceName: 'Auditorium', localStart: '2026-12-15T15:00' }),
    ]);
    const read = await t.call('GET', `${url()}/${res.body.id}`);
    expect(read.body.blockedOccurrences).toHaveLength(1);
    expect((await t.call('GET', `/api/bookings/${club.id}`)).body.occurrences.map((o: { status: string }) => o.status)).toEqual(['active', 'active', 'active']);
  });

  it.each([
    ['one date and one date-time', { start: '2026-12-21', end: '2026-12-22T12:00' }, 'end'],
    ['an end before the start', { start: '2026-12-22', end: '2026-12-21' }, 'end'],
    ['a timed end equal to the start', { start: '2026-12-21T09:00', end: '2026-12-21T09:00' }, 'end'],
    ['an impossible start date (Feb 30) with a valid end date', { start: '2026-02-30', end: '2026-03-01' }, 'start'],
    ['an unknown reason', { reason: 'snow day' }, 'reason'],
    ['an empty list of spaces', { spaceIds: [] }, 'spaceIds'],
    ['an unknown space', { spaceIds: [987654] }, 'spaceIds'],
    ['a space id as a string', { spaceIds: ['3'] }, 'spaceIds'],
    ['an unknown property', { campusWide: true }, 'campusWide'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_label, over, field) => {
    const before = await closureCount();
    const res = await t.call('POST', url(), { reason: 'maintenance', start: '2026-12-21', end: '2026-12-22', ...over });
    expectProblem(res, { status: 400, code: 'validation', field });
    expect(await closureCount()).toBe(before);
  });

  it('refuses to close a space of another campus', async () => {
    const other = await createCampus(t.call, { name: 'Other Campus' });
    const foreign = await createSpace(t.call, other);
    const before = await closureCount();
    expectProblem(await t.call('POST', url(), { reason: 'maintenance', spaceIds: [foreign], start: '2026-12-21', end: '2026-12-21' }), { status: 400, code: 'validation', field: 'spaceIds' });
    expect(await closureCount()).toBe(before);
  });

  it('answers 404 for an unknown campus', async () => {
    expectProblem(await t.call('POST', url(987654), { reason: 'holiday', start: '2026-12-21', end: '2026-12-21' }), { status: 404, code: 'not_found' });
  });
});

describe('GET /api/campuses/:campusId/closures', () => {
  it('filters by the dates a closure reaches into', async () => {
    const id = (await t.call('POST', url(), { reason: 'holiday', note: 'Winter break', start: '2026-12-21', end: '2027-01-01' })).body.id;
    const ids = async (q: string) => ((await t.call('GET', `${url()}${q}`)).body as Array<{ id: number }>).map((x) => x.id);
    expect(await ids('?from=2026-12-31&to=2027-01-05')).toContain(id);
    expect(await ids('?from=2027-01-02&to=2027-01-05')).not.toContain(id);
    expect(await ids('?from=2026-12-01&to=2026-12-21')).not.toContain(id); // to is exclusive
    expect(await ids('')).toContain(id);
  });

  it('refuses malformed dates and answers 404 for an unknown campus', async () => {
    expectProblem(await t.call('GET', `${url()}?from=next-week`), { status: 400, code: 'validation', field: 'from' });
    expectProblem(await t.call('GET', url(987654)), { status: 404, code: 'not_found' });
  });
});

describe('GET/PATCH /api/campuses/:campusId/closures/:closureId', () => {
  it('moves a closure and the conflicts move with it', async () => {
    const id = (await t.call('POST', url(), { reason: 'event', note: 'Science fair', spaceIds: [c.spaces.library], start: '2027-02-02', end: '2027-02-02' })).body.id;
    const slot = (date: string) => ({ spaceId: c.spaces.library, attendees: 20, start: `${date}T10:00`, end: `${date}T11:00` });
    expect(await kindsFor(slot('2027-02-02'))).toEqual(['closure']);
    const res = await t.call('PATCH', `${url()}/${id}`, { start: '2027-02-03', end: '2027-02-03' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ start: '2027-02-03', end: '2027-02-03', note: 'Science fair', spaceIds: [c.spaces.library] });
    expect(await kindsFor(slot('2027-02-02'))).toEqual([]);
    expect(await kindsFor(slot('2027-02-03'))).toEqual(['closure']);
  });

  it('refuses a bad patch, changing nothing', async () => {
    const id = (await t.call('POST', url(), { reason: 'event', start: '2027-02-10', end: '2027-02-10' })).body.id;
    expectProblem(await t.call('PATCH', `${url()}/${id}`, { end: '2027-02-09' }), { status: 400, code: 'validation', field: 'end' });
    expectProblem(await t.call('PATCH', `${url()}/${id}`, {}), { status: 400, code: 'validation' });
    expect((await t.call('GET', `${url()}/${id}`)).body).toMatchObject({ start: '2027-02-10', end: '2027-02-10' });
  });

  it('answers 404 for an unknown closure or one of another campus, 400 for a bad id', async () => {
    const other = await createCampus(t.call, { name: 'Far Campus' });
    const foreign = (await t.call('POST', url(other), { reason: 'holiday', start: '2027-01-18', end: '2027-01-18' })).body.id;
    expectProblem(await t.call('GET', `${url()}/${foreign}`), { status: 404, code: 'not_found' });
    expectProblem(await t.call('PATCH', `${url()}/${foreign}`, { note: 'x' }), { status: 404, code: 'not_found' });
    expectProblem(await t.call('GET', `${url()}/987654`), { status: 404, code: 'not_found' });
    expectProblem(await t.call('GET', `${url()}/abc`), { status: 400, code: 'validation', field: 'closureId' });
  });
});

describe('POST /api/campuses/:campusId/closures/:closureId/archive and /restore', () => {
  it('a lifted closure no longer blocks and is kept on record; restoring blocks again', async () => {
    const id = (await t.call('POST', url(), { reason: 'maintenance', spaceIds: [c.spaces.auditorium], start: '2027-03-02', end: '2027-03-02' })).body.id;
    const slot = { start: '2027-03-02T10:00', end: '2027-03-02T11:00' };
    expect(await kindsFor(slot)).toEqual(['closure']);

    const lifted = await t.call('POST', `${url()}/${id}/archive`);
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ archived: true, blockedOccurrences: [] });
    expect(await kindsFor(slot)).toEqual([]);
    const listed = async (q: string) => ((await t.call('GET', `${url()}${q}`)).body as Array<{ id: number }>).some((x) => x.id === id);
    expect(await listed('')).toBe(false);
    expect(await listed('?includeArchived=true')).toBe(true);
    await book(t.call, c, slot);

    const restored = await t.call('POST', `${url()}/${id}/restore`);
    expect(restored.body.archived).toBe(false);
    expect(restored.body.blockedOccurrences).toHaveLength(1);
    expect(await kindsFor({ start: '2027-03-02T13:00', end: '2027-03-02T14:00' })).toEqual(['closure']);
  });
});
