import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOW, buildTestApp, caller, expectProblem, type Caller, type TestApp } from '../helpers/app.js';
import { createCampus, createCampusFixture, createSchool, type Campus } from '../helpers/fixtures.js';
import { TEST_PASSWORD, createTestUser, signIn } from '../helpers/session.js';
import type { Role } from '../../server/domain/permissions.js';

let t: TestApp;
let c: Campus;
let other: number;
let foreignSchool: number;
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
  other = await createCampus(t.call, { name: 'Other Campus' });
  foreignSchool = await createSchool(t.call, other, { name: 'Foreign SLC', locationCode: '9901' });
});
afterAll(() => t.close());

const url = (campusId = c.campusId) => `/api/campuses/${campusId}/members`;
type Member = { id: number; campusId: number; role: string; schoolId: number | null; user: { id: number; email: string; name: string; disabled: boolean } };
const members = async (campusId = c.campusId): Promise<Member[]> => (await t.call('GET', url(campusId))).body;
const accounts = (email: string) => (t.db.$client.prepare('SELECT count(*) AS n FROM users WHERE email = ?').get(email) as { n: number }).n;

let people = 0;
/** Someone with a live session and the given roles. */
async function person(memberships: Array<{ campusId: number; role: Role; schoolId?: number | null }> = []): Promise<{ id: number; email: string; call: Caller }> {
  people += 1;
  const user = await createTestUser(t.db, { email: `member${people}@commons.test`, cookieName: t.app.sessionCookie.name, now: DEFAULT_NOW, memberships });
  return { id: user.id, email: user.email, call: caller(t.app, user.headers) };
}

describe('GET /api/campuses/:campusId/members', () => {
  it('lists the people with a role on the campus, without any secret', async () => {
    const res = await t.call('GET', url());
    expect(res.status, res.raw).toBe(200);
    const mine = (res.body as Member[]).filter((m) => m.user.id === t.tester.id).map((m) => [m.role, m.schoolId]);
    expect(mine).toEqual(expect.arrayContaining([['admin', null], ['lead', c.schools.jefferson], ['principal', c.schools.office]]));
    expect(res.body.every((m: Member) => m.campusId === c.campusId)).toBe(true);
    expect(res.raw).not.toMatch(/password|argon2/i);
  });
});

describe('POST /api/campuses/:campusId/members', () => {
  it('gives an existing account a role, found by its e-mail in any case; a password sent along is ignored', async () => {
    const existing = await person();
    const res = await t.call('POST', url(), { email: `  ${existing.email.toUpperCase()} `, name: 'Someone Else', password: 'a brand new passphrase 77', role: 'viewer' });
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toMatchObject({ campusId: c.campusId, role: 'viewer', schoolId: null, initialPassword: null, user: { id: existing.id, email: existing.email } });
    expect(accounts(existing.email)).toBe(1);
    expect((await members()).some((m) => m.id === res.body.id && m.user.id === existing.id)).toBe(true);
    // Adding someone to a campus is not a way to reset their password.
    expect((await signIn(t.app, { email: existing.email, password: TEST_PASSWORD })).status).toBe(200);
    expect((await existing.call('GET', `/api/campuses/${c.campusId}/schools`)).status).toBe(200);
  });

  it('creates a new account with a generated password, shown once, that signs in', async () => {
    const res = await t.call('POST', url(), { email: 'new.lead@commons.test', name: 'New Lead', role: 'lead', schoolId: c.schools.jefferson });
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toMatchObject({ role: 'lead', schoolId: c.schools.jefferson, user: { email: 'new.lead@commons.test', name: 'New Lead', disabled: false } });
    const initial = res.body.initialPassword as string;
    expect(initial.length).toBeGreaterThanOrEqual(12);
    expect(JSON.stringify(await members())).not.toContain(initial);
    const login = await signIn(t.app, { email: 'new.lead@commons.test', password: initial });
    expect(login.status, login.raw).toBe(200);
    expect(login.body.campuses).toEqual([expect.objectContaining({ campusId: c.campusId, roles: ['lead', 'council'] })]);
  });

  it('creates a new account with the password chosen for it (nothing shown back)', async () => {
    const res = await t.call('POST', url(), { email: 'chosen@commons.test', name: 'Chosen', password: 'marble kettle sunrise 19', role: 'principal', schoolId: c.schools.office });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.initialPassword).toBeNull();
    expect((await signIn(t.app, { email: 'chosen@commons.test', password: 'marble kettle sunrise 19' })).status).toBe(200);
  });

  it.each<[string, Record<string, unknown>]>([
    ['council', { role: 'council', schoolId: 'lincoln' }],
    ['viewer', { role: 'viewer' }],
    ['admin', { role: 'admin', schoolId: null }],
  ])('accepts a coherent %s membership', async (_label, body) => {
    const schoolId = typeof body.schoolId === 'string' ? c.schools[body.schoolId as 'lincoln'] : body.schoolId;
    const res = await t.call('POST', url(), { email: (await person()).email, ...body, ...(schoolId === undefined ? {} : { schoolId }) });
    expect(res.status, res.raw).toBe(201);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a lead without a school', { role: 'lead' }, 'schoolId'],
    ['a lead of the building office', { role: 'lead', schoolId: 'office' }, 'schoolId'],
    ['a lead of another campus’s school', { role: 'lead', schoolId: 'foreign' }, 'schoolId'],
    ['a council member without a school', { role: 'council', schoolId: null }, 'schoolId'],
    ['a principal of an SLC', { role: 'principal', schoolId: 'jefferson' }, 'schoolId'],
    ['a principal without the building office', { role: 'principal' }, 'schoolId'],
    ['an admin with a school', { role: 'admin', schoolId: 'jefferson' }, 'schoolId'],
    ['a viewer with a school', { role: 'viewer', schoolId: 'lincoln' }, 'schoolId'],
    ['an unknown role', { role: 'owner' }, 'role'],
    ['a new account without a name', { role: 'viewer', name: undefined }, 'name'],
    ['a new account with a blank name', { role: 'viewer', name: '   ' }, 'name'],
    ['a new account with an address that is not one', { role: 'viewer', email: 'not-an-email' }, 'email'],
    ['a new account with a weak password', { role: 'viewer', password: 'password1' }, 'password'],
    ['a new account with a short password', { role: 'viewer', password: 'Ab3$' }, 'password'],
  ])('refuses %s with 400 naming the field, and creates neither account nor membership', async (_label, over, field) => {
    const ids: Record<string, number> = { ...c.schools, foreign: foreignSchool };
    const body: Record<string, unknown> = { email: 'refused@commons.test', name: 'Refused Person', ...over };
    if (typeof body.schoolId === 'string') body.schoolId = ids[body.schoolId];
    const before = await members();
    expectProblem(await t.call('POST', url(), JSON.parse(JSON.stringify(body))), { status: 400, field });
    expect(await members()).toEqual(before);
    expect(accounts(String(body.email))).toBe(0);
  });

  it('answers 404 for an unknown campus', async () => {
    expectProblem(await t.call('POST', url(987654), { email: 'x@commons.test', name: 'X', role: 'viewer' }), { status: 404, code: 'not_found' });
    expect(accounts('x@commons.test')).toBe(0);
  });
});

describe('DELETE /api/campuses/:campusId/members/:membershipId', () => {
  it('takes a role away at once: the person’s next request is refused', async () => {
    const lead = await person([{ campusId: c.campusId, role: 'lead', schoolId: c.schools.lincoln }]);
    expect((await lead.call('GET', `/api/campuses/${c.campusId}/schools`)).status).toBe(200);
    const membership = (await members()).find((m) => m.user.id === lead.id)!;
    const res = await t.call('DELETE', `${url()}/${membership.id}`);
    expect(res.status, res.raw).toBe(204);
    expect((await members()).some((m) => m.id === membership.id)).toBe(false);
    expectProblem(await lead.call('GET', `/api/campuses/${c.campusId}/schools`), { status: 403, code: 'forbidden' });
  });

  it('never removes the last admin of a campus (409), but one of two admins may go', async () => {
    const solo = await createCampus(t.call, { name: 'Solo Campus' });
    const testerAdmin = (await members(solo)).find((m) => m.user.id === t.tester.id && m.role === 'admin')!;
    expectProblem(await t.call('DELETE', `${url(solo)}/${testerAdmin.id}`), { status: 409, code: 'state' });
    const second = await t.call('POST', url(solo), { email: (await person()).email, role: 'admin' });
    expect(second.status, second.raw).toBe(201);
    expect((await t.call('DELETE', `${url(solo)}/${second.body.id}`)).status).toBe(204);
    expectProblem(await t.call('DELETE', `${url(solo)}/${testerAdmin.id}`), { status: 409, code: 'state' });
    expect((await members(solo)).map((m) => m.id)).toEqual([testerAdmin.id]);
  });

  it('answers 404 for a membership of another campus, and keeps it', async () => {
    const viewer = await person([{ campusId: other, role: 'viewer' }]);
    const membership = (await members(other)).find((m) => m.user.id === viewer.id)!;
    expectProblem(await t.call('DELETE', `${url()}/${membership.id}`), { status: 404, code: 'not_found' });
    expect((await members(other)).some((m) => m.id === membership.id)).toBe(true);
  });
});

describe('who may manage members', () => {
  it.each<[string, Role, 'jefferson' | 'office' | null]>([
    ['a principal', 'principal', 'office'],
    ['a lead', 'lead', 'jefferson'],
    ['a council member', 'council', 'jefferson'],
    ['a viewer', 'viewer', null],
  ])('not %s: 403 on every members route, and nothing changes', async (_label, role, school) => {
    const someone = await person([{ campusId: c.campusId, role, schoolId: school === null ? null : c.schools[school] }]);
    const before = await members();
    const target = before.find((m) => m.user.id === t.tester.id)!;
    expectProblem(await someone.call('GET', url()), { status: 403, code: 'forbidden' });
    expectProblem(await someone.call('POST', url(), { email: 'sneaky@commons.test', name: 'Sneaky', role: 'admin' }), { status: 403, code: 'forbidden' });
    expectProblem(await someone.call('DELETE', `${url()}/${target.id}`), { status: 403, code: 'forbidden' });
    expect(await members()).toEqual(before);
    expect(accounts('sneaky@commons.test')).toBe(0);
  });

  it('not the admin of another campus (403), nor anyone without a session (401)', async () => {
    const foreignAdmin = await person([{ campusId: other, role: 'admin' }]);
    expectProblem(await foreignAdmin.call('GET', url()), { status: 403, code: 'forbidden' });
    expectProblem(await foreignAdmin.call('POST', url(), { email: (await person()).email, role: 'admin' }), { status: 403, code: 'forbidden' });
    expectProblem(await t.anonymous('GET', url()), { status: 401, code: 'unauthenticated' });
    expectProblem(await t.anonymous('POST', url(), { email: 'anon@commons.test', name: 'Anon', role: 'admin' }), { status: 401, code: 'unauthenticated' });
    expect(accounts('anon@commons.test')).toBe(0);
  });
});
