import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOW, caller, expectProblem, testConfig } from '../helpers/app.js';
import { TEST_PASSWORD, buildAppWith, createTestUser, signIn, type OwnApp } from '../helpers/session.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { fixedClock } from '../../server/domain/clock.js';

const HOUR = 3_600_000;
const ADA = 'ada@commons.test';
const GRACE = 'grace@commons.test';
const right = { email: ADA, password: TEST_PASSWORD };

let own: OwnApp;
let campusId: number;
let schoolId: number;
beforeAll(async () => {
  // A generous sign-in limit here: the limit itself is tested below on apps of its own.
  own = await buildAppWith({ clock: fixedClock(DEFAULT_NOW), config: { loginLimitPerMinute: 10_000 } });
  const repos = createRepositories(own.db);
  const now = DEFAULT_NOW;
  campusId = repos.campuses.insert({ name: 'Sign-in Campus', timeZone: 'America/Los_Angeles', yearStart: '2026-08-17', yearEnd: '2027-06-11', createdAt: now, updatedAt: now }).id;
  schoolId = repos.schools.insert({ campusId, name: 'Jefferson SLC', locationCode: '8801', kind: 'slc', enrollment: 340, createdAt: now, updatedAt: now }).id;
  const cookieName = own.app.sessionCookie.name;
  await createTestUser(own.db, { email: ADA, cookieName, now, memberships: [{ campusId, role: 'admin' }, { campusId, role: 'lead', schoolId }] });
  await createTestUser(own.db, { email: GRACE, cookieName, now });
  const disabled = await createTestUser(own.db, { email: 'gone@commons.test', cookieName, now });
  repos.users.update(disabled.id, { disabledAt: now });
});
afterAll(() => own.close());

const me = (headers: Record<string, string>) => caller(own.app, headers)('GET', '/api/me');
const sessionRows = () => own.db.$client.prepare('SELECT * FROM sessions').all() as Array<Record<string, unknown>>;

describe('POST /api/auth/login', () => {
  it('answers 200 with who is signed in: user, campuses with roles and schools, and a CSRF token', async () => {
    const res = await signIn(own.app, right);
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toEqual({
      user: { id: expect.any(Number), email: ADA, name: 'ada' },
      campuses: [{ campusId, campusName: 'Sign-in Campus', roles: expect.arrayContaining(['admin', 'lead', 'council']), schools: [{ id: schoolId, name: 'Jefferson SLC', locationCode: '8801', role: 'lead' }] }],
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{22,}$/),
      sessionExpiresAt: new Date(DEFAULT_NOW + testConfig().sessionMaxHours * HOUR).toISOString(),
    });
    expect(res.body.campuses[0].roles).toHaveLength(3);
    expect(res.raw).not.toMatch(/argon2|passwordHash/i);
    const again = await me(res.session);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
  });

  it('sets a __Host- cookie that is HttpOnly, SameSite=Lax, Path=/, Secure, without Domain, for the absolute timeout', async () => {
    expect(testConfig().cookieSecure).toBe(true);
    const res = await signIn(own.app, right);
    expect(res.setCookie).toHaveLength(1);
    const line = res.setCookie[0]!;
    expect(line).toMatch(/^__Host-commons_session=[A-Za-z0-9_-]+;/);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\/(;|$)/i);
    expect(line).toMatch(/;\s*Secure/i);
    expect(line).not.toMatch(/Domain=/i);
    expect(res.cookie?.maxAge).toBe(testConfig().sessionMaxHours * 3600);
  });

  it('sets a plain cookie, neither Secure nor __Host-, when cookieSecure is off (development)', async () => {
    const dev = await buildAppWith({ clock: fixedClock(DEFAULT_NOW), config: { cookieSecure: false } });
    try {
      await createTestUser(dev.db, { email: ADA, cookieName: dev.app.sessionCookie.name, now: DEFAULT_NOW });
      const res = await signIn(dev.app, right);
      expect(res.status, res.raw).toBe(200);
      const line = res.setCookie[0]!;
      expect(line).toMatch(/^commons_session=[A-Za-z0-9_-]+;/);
      expect(line).not.toMatch(/Secure|__Host-/i);
      expect(line).toMatch(/HttpOnly/i);
      expect(line).toMatch(/SameSite=Lax/i);
      expect((await caller(dev.app, res.session)('GET', '/api/me')).status).toBe(200);
    } finally {
      await dev.close();
    }
  });

  it('treats the e-mail case-insensitively', async () => {
    const res = await signIn(own.app, { email: '  Ada@COMMONS.test ', password: TEST_PASSWORD });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.user.email).toBe(ADA);
  });

  it('gives a wrong password and an unknown e-mail the same 401 problem, and no cookie', async () => {
    const sessionsBefore = sessionRows().length;
    const wrong = await signIn(own.app, { email: ADA, password: 'not the password at all' });
    const unknown = await signIn(own.app, { email: 'nobody@commons.test', password: TEST_PASSWORD });
    for (const res of [wrong, unknown]) {
      expectProblem(res, { status: 401, code: 'auth.invalid_credentials' });
      expect(res.setCookie).toEqual([]);
    }
    expect(wrong.body).toEqual(unknown.body);
    expect(sessionRows()).toHaveLength(sessionsBefore);
  });

  it('refuses a disabled account with 403 auth.disabled, even with the right password, and no cookie', async () => {
    const res = await signIn(own.app, { email: 'gone@commons.test', password: TEST_PASSWORD });
    expectProblem(res, { status: 403, code: 'auth.disabled' });
    expect(res.setCookie).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['an empty object', {}],
    ['no password', { email: ADA }],
    ['no e-mail', { password: TEST_PASSWORD }],
    ['an e-mail that is not a string', { email: 42, password: TEST_PASSWORD }],
    ['an empty password', { email: ADA, password: '' }],
    ['an unknown property', { ...right, remember: true }],
    ['an array', [right]],
  ])('answers 400 to %s, with no cookie', async (_label, body) => {
    const res = await signIn(own.app, body);
    expectProblem(res, { status: 400, code: 'validation' });
    expect(res.setCookie).toEqual([]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await own.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).code).toBe('request.malformed');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('session ids', () => {
  it('are at least 128 random bits, new at every sign-in, and stored only as a hash', async () => {
    const tokens = [];
    for (let i = 0; i < 3; i += 1) tokens.push((await signIn(own.app, right)).cookie!.value);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(token.length * 6).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(tokens).size).toBe(3);
    const stored = JSON.stringify(sessionRows());
    for (const token of tokens) expect(stored).not.toContain(token);
  });

  it('revokes the session a client presents at sign-in and issues a new id (no fixation)', async () => {
    const first = await signIn(own.app, right);
    const second = await signIn(own.app, { email: GRACE, password: TEST_PASSWORD }, { headers: first.session });
    expect(second.status, second.raw).toBe(200);
    expect(second.cookie!.value).not.toBe(first.cookie!.value);
    expectProblem(await me(first.session), { status: 401, code: 'unauthenticated' });
    expect((await me(second.session)).body.user.email).toBe(GRACE);
  });

  it('never adopts a session id the client made up', async () => {
    const planted = 'A'.repeat(43);
    const res = await signIn(own.app, right, { headers: { cookie: `${own.app.sessionCookie.name}=${planted}` } });
    expect(res.status, res.raw).toBe(200);
    expect(res.cookie!.value).not.toBe(planted);
    expect((await me({ cookie: `${own.app.sessionCookie.name}=${planted}` })).status).toBe(401);
  });
});

describe('GET /api/me and POST /api/auth/logout', () => {
  it('GET /api/me answers 401 problem without a session', async () => {
    expectProblem(await me({}), { status: 401, code: 'unauthenticated' });
    expectProblem(await me({ cookie: `${own.app.sessionCookie.name}=garbage` }), { status: 401, code: 'unauthenticated' });
  });

  it('signs out: 204, the cookie cleared with the same attributes, and the old token refused afterwards', async () => {
    const s = await signIn(own.app, right);
    const res = await own.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.session });
    expect(res.statusCode, res.body).toBe(204);
    const line = String(res.headers['set-cookie']);
    expect(line).toMatch(/^__Host-commons_session=;/);
    expect(line).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(line).toMatch(/Path=\//);
    expect(line).toMatch(/Secure/); // a browser ignores a __Host- cookie without it, so it would never be cleared
    expectProblem(await me(s.session), { status: 401, code: 'unauthenticated' });
    const revoked = sessionRows().find((r) => r.user_id === s.body.user.id && r.csrf_token === s.body.csrfToken);
    expect(revoked?.revoked_at).toBe(DEFAULT_NOW);
  });

  it('refuses to sign out without the CSRF header (403), and the session lives on', async () => {
    const s = await signIn(own.app, right);
    const res = await own.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.session.cookie! } });
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).code).toBe('auth.csrf');
    expect((await me(s.session)).status).toBe(200);
  });

  it('answers 401 to a sign-out without a session', async () => {
    const res = await own.app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(401);
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/me', '/'])('come with every answer, here %s', async (url) => {
    const res = await own.app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBeDefined();
  });
});

describe('sign-in rate limit (COMMONS_LOGIN_LIMIT a minute, per address and per account)', () => {
  const LIMIT = testConfig().loginLimitPerMinute;
  let limited: OwnApp;
  beforeAll(async () => {
    limited = await buildAppWith({ clock: fixedClock(DEFAULT_NOW) });
    for (const email of [ADA, GRACE, 'hopper@commons.test']) await createTestUser(limited.db, { email, cookieName: limited.app.sessionCookie.name, now: DEFAULT_NOW });
  });
  afterAll(() => limited.close());

  function expectLimited(res: Awaited<ReturnType<typeof signIn>>): void {
    expectProblem(res, { status: 429, code: 'rate_limited' });
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60, `retry-after ${String(res.headers['retry-after'])}`).toBe(true);
    expect(res.setCookie).toEqual([]);
  }

  it('defaults to 10 a minute', () => {
    expect(LIMIT).toBe(10);
  });

  it('limits one address trying many accounts, then refuses even a valid sign-in from it', async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await signIn(limited.app, { email: `guess${i}@commons.test`, password: 'wrong password 1' }, { remoteAddress: '10.0.0.1' })).status).toBe(401);
    }
    expectLimited(await signIn(limited.app, { email: 'guess-more@commons.test', password: 'wrong password 1' }, { remoteAddress: '10.0.0.1' }));
    expectLimited(await signIn(limited.app, { email: GRACE, password: TEST_PASSWORD }, { remoteAddress: '10.0.0.1' }));
    expect((await signIn(limited.app, { email: GRACE, password: TEST_PASSWORD }, { remoteAddress: '10.0.0.2' })).status).toBe(200);
  });

  it('limits one account tried from many addresses, then refuses even the right password for it', async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await signIn(limited.app, { email: ADA, password: 'wrong password 2' }, { remoteAddress: `10.1.0.${i + 1}` })).status).toBe(401);
    }
    const sessionsBefore = limited.db.$client.prepare('SELECT count(*) AS n FROM sessions').get();
    expectLimited(await signIn(limited.app, { email: 'ADA@commons.test', password: TEST_PASSWORD }, { remoteAddress: '10.1.1.1' }));
    expect(limited.db.$client.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual(sessionsBefore);
    // The same fresh address may still sign in to another account.
    expect((await signIn(limited.app, { email: 'hopper@commons.test', password: TEST_PASSWORD }, { remoteAddress: '10.1.1.1' })).status).toBe(200);
  });
});
