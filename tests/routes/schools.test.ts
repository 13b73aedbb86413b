import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { book, bookingBody, createCampus, createCampusFixture, createSchool, snapshot, type Campus } from '../helpers/fixtures.js';

let t: TestApp;
let c: Campus;
let other: number;
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
  other = await createCampus(t.call, { name: 'Other Campus' });
});
afterAll(() => t.close());

const url = (campusId = c.campusId) => `/api/campuses/${campusId}/schools`;
const valid = { name: 'Garfield SLC', locationCode: '8803', kind: 'slc', enrollment: 310 };

async function names(campusId = c.campusId, query = ''): Promise<string[]> {
  return ((await t.call('GET', `${url(campusId)}${query}`)).body as Array<{ name: string }>).map((s) => s.name);
}

describe('GET/POST /api/campuses/:campusId/schools', () => {
  it('lists the schools of the campus only', async () => {
    const res = await t.call('GET', url());
    expect(res.status).toBe(200);
    expect(res.body.map((s: { name: string }) => s.name).sort()).toEqual(['Building Office', 'Jefferson SLC', 'Lincoln Academy']);
    expect(res.body.every((s: { campusId: number }) => s.campusId === c.campusId)).toBe(true);
    expect(await names(other)).toEqual([]);
  });

  it('creates a school (trimmed) and reads it back', async () => {
    const res = await t.call('POST', url(), { ...valid, name: '  Roosevelt Magnet  ', locationCode: ' 8810 ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ campusId: c.campusId, name: 'Roosevelt Magnet', locationCode: '8810', kind: 'slc', enrollment: 310, archived: false });
    const read = await t.call('GET', `${url()}/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('keeps location codes unique within a campus, but not across campuses', async () => {
    const before = await names();
    const clash = await t.call('POST', url(), { ...valid, locationCode: '8801' });
    expect(clash.status === 400 || clash.status === 409, clash.raw).toBe(true);
    expectProblem(clash, { status: clash.status, field: 'locationCode' });
    expect(await names()).toEqual(before);
    expect((await t.call('POST', url(other), { ...valid, locationCode: '8801' })).status).toBe(201);
  });

  it.each([
    ['an unknown kind', { kind: 'charter' }, 'kind'],
    ['enrollment as a string (bodies are not coerced)', { enrollment: '310' }, 'enrollment'],
    ['negative enrollment', { enrollment: -1 }, 'enrollment'],
    ['fractional enrollment', { enrollment: 310.5 }, 'enrollment'],
    ['a blank name', { name: '  ' }, 'name'],
    ['a blank location code', { locationCode: ' ' }, 'locationCode'],
    ['an unknown property', { principal: 'Dr. Ruiz' }, 'principal'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_label, over, field) => {
    const before = await names();
    expectProblem(await t.call('POST', url(), { ...valid, ...over }), { status: 400, code: 'validation', field });
    expect(await names()).toEqual(before);
  });

  it('answers 404 for an unknown campus', async () => {
    expectProblem(await t.call('GET', url(987654)), { status: 404, code: 'not_found' });
    expectProblem(await t.call('POST', url(987654), valid), { status: 404, code: 'not_found' });
  });
});

describe('GET/PATCH /api/campuses/:campusId/schools/:schoolId', () => {
  it('does not show a school through another campus', async () => {
    expectProblem(await t.call('GET', `${url(other)}/${c.schools.jefferson}`), { status: 404, code: 'not_found' });
    expectProblem(await t.call('PATCH', `${url(other)}/${c.schools.jefferson}`, { enrollment: 1 }), { status: 404, code: 'not_found' });
    expect((await t.call('GET', `${url()}/${c.schools.jefferson}`)).body.enrollment).toBe(340);
  });

  it.each(['0', '-1', 'abc', '99999999999999999999'])('answers 400 naming schoolId for id %s', async (id) => {
    expectProblem(await t.call('GET', `${url()}/${id}`), { status: 400, code: 'validation', field: 'schoolId' });
  });

  it('updates only the fields sent', async () => {
    const id = await createSchool(t.call, c.campusId, { ...valid, locationCode: '8820' });
    const res = await t.call('PATCH', `${url()}/${id}`, { enrollment: 355 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: valid.name, locationCode: '8820', kind: 'slc', enrollment: 355 });
    expect((await t.call('GET', `${url()}/${id}`)).body.enrollment).toBe(355);
  });

  it('refuses to take the location code of another school, and changes nothing', async () => {
    const id = await createSchool(t.call, c.campusId, { ...valid, locationCode: '8821' });
    const res = await t.call('PATCH', `${url()}/${id}`, { locationCode: '8802' });
    expect(res.status === 400 || res.status === 409, res.raw).toBe(true);
    expectProblem(res, { status: res.status, field: 'locationCode' });
    expect((await t.call('GET', `${url()}/${id}`)).body.locationCode).toBe('8821');
    // Re-saving its own code is not a clash.
    expect((await t.call('PATCH', `${url()}/${id}`, { locationCode: '8821', name: 'Same code' })).status).toBe(200);
  });

  it('refuses an empty or ill-typed patch', async () => {
    expectProblem(await t.call('PATCH', `${url()}/${c.schools.lincoln}`, {}), { status: 400, code: 'validation' });
    expectProblem(await t.call('PATCH', `${url()}/${c.schools.lincoln}`, { kind: 'district' }), { status: 400, code: 'validation', field: 'kind' });
  });

  it('answers 404 for an unknown school', async () => {
    expectProblem(await t.call('GET', `${url()}/987654`), { status: 404, code: 'not_found' });
  });
});

describe('POST /api/campuses/:campusId/schools/:schoolId/archive and /restore', () => {
  it('an archived school takes no new bookings, keeps its old ones and stays readable; restore works', async () => {
    const schoolId = await createSchool(t.call, c.campusId, { ...valid, name: 'Closing SLC', locationCode: '8830' });
    const existing = await book(t.call, c, { schoolId, title: 'Closing ceremony', start: '2026-12-01T10:00', end: '2026-12-01T11:00' });

    const archived = await t.call('POST', `${url()}/${schoolId}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    expect(await names()).not.toContain('Closing SLC');
    expect(await names(c.campusId, '?includeArchived=true')).toContain('Closing SLC');
    expect((await t.call('GET', `${url()}/${schoolId}`)).body.archived).toBe(true);

    const before = await snapshot(t.call, c.campusId);
    const refused = await t.call('POST', `/api/campuses/${c.campusId}/bookings`, bookingBody(c, { schoolId, start: '2026-12-02T10:00', end: '2026-12-02T11:00' }));
    expectProblem(refused, { status: 400, code: 'validation', field: 'schoolId' });
    expect(await snapshot(t.call, c.campusId)).toEqual(before);
    // History stays: the booking made before archiving is still there and active.
    expect((await t.call('GET', `/api/bookings/${existing.id}`)).body.status).toBe('active');

    const restored = await t.call('POST', `${url()}/${schoolId}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.archived).toBe(false);
    await book(t.call, c, { schoolId, start: '2026-12-02T10:00', end: '2026-12-02T11:00' });
  });

  it('answers 404 for a school of another campus', async () => {
    expectProblem(await t.call('POST', `${url(other)}/${c.schools.office}/archive`), { status: 404, code: 'not_found' });
    expect((await t.call('GET', `${url()}/${c.schools.office}`)).body.archived).toBe(false);
  });
});
