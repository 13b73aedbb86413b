import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOW, caller, expectProblem, type Caller } from '../helpers/app.js';
import { book, bookingBody, createCampus, createCampusFixture, type Campus } from '../helpers/fixtures.js';
import { buildAppWith, createTestUser, movableClock, type OwnApp, type TestUser } from '../helpers/session.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import type { Role } from '../../server/domain/permissions.js';

const MINUTE = 60_000;
const clock = movableClock(DEFAULT_NOW);
let own: OwnApp;
let admin: TestUser;
let call: Caller;
let c: Campus;
let other: number;
beforeAll(async () => {
  own = await buildAppWith({ clock });
  const repos = createRepositories(own.db);
  const home = repos.campuses.insert({ name: 'Home', timeZone: 'America/Los_Angeles', yearStart: '2026-08-17', yearEnd: '2027-06-11', createdAt: clock.now, updatedAt: clock.now });
  admin = await createTestUser(own.db, { email: 'admin@commons.test', cookieName: own.app.sessionCookie.name, now: clock.now, memberships: [{ campusId: home.id, role: 'admin' }] });
  call = caller(own.app, admin.headers);
  c = await createCampusFixture(call);
  other = await createCampus(call, { name: 'Other Campus' });
  // The admin also leads Jefferson, through the API, so that it can book.
  const lead = await call('POST', `/api/campuses/${c.campusId}/members`, { email: admin.email, role: 'lead', schoolId: c.schools.jefferson });
  expect(lead.status, lead.raw).toBe(201);
});
afterAll(() => own.close());

interface Entry {
  id: number;
  at: string;
  campusId: number | null;
  schoolId: number | null;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: number | null;
  before: any;
  after: any;
}
const auditUrl = (query = '', campusId = c.campusId) => `/api/campuses/${campusId}/audit${query ? `?${query}` : ''}`;
const trail = async (query = '', as: Caller = call): Promise<Entry[]> => {
  const res = await as('GET', auditUrl(query));
  expect(res.status, res.raw).toBe(200);
  return res.body;
};
const latest = async (action: string): Promise<Entry> => (await trail(`action=${action}&limit=1`))[0]!;
const allRows = () => own.db.$client.prepare('SELECT * FROM audit_log ORDER BY id').all();

let people = 0;
async function someone(role: Role, campusId = c.campusId, schoolId: number | null = null): Promise<Caller> {
  people += 1;
  const email = `${role}${people}@commons.test`;
  const user = await createTestUser(own.db, { email, cookieName: own.app.sessionCookie.name, now: clock.now, memberships: [{ campusId, role, schoolId }] });
  return caller(own.app, user.headers);
}

describe('every change through the API is in the audit trail', () => {
  it('with who, when, campus, school, what, before and after', async () => {
    clock.advance(MINUTE);
    const at = new Date(clock.now).toISOString();
    const who = { actorUserId: admin.id, at, campusId: c.campusId };

    const school = (await call('POST', `/api/campuses/${c.campusId}/schools`, { name: 'Garfield SLC', locationCode: '8803', kind: 'slc', enrollment: 300 })).body;
    expect(await latest('school.create')).toMatchObject({ ...who, entityType: 'school', entityId: school.id, before: null, after: { name: 'Garfield SLC' } });

    expect((await call('PATCH', `/api/campuses/${c.campusId}/spaces/${c.spaces.library}`, { capacity: 70 })).status).toBe(200);
    expect(await latest('space.update')).toMatchObject({ ...who, entityType: 'space', entityId: c.spaces.library, before: { capacity: 60 }, after: { capacity: 70 } });

    const b = await book(call, c, { title: 'Assembly' });
    const bookingWho = { ...who, schoolId: c.schools.jefferson, entityType: 'booking', entityId: b.id };
    expect(await latest('booking.create')).toMatchObject({ ...bookingWho, after: { title: 'Assembly' } });

    expect((await call('PATCH', `/api/bookings/${b.id}`, { title: 'Renamed' })).status).toBe(200);
    expect(await latest('booking.change.series')).toMatchObject({ ...bookingWho, before: { title: 'Assembly' }, after: { booking: { title: 'Renamed' } } });

    expect((await call('DELETE', `/api/bookings/${b.id}`)).status).toBe(200);
    expect(await latest('booking.cancel.series')).toMatchObject({ ...bookingWho, before: { status: 'active' }, after: { booking: { status: 'cancelled' } } });

    const member = (await call('POST', `/api/campuses/${c.campusId}/members`, { email: 'new.viewer@commons.test', name: 'New Viewer', role: 'viewer' })).body;
    expect(await latest('member.add')).toMatchObject({ ...who, entityType: 'membership', entityId: member.id, after: { role: 'viewer', userId: member.user.id } });
  });

  it('including the creation of the campus itself', async () => {
    const created = (await trail('action=campus.create')).map((e) => e.entityId);
    expect(created).toEqual([c.campusId]);
  });

  it('and a refused change leaves no entry', async () => {
    await book(call, c, { spaceId: c.spaces.annex, attendees: 20, title: 'First', start: '2026-11-03T09:00', end: '2026-11-03T10:00' });
    const before = allRows();
    const clash = await call('POST', `/api/campuses/${c.campusId}/bookings`, bookingBody(c, { spaceId: c.spaces.annex, attendees: 20, start: '2026-11-03T09:30', end: '2026-11-03T10:30' }));
    expect(clash.status).toBe(409);
    const noCsrf = await caller(own.app, { cookie: admin.headers.cookie! })('POST', `/api/campuses/${c.campusId}/schools`, { name: 'X', locationCode: 'X1', kind: 'slc', enrollment: 1 });
    expect(noCsrf.status).toBe(403);
    expect((await call('POST', `/api/campuses/${c.campusId}/members`, { email: 'weak@commons.test', name: 'Weak', role: 'viewer', password: 'password' })).status).toBe(400);
    expect(allRows()).toEqual(before);
  });
});

describe('GET /api/campuses/:campusId/audit filters', () => {
  it('by actor', async () => {
    const second = await createTestUser(own.db, { email: 'second.admin@commons.test', cookieName: own.app.sessionCookie.name, now: clock.now, memberships: [{ campusId: c.campusId, role: 'admin' }] });
    const space = (await caller(own.app, second.headers)('POST', `/api/campuses/${c.campusId}/spaces`, { name: 'Studio', kind: 'studio', capacity: 20 })).body;
    expect((await trail(`actorUserId=${second.id}`)).map((e) => [e.action, e.entityId])).toEqual([['space.create', space.id]]);
    const mine = await trail(`actorUserId=${admin.id}`);
    expect(mine.length).toBeGreaterThan(5);
    expect(mine.every((e) => e.actorUserId === admin.id)).toBe(true);
  });

  it('by action, exactly or by a prefix ending in a dot', async () => {
    const exact = await trail('action=booking.create');
    expect(exact.length).toBeGreaterThanOrEqual(2);
    expect(new Set(exact.map((e) => e.action))).toEqual(new Set(['booking.create']));
    const prefixed = new Set((await trail('action=booking.')).map((e) => e.action));
    expect(prefixed).toEqual(new Set(['booking.create', 'booking.change.series', 'booking.cancel.series']));
    expect(await trail('action=booking')).toEqual([]);
  });

  it('takes an action prefix literally, not as a SQL pattern', async () => {
    expect(await trail(`action=${encodeURIComponent('%.')}`)).toEqual([]);
    expect(await trail('action=b_oking.')).toEqual([]);
  });

  it('by entity type', async () => {
    const spaces = await trail('entityType=space');
    expect(new Set(spaces.map((e) => e.entityType))).toEqual(new Set(['space']));
    expect(new Set(spaces.map((e) => e.action))).toEqual(new Set(['space.create', 'space.update']));
  });

  it('by time, from inclusive to exclusive', async () => {
    const times: string[] = [];
    for (const code of ['T1', 'T2', 'T3']) {
      clock.advance(60 * MINUTE);
      times.push(new Date(clock.now).toISOString());
      expect((await call('POST', `/api/campuses/${c.campusId}/schools`, { name: `School ${code}`, locationCode: code, kind: 'slc', enrollment: 10 })).status).toBe(201);
    }
    const names = async (query: string) => (await trail(`action=school.create&${query}`)).map((e) => e.after.name);
    expect(await names(`from=${encodeURIComponent(times[1]!)}&to=${encodeURIComponent(times[2]!)}`)).toEqual(['School T2']);
    expect(await names(`from=${encodeURIComponent(times[1]!)}`)).toEqual(['School T3', 'School T2']);
    expect(await names(`to=${encodeURIComponent(times[0]!)}`)).not.toContain('School T1');
    expectProblem(await call('GET', auditUrl('from=yesterday')), { status: 400, code: 'validation', field: 'from' });
  });

  it('newest first, a page at a time with limit and beforeId', async () => {
    const six = await trail('limit=6');
    expect(six).toHaveLength(6);
    expect(six.map((e) => e.id)).toEqual([...six.map((e) => e.id)].sort((a, b) => b - a));
    const first = await trail('limit=3');
    const second = await trail(`limit=3&beforeId=${first[2]!.id}`);
    expect([...first, ...second]).toEqual(six);
    expect((await trail()).length).toBeGreaterThan(6);
    for (const limit of ['0', '501', 'x']) expectProblem(await call('GET', auditUrl(`limit=${limit}`)), { status: 400, code: 'validation', field: 'limit' });
  });

  it('answers 404 for an unknown campus', async () => {
    expectProblem(await call('GET', auditUrl('', 987654)), { status: 404, code: 'not_found' });
  });

  it('shows only the campus asked about', async () => {
    expect((await trail()).every((e) => e.campusId === c.campusId)).toBe(true);
    expect((await call('GET', auditUrl('', other))).body.every((e: Entry) => e.campusId === other)).toBe(true);
  });
});

describe('who may read the audit trail', () => {
  it.each<[Role, 'office' | 'jefferson' | null]>([
    ['principal', 'office'],
    ['lead', 'jefferson'],
    ['council', 'jefferson'],
  ])('a %s may', async (role, school) => {
    const as = await someone(role, c.campusId, school === null ? null : c.schools[school]);
    expect((await trail('', as)).length).toBeGreaterThan(0);
  });

  it('a viewer may not (403), nor the admin of another campus (403), nor anyone signed out (401)', async () => {
    expectProblem(await (await someone('viewer'))('GET', auditUrl()), { status: 403, code: 'forbidden' });
    expectProblem(await (await someone('admin', other))('GET', auditUrl()), { status: 403, code: 'forbidden' });
    expectProblem(await caller(own.app)('GET', auditUrl()), { status: 401, code: 'unauthenticated' });
  });
});

describe('the audit trail is append-only', () => {
  it('has no API route that edits or deletes an entry', async () => {
    const [entry] = await trail('limit=1');
    const before = allRows();
    for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
      for (const path of [auditUrl(), `/api/campuses/${c.campusId}/audit/${entry!.id}`]) {
        const res = await call(method, path, method === 'DELETE' ? undefined : { action: 'tampered' });
        expect([404, 405], `${method} ${path}`).toContain(res.status);
      }
    }
    const { paths } = (await call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const auditOps = Object.entries(paths).filter(([p]) => /audit/.test(p)).flatMap(([, ops]) => Object.keys(ops).filter((k) => k !== 'parameters'));
    expect(auditOps).toEqual(['get']);
    expect(allRows()).toEqual(before);
  });

  it('and the database refuses UPDATE and DELETE on audit_log', () => {
    const sqlite = own.db.$client;
    const before = allRows();
    expect(before.length).toBeGreaterThan(0);
    expect(() => sqlite.prepare("UPDATE audit_log SET action = 'tampered'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('UPDATE audit_log SET actor_user_id = NULL WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)').run()).toThrow(/append-only/);
    expect(allRows()).toEqual(before);
  });
});
