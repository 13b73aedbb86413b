import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { LIBRARY_HOURS, book, bookingBody, createCampus, createCampusFixture, createSpace, snapshot, type Campus } from '../helpers/fixtures.js';

let t: TestApp;
let c: Campus;
let other: number;
let otherSpace: number;
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
  other = await createCampus(t.call, { name: 'Other Campus' });
  otherSpace = await createSpace(t.call, other, { name: 'Other Gym', kind: 'gym', capacity: 300 });
});
afterAll(() => t.close());

const url = (campusId = c.campusId) => `/api/campuses/${campusId}/spaces`;
const valid = { name: 'Room 101', kind: 'Meeting Room', capacity: 30 };

async function names(campusId = c.campusId, query = ''): Promise<string[]> {
  return ((await t.call('GET', `${url(campusId)}${query}`)).body as Array<{ name: string }>).map((s) => s.name);
}

describe('GET/POST /api/campuses/:campusId/spaces', () => {
  it('lists the spaces of the campus with their parents, hours and buffers', async () => {
    const res = await t.call('GET', url());
    expect(res.status).toBe(200);
    const byName = new Map((res.body as Array<{ name: string }>).map((s) => [s.name, s]));
    expect(byName.get('Gym North')).toMatchObject({ parentId: c.spaces.gym, kind: 'gym', capacity: 200 });
    expect(byName.get('Gym')).toMatchObject({ parentId: null, openHours: null });
    expect(byName.get('Library')).toMatchObject({ setupMinutes: 15, teardownMinutes: 15, openHours: LIBRARY_HOURS });
    expect(byName.has('Other Gym')).toBe(false);
  });

  it('creates a space with defaults (no parent, no buffers, always open); kind is normalised', async () => {
    const res = await t.call('POST', url(), valid);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Room 101', kind: 'meeting room', capacity: 30, parentId: null, setupMinutes: 0, teardownMinutes: 0, openHours: null, archived: false });
    expect((await t.call('GET', `${url()}/${res.body.id}`)).body).toEqual(res.body);
  });

  it.each([
    ['capacity as a string (bodies are not coerced)', { capacity: '30' }, 'capacity'],
    ['zero capacity', { capacity: 0 }, 'capacity'],
    ['a buffer over four hours', { setupMinutes: 241 }, 'setupMinutes'],
    ['a negative buffer', { teardownMinutes: -5 }, 'teardownMinutes'],
    ['open hours that close before they open', { openHours: { mon: [{ open: '18:00', close: '07:00' }] } }, 'openHours'],
    ['a malformed open time', { openHours: { mon: [{ open: '7am', close: '18:00' }] } }, 'openHours'],
    ['an unknown weekday', { openHours: { monday: [{ open: '07:00', close: '18:00' }] } }, 'openHours'],
    ['an unknown parent', { parentId: 987654 }, 'parentId'],
    ['a parent from another campus', { parentId: 'OTHER_CAMPUS_SPACE' }, 'parentId'],
    ['a blank name', { name: ' ' }, 'name'],
    ['an unknown property', { floor: 2 }, 'floor'],
  ] as Array<[string, Record<string, unknown>, string]>)('refuses %s with 400 naming the field, and stores nothing', async (_label, over, field) => {
    const body: Record<string, unknown> = { ...valid, name: 'Refused room', ...over };
    if (body.parentId === 'OTHER_CAMPUS_SPACE') body.parentId = otherSpace;
    const before = await names(c.campusId, '?includeArchived=true');
    expectProblem(await t.call('POST', url(), body), { status: 400, code: 'validation', field });
    expect(await names(c.campusId, '?includeArchived=true')).toEqual(before);
  });

  it('answers 404 for an unknown campus', async () => {
    expectProblem(await t.call('GET', url(987654)), { status: 404, code: 'not_found' });
    expectProblem(await t.call('POST', url(987654), valid), { status: 404, code: 'not_found' });
  });
});

describe('GET/PATCH /api/campuses/:campusId/spaces/:spaceId', () => {
  it('does not show a space through another campus', async () => {
    expectProblem(await t.call('GET', `${url()}/${otherSpace}`), { status: 404, code: 'not_found' });
    expectProblem(await t.call('PATCH', `${url()}/${otherSpace}`, { capacity: 1 }), { status: 404, code: 'not_found' });
    expect((await t.call('GET', `${url(other)}/${otherSpace}`)).body.capacity).toBe(300);
  });

  it.each(['0', '-1', 'abc', '99999999999999999999'])('answers 400 naming spaceId for id %s', async (id) => {
    expectProblem(await t.call('GET', `${url()}/${id}`), { status: 400, code: 'validation', field: 'spaceId' });
  });

  it('updates capacity, hours and buffers; new capacity applies to new bookings', async () => {
    const id = await createSpace(t.call, c.campusId, { name: 'Art Room', kind: 'art room', capacity: 40 });
    const res = await t.call('PATCH', `${url()}/${id}`, { capacity: 25, setupMinutes: 10, openHours: { tue: [{ open: '08:00', close: '16:00' }] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Art Room', capacity: 25, setupMinutes: 10, openHours: { tue: [{ open: '08:00', close: '16:00' }] } });
    const dry = await t.call('POST', `/api/campuses/${c.campusId}/bookings?dryRun=true`, bookingBody(c, { spaceId: id, attendees: 30 }));
    expect(dry.status).toBe(200);
    expect(dry.body.conflicts.map((x: { kind: string }) => x.kind)).toEqual(['capacity']);
  });

  it('refuses a space as its own parent and a parent cycle, changing nothing', async () => {
    expectProblem(await t.call('PATCH', `${url()}/${c.spaces.gym}`, { parentId: c.spaces.gym }), { status: 400, code: 'validation', field: 'parentId' });
    expectProblem(await t.call('PATCH', `${url()}/${c.spaces.gym}`, { parentId: c.spaces.gymNorth }), { status: 400, code: 'validation', field: 'parentId' });
    expect((await t.call('GET', `${url()}/${c.spaces.gym}`)).body.parentId).toBeNull();
  });

  it('refuses an empty patch and an unknown space', async () => {
    expectProblem(await t.call('PATCH', `${url()}/${c.spaces.library}`, {}), { status: 400, code: 'validation' });
    expectProblem(await t.call('PATCH', `${url()}/987654`, { capacity: 3 }), { status: 404, code: 'not_found' });
  });
});

describe('POST /api/campuses/:campusId/spaces/:spaceId/archive and /restore', () => {
  it('an archived space takes no new bookings, keeps its history, is listed with includeArchived; restore works', async () => {
    const id = await createSpace(t.call, c.campusId, { name: 'Old Lab', kind: 'lab', capacity: 30 });
    const existing = await book(t.call, c, { spaceId: id, attendees: 20, start: '2026-09-15T09:00', end: '2026-09-15T10:00' });

    const archived = await t.call('POST', `${url()}/${id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    expect(await names()).not.toContain('Old Lab');
    expect(await names(c.campusId, '?includeArchived=true')).toContain('Old Lab');
    expect((await t.call('GET', `${url()}/${id}`)).body.archived).toBe(true);

    const before = await snapshot(t.call, c.campusId);
    const refused = await t.call('POST', `/api/campuses/${c.campusId}/bookings`, bookingBody(c, { spaceId: id, attendees: 20, start: '2026-09-16T09:00', end: '2026-09-16T10:00' }));
    expectProblem(refused, { status: 400, code: 'validation', field: 'spaceId' });
    const dry = await t.call('POST', `/api/campuses/${c.campusId}/bookings?dryRun=true`, bookingBody(c, { spaceId: id, attendees: 20, start: '2026-09-16T09:00', end: '2026-09-16T10:00' }));
    expectProblem(dry, { status: 400, code: 'validation', field: 'spaceId' });
    expect(await snapshot(t.call, c.campusId)).toEqual(before);
    expect((await t.call('GET', `/api/bookings/${existing.id}`)).body.occurrences[0].status).toBe('active');

    expect((await t.call('POST', `${url()}/${id}/restore`)).body.archived).toBe(false);
    await book(t.call, c, { spaceId: id, attendees: 20, start: '2026-09-16T09:00', end: '2026-09-16T10:00' });
  });

  it('an archived space is not offered as an alternative', async () => {
    await book(t.call, c, { spaceId: c.spaces.library, attendees: 20, start: '2026-09-22T09:00', end: '2026-09-22T10:00' });
    const request = bookingBody(c, { spaceId: c.spaces.library, attendees: 20, start: '2026-09-22T09:00', end: '2026-09-22T10:00' });
    const offered = async () => (await t.call('POST', `/api/campuses/${c.campusId}/bookings?dryRun=true`, request)).body.alternatives.spaces.map((s: { spaceId: number }) => s.spaceId);
    expect(await offered()).toContain(c.spaces.annex);
    await t.call('POST', `${url()}/${c.spaces.annex}/archive`);
    expect(await offered()).not.toContain(c.spaces.annex);
    await t.call('POST', `${url()}/${c.spaces.annex}/restore`);
  });

  it('a half cannot be restored while its whole is archived', async () => {
    const whole = await createSpace(t.call, c.campusId, { name: 'Field', kind: 'field', capacity: 500 });
    const half = await createSpace(t.call, c.campusId, { name: 'Field East', kind: 'field', capacity: 250, parentId: whole });
    await t.call('POST', `${url()}/${half}/archive`);
    await t.call('POST', `${url()}/${whole}/archive`);
    expectProblem(await t.call('POST', `${url()}/${half}/restore`), { status: 409, code: 'state' });
    expect((await t.call('GET', `${url()}/${half}`)).body.archived).toBe(true);
    await t.call('POST', `${url()}/${whole}/restore`);
    expect((await t.call('POST', `${url()}/${half}/restore`)).status).toBe(200);
  });

  it('answers 404 for a space of another campus', async () => {
    expectProblem(await t.call('POST', `${url()}/${otherSpace}/archive`), { status: 404, code: 'not_found' });
    expect((await t.call('GET', `${url(other)}/${otherSpace}`)).body.archived).toBe(false);
  });
});
