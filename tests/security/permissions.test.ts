// setup.ts must come first: it hooks route capture into Fastify before server/app.ts loads.
import { afterAll, describe, expect, it } from 'vitest';
import { as, buildWorld, digest, isolated, type ActorName, type ApiRoute, type TestActor } from './setup.js';
import { idsFor, pathFor, sampleFor, staleSamples } from './samples.js';
import { buildApp } from '../../server/app.js';
import { openDatabase } from '../../server/db/connection.js';
import { allows, type Permission } from '../../server/domain/permissions.js';
import type { Access } from '../../server/http/access.js';
import { testConfig } from '../helpers/app.js';

const world = await buildWorld();
afterAll(() => world.close());

type Special = Exclude<Access, Permission>;
/** The accesses that are not a permission on a campus (server/http/access.ts); everything else is `allows`. */
const SPECIAL: Record<Special, (actor: TestActor) => boolean> = {
  public: () => true,
  signedIn: () => true,
  'campus.create': (actor) => actor.memberships.some((m) => m.role === 'admin'),
};

type Verdict = 'allowed' | '401' | '403' | '404';

/** What the declared access says this actor gets; every fixture id belongs to the fixture campus. */
function expected(access: Access, actor: TestActor, addressedById: boolean): Verdict {
  if (access === 'public') return 'allowed';
  if (actor.userId === null) return '401';
  // A record addressed by its own id does not even exist for someone outside its campus.
  if (addressedById && !actor.memberships.some((m) => m.campusId === world.campusId)) return '404';
  const ok = access in SPECIAL ? SPECIAL[access as Special](actor) : allows(actor.memberships, world.campusId, access as Permission);
  return ok ? 'allowed' : '403';
}

/** 401/403 only with their own codes: a CSRF refusal or a login failure is not a permission verdict. */
function verdictOf(status: number, code: unknown): string {
  if (status === 401) return code === 'unauthenticated' ? '401' : `401 ${String(code)}`;
  if (status === 403) return code === 'forbidden' ? '403' : `403 ${String(code)}`;
  if (status === 404 && code === 'not_found') return '404';
  return 'allowed';
}

async function probe(route: ApiRoute, actor: TestActor) {
  const { query, body } = sampleFor(world, route, actor);
  const url = pathFor(route, idsFor(world, actor)) + (query ? `?${query}` : '');
  return isolated(world, async () => {
    const before = digest(world.db);
    const res = await as(world, actor, route.method, url, body);
    const verdict = verdictOf(res.status, res.body?.code);
    const wrote = verdict !== 'allowed' && JSON.stringify(digest(world.db)) !== JSON.stringify(before);
    return { verdict: wrote ? `${verdict}, yet it wrote` : verdict, status: res.status, detail: res.body?.detail as unknown };
  });
}

describe('the route table', () => {
  it('captures every route the app serves, including those the OpenAPI document hides', async () => {
    const doc = (await as(world, world.actor('anonymous'), 'GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).filter((m) => m !== 'head').map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const captured = world.routes.map((r) => r.key);
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((k) => !captured.includes(k))).toEqual([]);
    expect(captured).toContain('GET /api/openapi.json'); // hidden from the document
  });

  it('every route declares who may call it', () => {
    expect(world.routes.filter((r) => r.access === undefined).map((r) => r.key)).toEqual([]);
  });

  it('keeps no sample request for a route that no longer exists', () => {
    expect(staleSamples(world.routes)).toEqual([]);
  });
});

describe('permission matrix: every route × every actor, from config.access and allows()', () => {
  it.each(world.routes.map((r) => [r.key, r] as const))('%s', async (_key, route) => {
    const want: Record<string, Verdict> = {};
    const got: Record<string, string> = {};
    const statuses: Record<string, unknown> = {};
    for (const actor of world.actors) {
      want[actor.name] = expected(route.access!, actor, route.addressedById);
      const answer = await probe(route, actor);
      got[actor.name] = answer.verdict;
      statuses[actor.name] = `${answer.status} ${typeof answer.detail === 'string' ? answer.detail : ''}`;
    }
    expect(got, `${route.key} (access ${String(route.access)}): ${JSON.stringify(statuses, null, 1)}`).toEqual(want);
  });
});

describe('an /api route without config.access keeps the app from starting', () => {
  async function withBareApp(fn: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<void>) {
    const db = openDatabase(':memory:');
    const app = await buildApp({ config: testConfig(), db });
    try {
      await fn(app);
    } finally {
      await app.close().catch(() => undefined);
      db.$client.close();
    }
  }

  it('registered on the app itself', () =>
    withBareApp(async (app) => {
      expect(() => app.get('/api/forgotten', async () => 'open to all')).toThrow(/declares no access/);
    }));

  it('registered in a plugin under an /api prefix', () =>
    withBareApp(async (app) => {
      app.register(async (child) => {
        child.post('/forgotten', async () => 'open to all');
      }, { prefix: '/api/extra' });
      await expect(app.ready()).rejects.toThrow(/declares no access/);
    }));

  it('even when its path merely begins like the docs (/api/docsearch)', () =>
    withBareApp(async (app) => {
      expect(() => app.get('/api/docsearch', async () => 'open to all')).toThrow(/declares no access/);
    }));
});

describe('object-level checks: each school acts for itself only', () => {
  const actor = (name: ActorName) => world.actor(name);
  const campus = () => `/api/campuses/${world.campusId}`;
  const bookingBody = (schoolId: number) => ({ spaceId: world.spaceId, schoolId, title: 'Club fair', attendees: 80, start: '2026-10-09T13:00', end: '2026-10-09T14:00' });
  const firstOccurrence = (bookingId: number) => world.db.$client.prepare('SELECT min(id) FROM occurrences WHERE booking_id = ?').pluck().get(bookingId) as number;

  /** Refused with 403 forbidden, and not one row of any table changed. */
  async function refused(who: ActorName, method: string, url: string, body?: unknown) {
    await isolated(world, async () => {
      const before = digest(world.db);
      const res = await as(world, actor(who), method, url, body);
      expect({ status: res.status, code: res.body?.code }, res.raw).toEqual({ status: 403, code: 'forbidden' });
      expect(digest(world.db)).toEqual(before);
    });
  }

  async function accepted(who: ActorName, method: string, url: string, body: unknown, status: number) {
    return isolated(world, async () => {
      const res = await as(world, actor(who), method, url, body);
      expect(res.status, res.raw).toBe(status);
      return res.body;
    });
  }

  it('the lead of A books in A’s name but not in B’s', async () => {
    expect(await accepted('leadA', 'POST', `${campus()}/bookings`, bookingBody(world.schools.a), 201)).toMatchObject({ schoolId: world.schools.a });
    await refused('leadA', 'POST', `${campus()}/bookings`, bookingBody(world.schools.b));
    await refused('leadA', 'POST', `${campus()}/bookings?dryRun=true`, bookingBody(world.schools.b));
  });

  it('the lead of A cannot edit B’s booking by its id, in any scope, not even as a dry run', async () => {
    const url = `/api/bookings/${world.bookings.b}`;
    const occurrenceId = firstOccurrence(world.bookings.b);
    await refused('leadA', 'PATCH', url, { title: 'Taken over' });
    await refused('leadA', 'PATCH', `${url}?scope=occurrence&occurrenceId=${occurrenceId}`, { title: 'Taken over' });
    await refused('leadA', 'PATCH', `${url}?dryRun=true`, { start: '2026-10-07T12:00', end: '2026-10-07T13:00' });
  });

  it('the lead of A cannot cancel B’s booking by its id, in any scope', async () => {
    const url = `/api/bookings/${world.bookings.b}`;
    await refused('leadA', 'DELETE', url);
    await refused('leadA', 'DELETE', `${url}?scope=occurrence&occurrenceId=${firstOccurrence(world.bookings.b)}`);
  });

  it('the lead of A edits and cancels A’s own booking', async () => {
    const url = `/api/bookings/${world.bookings.a}`;
    expect(await accepted('leadA', 'PATCH', url, { title: 'Pep rally' }, 200)).toMatchObject({ title: 'Pep rally', schoolId: world.schools.a });
    expect(await accepted('leadA', 'DELETE', url, undefined, 200)).toMatchObject({ status: 'cancelled' });
  });

  it('a booking cannot be moved into another school’s name by an edit', async () => {
    await isolated(world, async () => {
      const before = digest(world.db);
      const res = await as(world, actor('leadA'), 'PATCH', `/api/bookings/${world.bookings.a}`, { schoolId: world.schools.b });
      expect(res.status, res.raw).toBe(400);
      expect(digest(world.db)).toEqual(before);
    });
  });

  it('the principal books for the building office only, and touches no school’s booking', async () => {
    expect(await accepted('principal', 'POST', `${campus()}/bookings`, bookingBody(world.schools.office), 201)).toMatchObject({ schoolId: world.schools.office });
    await refused('principal', 'POST', `${campus()}/bookings`, bookingBody(world.schools.a));
    await refused('principal', 'POST', `${campus()}/bookings`, bookingBody(world.schools.b));
    await refused('principal', 'PATCH', `/api/bookings/${world.bookings.a}`, { title: 'Office use' });
    await refused('principal', 'DELETE', `/api/bookings/${world.bookings.a}`);
  });

  it('a viewer or a council member cannot even dry-run a booking', async () => {
    await refused('viewer', 'POST', `${campus()}/bookings?dryRun=true`, bookingBody(world.schools.a));
    await refused('councilA', 'POST', `${campus()}/bookings?dryRun=true`, bookingBody(world.schools.a));
    await refused('viewer', 'PATCH', `/api/bookings/${world.bookings.a}?dryRun=true`, { title: 'What if' });
  });

  it('the lead of another campus can neither read this campus nor touch its bookings', async () => {
    for (const url of [campus(), `${campus()}/schools`, `${campus()}/bookings`, `${campus()}/occurrences?from=2026-10-01&to=2026-11-01`]) {
      await refused('outsider', 'GET', url);
    }
    await refused('outsider', 'POST', `${campus()}/bookings`, bookingBody(world.schools.a));
    // Addressed by id, this campus's booking does not exist for them: 404, not 403.
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      await isolated(world, async () => {
        const before = digest(world.db);
        const res = await as(world, actor('outsider'), method, `/api/bookings/${world.bookings.a}`, method === 'PATCH' ? { title: 'Ours now' } : undefined);
        expect({ status: res.status, code: res.body?.code }, res.raw).toEqual({ status: 404, code: 'not_found' });
        expect(digest(world.db)).toEqual(before);
      });
    }
    const listed = (await as(world, actor('outsider'), 'GET', '/api/campuses')).body as Array<{ id: number }>;
    expect(listed.map((c) => c.id)).toEqual([world.otherCampusId]);
  });

  it('the admin of this campus has no say on another campus, nor over another person’s session', async () => {
    await refused('admin', 'PATCH', `/api/campuses/${world.otherCampusId}`, { name: 'Annexed' });
    await refused('admin', 'GET', `/api/campuses/${world.otherCampusId}/members`);
    const outsiderMembership = world.db.$client.prepare('SELECT id FROM memberships WHERE user_id = ?').pluck().get(actor('outsider').userId) as number;
    for (const url of [`${campus()}/members/${outsiderMembership}`, `/api/me/sessions/${actor('viewer').sessionId}`]) {
      await isolated(world, async () => {
        const before = digest(world.db);
        const res = await as(world, actor('admin'), 'DELETE', url);
        expect(res.status, `${url}: ${res.raw}`).toBe(404);
        expect(digest(world.db)).toEqual(before);
      });
    }
  });

  it('nor reach this campus’s records through the path of their own campus', async () => {
    const own = `/api/campuses/${world.otherCampusId}`;
    for (const url of [`${own}/schools/${world.schools.a}`, `${own}/spaces/${world.spaceId}`, `${own}/closures/${world.closureId}`]) {
      const res = await as(world, actor('outsider'), 'GET', url);
      expect(res.status, `${url}: ${res.raw}`).toBe(404);
    }
    await isolated(world, async () => {
      const before = digest(world.db);
      const body = { ...bookingBody(world.schools.other), spaceId: world.spaceId };
      const res = await as(world, actor('outsider'), 'POST', `${own}/bookings`, body);
      expect(res.status, res.raw).toBe(400);
      expect(digest(world.db)).toEqual(before);
    });
  });
});
