import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOW, buildTestApp, caller, expectProblem, type TestApp } from '../helpers/app.js';
import { createCampusFixture, type Campus } from '../helpers/fixtures.js';
import { TEST_PASSWORD, buildAppWith, movableClock, signIn, testPasswordHash, type OwnApp } from '../helpers/session.js';
import { createRepositories } from '../../server/db/repositories/index.js';

const MINUTE = 60_000;
const IDLE_MINUTES = 30;
const MAX_HOURS = 2;
const IDLE = IDLE_MINUTES * MINUTE;
const MAX = MAX_HOURS * 60 * MINUTE;

const clock = movableClock(DEFAULT_NOW);
let own: OwnApp;
beforeAll(async () => {
  own = await buildAppWith({ clock, config: { sessionIdleMinutes: IDLE_MINUTES, sessionMaxHours: MAX_HOURS, loginLimitPerMinute: 10_000 } });
});
afterAll(() => own.close());

let users = 0;
/** A fresh account with no session yet, so each test sees only the sessions it starts. */
async function newUser(): Promise<string> {
  users += 1;
  const email = `person${users}@commons.test`;
  createRepositories(own.db).users.insert({ email, name: `Person ${users}`, passwordHash: await testPasswordHash(), createdAt: clock.now, updatedAt: clock.now });
  return email;
}

async function session(email: string, userAgent = 'vitest', password = TEST_PASSWORD) {
  const res = await signIn(own.app, { email, password }, { headers: { 'user-agent': userAgent } });
  expect(res.status, res.raw).toBe(200);
  return res.session;
}

const call = (headers: Record<string, string>) => caller(own.app, headers);
const alive = async (headers: Record<string, string>) => (await call(headers)('GET', '/api/me')).status === 200;
type Listed = { id: number; current: boolean; userAgent: string; lastSeenAt: string };
const listed = async (headers: Record<string, string>): Promise<Listed[]> => (await call(headers)('GET', '/api/me/sessions')).body;

describe('session timeouts', () => {
  it(`ends a session left idle for ${IDLE_MINUTES} minutes, while requests keep another alive`, async () => {
    const email = await newUser();
    const [busy, idle] = [await session(email), await session(email)];
    clock.advance(IDLE - 1000);
    expect(await alive(busy)).toBe(true);
    clock.advance(1000);
    expectProblem(await call(idle)('GET', '/api/me'), { status: 401, code: 'unauthenticated' });
    expect(await alive(busy)).toBe(true);
    clock.advance(IDLE);
    expect(await alive(busy)).toBe(false);
  });

  it('writes lastSeenAt as requests come in', async () => {
    const s = await session(await newUser());
    clock.advance(5 * MINUTE);
    expect(await alive(s)).toBe(true);
    const [mine] = (await listed(s)).filter((x) => x.current);
    expect(mine?.lastSeenAt).toBe(new Date(clock.now).toISOString());
  });

  it(`ends a session after ${MAX_HOURS} hours however active it is`, async () => {
    const s = await session(await newUser());
    for (let elapsed = 10 * MINUTE; elapsed < MAX; elapsed += 10 * MINUTE) {
      clock.advance(10 * MINUTE);
      expect(await alive(s), `after ${elapsed / MINUTE} minutes`).toBe(true);
    }
    clock.advance(10 * MINUTE);
    expectProblem(await call(s)('GET', '/api/me'), { status: 401, code: 'unauthenticated' });
  });
});

describe('GET /api/me/sessions and DELETE /api/me/sessions/:id', () => {
  it('lists my sessions, this one marked current, and nobody else’s', async () => {
    const email = await newUser();
    const laptop = await session(email, 'Laptop');
    const phone = await session(email, 'Phone');
    await session(await newUser(), 'Someone else');
    const fromLaptop = await listed(laptop);
    expect(fromLaptop.map((s) => s.userAgent).sort()).toEqual(['Laptop', 'Phone']);
    expect(fromLaptop.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['Laptop']);
    const fromPhone = await listed(phone);
    expect(fromPhone.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['Phone']);
    expect(fromPhone.map((s) => s.id).sort()).toEqual(fromLaptop.map((s) => s.id).sort());
    expectProblem(await caller(own.app)('GET', '/api/me/sessions'), { status: 401, code: 'unauthenticated' });
  });

  it('revokes another of my sessions: that token is refused from then on, mine goes on', async () => {
    const email = await newUser();
    const laptop = await session(email, 'Laptop');
    const phone = await session(email, 'Phone');
    const target = (await listed(laptop)).find((s) => s.userAgent === 'Phone')!;
    const res = await call(laptop)('DELETE', `/api/me/sessions/${target.id}`);
    expect(res.status, res.raw).toBe(204);
    expectProblem(await call(phone)('GET', '/api/me'), { status: 401, code: 'unauthenticated' });
    expect(await alive(laptop)).toBe(true);
    expect((await listed(laptop)).map((s) => s.userAgent)).toEqual(['Laptop']);
  });

  it('answers 404 for someone else’s session id, which lives on', async () => {
    const mine = await session(await newUser());
    const theirs = await session(await newUser());
    const [theirId] = (await listed(theirs)).map((s) => s.id);
    expectProblem(await call(mine)('DELETE', `/api/me/sessions/${theirId}`), { status: 404, code: 'not_found' });
    expectProblem(await call(mine)('DELETE', '/api/me/sessions/987654'), { status: 404, code: 'not_found' });
    expect(await alive(theirs)).toBe(true);
  });

  it('does not list a session that has already timed out for being idle', async () => {
    const email = await newUser();
    const stale = await session(email, 'Stale');
    clock.advance(IDLE / 2);
    const fresh = await session(email, 'Fresh');
    clock.advance(IDLE / 2 + MINUTE);
    expect(await alive(stale)).toBe(false);
    expect((await listed(fresh)).map((s) => s.userAgent)).toEqual(['Fresh']);
  });
});

describe('POST /api/me/password', () => {
  const NEW_PASSWORD = 'violet lantern orbit 4417';
  const change = (headers: Record<string, string>, body: unknown) => call(headers)('POST', '/api/me/password', body);

  it('changes the password, keeps this session and ends the others', async () => {
    const email = await newUser();
    const here = await session(email);
    const elsewhere = await session(email);
    const res = await change(here, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status, res.raw).toBe(204);
    expect(await alive(here)).toBe(true);
    expect(await alive(elsewhere)).toBe(false);
    expect((await signIn(own.app, { email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await signIn(own.app, { email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('refuses a wrong current password with 400, and changes nothing', async () => {
    const email = await newUser();
    const here = await session(email);
    const elsewhere = await session(email);
    expectProblem(await change(here, { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD }), { status: 400, code: 'validation', field: 'currentPassword' });
    expect(await alive(elsewhere)).toBe(true);
    expect((await signIn(own.app, { email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it.each(['short', 'password', '12345678', 'qwertyuiop'])('refuses the weak new password %j with 400, and changes nothing', async (weak) => {
    const email = await newUser();
    const here = await session(email);
    expectProblem(await change(here, { currentPassword: TEST_PASSWORD, newPassword: weak }), { status: 400, code: 'validation', field: 'newPassword' });
    expect((await signIn(own.app, { email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('needs the CSRF header and a session', async () => {
    const email = await newUser();
    const here = await session(email);
    expectProblem(await change({ cookie: here.cookie! }, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }), { status: 403, code: 'auth.csrf' });
    expectProblem(await change({}, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }), { status: 401, code: 'unauthenticated' });
    expect((await signIn(own.app, { email, password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  let t: TestApp;
  let c: Campus;
  beforeAll(async () => {
    t = await buildTestApp();
    c = await createCampusFixture(t.call);
  });
  afterAll(() => t.close());

  const HOST = 'commons.example.org';
  const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url, headers: { host: HOST, ...headers }, ...(payload ? { payload } : {}) });
  const cookieOnly = () => ({ cookie: t.tester.headers.cookie! });
  const schoolNames = async () => ((await t.call('GET', `/api/campuses/${c.campusId}/schools`)).body as Array<{ name: string }>).map((s) => s.name).sort();
  const newSchool = { name: 'Garfield SLC', locationCode: '8803', kind: 'slc', enrollment: 300 };

  it.each<[string, Record<string, string>]>([
    ['no x-csrf-token', {}],
    ['a wrong x-csrf-token', { 'x-csrf-token': 'not-the-token' }],
    ['an empty x-csrf-token', { 'x-csrf-token': '' }],
  ])('refuses a POST, a PATCH and a DELETE with %s (403 auth.csrf), and nothing changes', async (_label, extra) => {
    const schools = await schoolNames();
    const campusName = (await t.call('GET', `/api/campuses/${c.campusId}`)).body.name;
    const post = await send('POST', `/api/campuses/${c.campusId}/schools`, { ...cookieOnly(), ...extra }, newSchool);
    const patch = await send('PATCH', `/api/campuses/${c.campusId}`, { ...cookieOnly(), ...extra }, { name: 'Renamed' });
    const del = await send('DELETE', '/api/me/sessions/1', { ...cookieOnly(), ...extra });
    for (const res of [post, patch, del]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(JSON.parse(res.body).code).toBe('auth.csrf');
    }
    expect(await schoolNames()).toEqual(schools);
    expect((await t.call('GET', `/api/campuses/${c.campusId}`)).body.name).toBe(campusName);
    expect((await t.call('GET', '/api/me')).status).toBe(200);
  });

  it('refuses another session’s CSRF token', async () => {
    const other = await signIn(t.app, { email: t.tester.email, password: TEST_PASSWORD });
    const res = await send('PATCH', `/api/campuses/${c.campusId}`, { ...cookieOnly(), 'x-csrf-token': other.body.csrfToken }, { name: 'Renamed' });
    expect(res.statusCode).toBe(403);
  });

  it.each(['https://evil.example', 'null', 'https://commons.example.org.evil.example'])('refuses a write from Origin %s even with the right token', async (origin) => {
    const before = await schoolNames();
    const res = await send('POST', `/api/campuses/${c.campusId}/schools`, { ...t.tester.headers, origin }, newSchool);
    expect(res.statusCode, res.body).toBe(403);
    expect(JSON.parse(res.body).code).toBe('auth.csrf');
    expect(await schoolNames()).toEqual(before);
  });

  it('refuses a sign-in posted from a foreign Origin', async () => {
    const res = await signIn(t.app, { email: t.tester.email, password: TEST_PASSWORD }, { headers: { host: HOST, origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.setCookie).toEqual([]);
  });

  it('accepts a write with the right token from the same origin', async () => {
    const res = await send('POST', `/api/campuses/${c.campusId}/schools`, { ...t.tester.headers, origin: `https://${HOST}` }, newSchool);
    expect(res.statusCode, res.body).toBe(201);
    expect(await schoolNames()).toContain('Garfield SLC');
  });

  it('never asks a GET for the token, whatever its Origin', async () => {
    expect((await send('GET', '/api/me', cookieOnly())).statusCode).toBe(200);
    expect((await send('GET', `/api/campuses/${c.campusId}/schools`, { ...cookieOnly(), origin: 'https://evil.example' })).statusCode).toBe(200);
  });
});
