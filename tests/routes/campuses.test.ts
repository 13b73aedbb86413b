import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { YEAR_END, YEAR_START, ZONE, book, createCampus, createCampusFixture } from '../helpers/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const valid = { name: 'Roosevelt Campus', timeZone: ZONE, yearStart: YEAR_START, yearEnd: YEAR_END };

async function campusCount(): Promise<number> {
  return ((await t.call('GET', '/api/campuses?includeArchived=true')).body as unknown[]).length;
}

describe('POST /api/campuses', () => {
  it('creates a campus and reads it back', async () => {
    const res = await t.call('POST', '/api/campuses', { ...valid, name: '  Garfield Complex  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Garfield Complex', timeZone: ZONE, yearStart: YEAR_START, yearEnd: YEAR_END, archived: false });
    expect(res.body.createdAt).toBe('2026-08-01T12:00:00.000Z'); // the injected clock, not today's date
    const read = await t.call('GET', `/api/campuses/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    const list = (await t.call('GET', '/api/campuses')).body as Array<{ id: number }>;
    expect(list.map((c) => c.id)).toContain(res.body.id);
  });

  it('stores the canonical spelling of the time zone', async () => {
    const res = await t.call('POST', '/api/campuses', { ...valid, timeZone: 'america/los_angeles' });
    expect(res.status).toBe(201);
    expect(res.body.timeZone).toBe(ZONE);
  });

  it.each([
    ['unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['offset instead of a zone name', { timeZone: '+02:00' }, 'timeZone'],
    ['yearEnd before yearStart', { yearStart: '2027-06-11', yearEnd: '2026-08-17' }, 'yearEnd'],
    ['yearEnd equal to yearStart', { yearEnd: YEAR_START }, 'yearEnd'],
    ['a "school year" of three years', { yearEnd: '2029-06-11' }, 'yearEnd'],
    ['impossible date', { yearStart: '2026-02-30' }, 'yearStart'],
    ['blank name', { name: '   ' }, 'name'],
    ['name of the wrong type', { name: 42 }, 'name'],
    ['unknown property', { colour: 'blue' }, 'colour'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_label, over, field) => {
    const before = await campusCount();
    const res = await t.call('POST', '/api/campuses', { ...valid, ...over });
    expectProblem(res, { status: 400, code: 'validation', field });
    expect(await campusCount()).toBe(before);
  });

  it('refuses a missing required field', async () => {
    const { timeZone: _omitted, ...rest } = valid;
    expectProblem(await t.call('POST', '/api/campuses', rest), { status: 400, code: 'validation', field: 'timeZone' });
  });

  it('refuses malformed JSON with 400 request.malformed', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/campuses', payload: '{"name": "x",', headers: { ...t.tester.headers, 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('request.malformed');
  });

  it('refuses a body over 256 KiB with 413 and stores nothing', async () => {
    const before = await campusCount();
    const res = await t.call('POST', '/api/campuses', { ...valid, name: 'x'.repeat(257 * 1024) });
    expectProblem(res, { status: 413, code: 'request.too_large' });
    expect(await campusCount()).toBe(before);
  });

  it('refuses an XML body with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/campuses', payload: '<campus/>', headers: { ...t.tester.headers, 'content-type': 'application/xml' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('request.unsupported_media_type');
  });

  it('refuses a text/plain body with 415 (it is not JSON)', async () => {
    const before = await campusCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/campuses', payload: JSON.stringify(valid), headers: { ...t.tester.headers, 'content-type': 'text/plain' } });
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().code).toBe('request.unsupported_media_type');
    expect(await campusCount()).toBe(before);
  });
});

describe('GET /api/campuses/:campusId', () => {
  it('answers 404 problem for an unknown campus', async () => {
    expectProblem(await t.call('GET', '/api/campuses/987654'), { status: 404, code: 'not_found' });
  });

  it.each(['0', '-1', 'abc', '1.5', '99999999999999999999'])('answers 400 naming campusId for id %s, never 500', async (id) => {
    expectProblem(await t.call('GET', `/api/campuses/${id}`), { status: 400, code: 'validation', field: 'campusId' });
  });
});

describe('PATCH /api/campuses/:campusId', () => {
  it('renames a campus and keeps the rest', async () => {
    const id = await createCampus(t.call);
    const res = await t.call('PATCH', `/api/campuses/${id}`, { name: 'Roosevelt High Campus' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'Roosevelt High Campus', timeZone: ZONE, yearEnd: YEAR_END });
    expect((await t.call('GET', `/api/campuses/${id}`)).body.name).toBe('Roosevelt High Campus');
  });

  it('changes the time zone while the campus has no bookings', async () => {
    const id = await createCampus(t.call);
    const res = await t.call('PATCH', `/api/campuses/${id}`, { timeZone: 'America/Chicago' });
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('America/Chicago');
  });

  it('refuses to change the time zone once bookings exist (409), and keeps it', async () => {
    const c = await createCampusFixture(t.call);
    await book(t.call, c);
    const res = await t.call('PATCH', `/api/campuses/${c.campusId}`, { timeZone: 'America/New_York' });
    expectProblem(res, { status: 409, code: 'campus.time_zone_locked', field: 'timeZone' });
    expect((await t.call('GET', `/api/campuses/${c.campusId}`)).body.timeZone).toBe(ZONE);
    // Other fields can still change.
    expect((await t.call('PATCH', `/api/campuses/${c.campusId}`, { name: 'Still editable' })).status).toBe(200);
  });

  it('never lets closures drift when the time zone changes: refused (409) or the closure keeps its local dates', async () => {
    const c = await createCampusFixture(t.call);
    await t.call('POST', `/api/campuses/${c.campusId}/closures`, { reason: 'holiday', note: 'Thanksgiving', start: '2026-11-26', end: '2026-11-26' });
    const res = await t.call('PATCH', `/api/campuses/${c.campusId}`, { timeZone: 'America/New_York' });
    if (res.status === 409) {
      expectProblem(res, { status: 409, code: 'campus.time_zone_locked', field: 'timeZone' });
      return;
    }
    expect(res.status).toBe(200);
    // 01:00 on Thanksgiving in New York is still Thanksgiving: the campus is closed.
    const dry = await t.call('POST', `/api/campuses/${c.campusId}/bookings?dryRun=true`, {
      spaceId: c.spaces.auditorium, schoolId: c.schools.office, title: 'Early delivery', attendees: 2, start: '2026-11-26T01:00', end: '2026-11-26T02:00',
    });
    expect(dry.body.conflicts.map((x: { kind: string }) => x.kind)).toEqual(['closure']);
  });

  it.each([
    ['an empty body', {}, undefined],
    ['yearEnd before the stored yearStart', { yearEnd: '2026-08-01' }, 'yearEnd'],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['an unknown property', { archived: true }, 'archived'],
  ])('refuses %s with 400 and changes nothing', async (_label, body, field) => {
    const id = await createCampus(t.call);
    const before = (await t.call('GET', `/api/campuses/${id}`)).body;
    expectProblem(await t.call('PATCH', `/api/campuses/${id}`, body), { status: 400, code: 'validation', ...(field ? { field } : {}) });
    expect((await t.call('GET', `/api/campuses/${id}`)).body).toEqual(before);
  });

  it('answers 404 for an unknown campus', async () => {
    expectProblem(await t.call('PATCH', '/api/campuses/987654', { name: 'x' }), { status: 404, code: 'not_found' });
  });
});

describe('POST /api/campuses/:campusId/archive and /restore', () => {
  it('archives: hidden from the list, readable by id and with includeArchived, refuses new bookings; restore undoes it', async () => {
    const c = await createCampusFixture(t.call);
    const archived = await t.call('POST', `/api/campuses/${c.campusId}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);

    const ids = async (q: string) => ((await t.call('GET', `/api/campuses${q}`)).body as Array<{ id: number }>).map((x) => x.id);
    expect(await ids('')).not.toContain(c.campusId);
    expect(await ids('?includeArchived=true')).toContain(c.campusId);
    expect((await t.call('GET', `/api/campuses/${c.campusId}`)).body.archived).toBe(true);

    const refused = await t.call('POST', `/api/campuses/${c.campusId}/bookings`, {
      spaceId: c.spaces.auditorium, schoolId: c.schools.jefferson, title: 'Assembly', attendees: 10, start: '2026-10-06T10:00', end: '2026-10-06T11:00',
    });
    expectProblem(refused, { status: 409, code: 'state' });

    const restored = await t.call('POST', `/api/campuses/${c.campusId}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.archived).toBe(false);
    expect(await ids('')).toContain(c.campusId);
    await book(t.call, c);
  });

  it('an archived campus is read-only: its settings cannot be edited (409)', async () => {
    const id = await createCampus(t.call);
    await t.call('POST', `/api/campuses/${id}/archive`);
    const res = await t.call('PATCH', `/api/campuses/${id}`, { name: 'Edited while archived' });
    expectProblem(res, { status: 409, code: 'state' });
    expect((await t.call('GET', `/api/campuses/${id}`)).body.name).toBe(valid.name);
  });

  it('answers 404 for an unknown campus', async () => {
    expectProblem(await t.call('POST', '/api/campuses/987654/archive'), { status: 404, code: 'not_found' });
    expectProblem(await t.call('POST', '/api/campuses/987654/restore'), { status: 404, code: 'not_found' });
  });

  it('refuses an includeArchived that is not a boolean', async () => {
    expectProblem(await t.call('GET', '/api/campuses?includeArchived=maybe'), { status: 400, code: 'validation', field: 'includeArchived' });
  });
});
