import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, isProblem, problemFields, type TestApp } from '../helpers/app.js';
import { bookingBody, createCampus, createSchool, createSpace, createCampusFixture, snapshot, type Campus } from '../helpers/fixtures.js';

/** Bad input to POST /api/campuses/:campusId/bookings: always a clear 4xx, never a 500, nothing written. */

let t: TestApp;
let c: Campus;
let foreign: { campusId: number; spaceId: number; schoolId: number };
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
  const campusId = await createCampus(t.call, { name: 'Other Campus' });
  foreign = { campusId, spaceId: await createSpace(t.call, campusId, { name: 'Other Auditorium', kind: 'auditorium', capacity: 900 }), schoolId: await createSchool(t.call, campusId, { locationCode: '9901' }) };
});
afterAll(() => t.close());

const url = () => `/api/campuses/${c.campusId}/bookings`;

async function expectRefused(body: unknown, expected: { status: number; code?: string; field?: string }, query = '') {
  const before = await snapshot(t.call, c.campusId);
  const res = await t.call('POST', `${url()}${query}`, body);
  expectProblem(res, expected);
  expect(await snapshot(t.call, c.campusId)).toEqual(before);
  return res;
}

describe('wrong shapes (schema validation, bodies are never coerced)', () => {
  it.each([
    ['attendees as a string', { attendees: '100' }, 'attendees'],
    ['attendees as a float', { attendees: 12.5 }, 'attendees'],
    ['negative attendees', { attendees: -3 }, 'attendees'],
    ['spaceId as a string', { spaceId: '1' }, 'spaceId'],
    ['spaceId 0', { spaceId: 0 }, 'spaceId'],
    ['start with seconds and offset', { start: '2026-10-06T10:00:00Z' }, 'start'],
    ['start as a date only', { start: '2026-10-06' }, 'start'],
    ['an empty title', { title: '' }, 'title'],
    ['a 201-character title', { title: 'x'.repeat(201) }, 'title'],
    ['exdates as a string', { rrule: 'FREQ=WEEKLY;COUNT=3', exdates: '2026-10-13' }, 'exdates'],
    ['an unknown property', { color: 'red' }, 'color'],
    ['a null title', { title: null }, 'title'],
  ])('refuses %s with 400 naming the field', async (_label, over, field) => {
    await expectRefused({ ...bookingBody(c), ...over }, { status: 400, code: 'validation', field });
  });

  it('refuses a missing required field', async () => {
    const { end: _omitted, ...body } = bookingBody(c);
    await expectRefused(body, { status: 400, code: 'validation', field: 'end' });
  });

  it.each([['a JSON array', JSON.stringify([{ title: 'x' }])], ['a bare JSON string', '"booking"'], ['null', 'null']])('refuses %s as the body with 400', async (_label, payload) => {
    const before = await snapshot(t.call, c.campusId);
    const res = await t.app.inject({ method: 'POST', url: url(), payload, headers: { ...t.tester.headers, 'content-type': 'application/json' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await snapshot(t.call, c.campusId)).toEqual(before);
  });
});

describe('times and recurrence that make no sense', () => {
  it.each([
    ['an end before the start', { start: '2026-10-06T10:00', end: '2026-10-06T09:00' }, 'end'],
    ['an end equal to the start', { start: '2026-10-06T10:00', end: '2026-10-06T10:00' }, 'end'],
    ['an occurrence longer than 24 hours', { start: '2026-10-06T10:00', end: '2026-10-07T10:01' }, 'end'],
    ['an impossible date', { start: '2026-02-30T10:00', end: '2026-02-30T11:00' }, 'start'],
    ['hour 24', { start: '2026-10-06T24:00', end: '2026-10-07T01:00' }, 'start'],
    ['a malformed RRULE', { rrule: 'every tuesday' }, 'rrule'],
    ['an RRULE without FREQ', { rrule: 'BYDAY=TU;COUNT=3' }, 'rrule'],
    ['an empty RRULE', { rrule: '' }, 'rrule'],
    ['FREQ=YEARLY (unsupported)', { rrule: 'FREQ=YEARLY;COUNT=2' }, 'rrule'],
    ['BYSETPOS (unsupported)', { rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1' }, 'rrule'],
    ['FREQ=HOURLY (unsupported)', { rrule: 'FREQ=HOURLY;COUNT=3' }, 'rrule'],
    ['COUNT and UNTIL together', { rrule: 'FREQ=WEEKLY;COUNT=3;UNTIL=20261201' }, 'rrule'],
    ['UNTIL before the first occurrence', { rrule: 'FREQ=WEEKLY;UNTIL=20261001' }, 'rrule'],
    ['INTERVAL=0', { rrule: 'FREQ=WEEKLY;INTERVAL=0;COUNT=3' }, 'rrule'],
    ['an ordinal BYDAY on a weekly rule', { rrule: 'FREQ=WEEKLY;BYDAY=2TU;COUNT=3' }, 'rrule'],
    ['an exdate matching no occurrence', { rrule: 'FREQ=WEEKLY;COUNT=3', exdates: ['2026-10-07'] }, 'exdates'],
    ['an exdate at a time no occurrence starts', { rrule: 'FREQ=WEEKLY;COUNT=3', exdates: ['2026-10-13T11:00'] }, 'exdates'],
    ['exdates removing every occurrence', { rrule: 'FREQ=WEEKLY;COUNT=2', exdates: ['2026-10-06', '2026-10-13'] }, 'rrule'],
    ['exdates without a recurrence', { exdates: ['2026-10-06'] }, 'exdates'],
  ])('refuses %s with 400 naming the field', async (_label, over, field) => {
    await expectRefused(bookingBody(c, over), { status: 400, code: 'validation', field });
  });

  it('answers the same 400 to a dry run', async () => {
    await expectRefused(bookingBody(c, { rrule: 'FREQ=YEARLY' }), { status: 400, code: 'validation', field: 'rrule' }, '?dryRun=true');
  });

  it('refuses a series that would start after the school year ends', async () => {
    await expectRefused(bookingBody(c, { start: '2027-06-14T10:00', end: '2027-06-14T11:00', rrule: 'FREQ=WEEKLY;COUNT=3' }), { status: 400, code: 'validation', field: 'rrule' });
  });
});

describe('references to things that do not exist or belong elsewhere', () => {
  it('an unknown campus is 404', async () => {
    const res = await t.call('POST', '/api/campuses/987654/bookings', bookingBody(c));
    expectProblem(res, { status: 404, code: 'not_found' });
  });

  it.each([
    ['an unknown space', () => ({ spaceId: 987654 })],
    ['a space of another campus', () => ({ spaceId: foreign.spaceId })],
    ['an unknown school', () => ({ schoolId: 987654 })],
    ['a school of another campus', () => ({ schoolId: foreign.schoolId })],
  ])('%s is refused and says which (404 naming the resource, or 400 naming the field)', async (_label, over) => {
    const body = bookingBody(c, over());
    const foreignBefore = await snapshot(t.call, foreign.campusId);
    const res = await t.call('POST', url(), body);
    expect([400, 404], res.raw).toContain(res.status);
    expect(isProblem(res)).toBe(true);
    const which = 'spaceId' in over() ? 'space' : 'school';
    if (res.status === 404) expect(res.body).toMatchObject({ code: 'not_found', resource: which, id: body[`${which}Id`] });
    else expect(problemFields(res).some((f) => f.endsWith(`${which}Id`))).toBe(true);
    expect(await snapshot(t.call, foreign.campusId)).toEqual(foreignBefore);
    expect(await snapshot(t.call, c.campusId)).toEqual([]);
  });

  it('a space of another campus is refused even in a dry run', async () => {
    const res = await t.call('POST', `${url()}?dryRun=true`, bookingBody(c, { spaceId: foreign.spaceId }));
    expect([400, 404]).toContain(res.status);
    expect(res.body.code === 'not_found' || res.body.code === 'validation').toBe(true);
  });

  it.each(['0', '-1', 'abc', '99999999999999999999'])('campus id %s is a 400 naming campusId', async (id) => {
    expectProblem(await t.call('POST', `/api/campuses/${id}/bookings`, bookingBody(c)), { status: 400, code: 'validation', field: 'campusId' });
  });
});

describe('transport', () => {
  it('a body over 256 KiB is 413', async () => {
    await expectRefused(bookingBody(c, { purpose: 'x'.repeat(300 * 1024) }), { status: 413, code: 'request.too_large' });
  });

  it('malformed JSON is 400 request.malformed', async () => {
    const res = await t.app.inject({ method: 'POST', url: url(), payload: '{"spaceId": 1,', headers: { ...t.tester.headers, 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.malformed', status: 400 });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])('a %s body is 415', async (type) => {
    const before = await snapshot(t.call, c.campusId);
    const payload = type === 'text/plain' ? JSON.stringify(bookingBody(c)) : 'spaceId=1';
    const res = await t.app.inject({ method: 'POST', url: url(), payload, headers: { ...t.tester.headers, 'content-type': type } });
    expect(res.statusCode, res.body).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('request.unsupported_media_type');
    expect(await snapshot(t.call, c.campusId)).toEqual(before);
  });
});
