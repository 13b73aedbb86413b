import { createHash } from 'node:crypto';
import { vi } from 'vitest';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { TSchema } from 'typebox';
import { buildApp } from '../../server/app.js';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { systemActor } from '../../server/domain/actor.js';
import { fixedClock } from '../../server/domain/clock.js';
import type { Membership } from '../../server/domain/permissions.js';
import type { Access } from '../../server/http/access.js';
import { createBooking } from '../../server/usecases/bookings.js';
import { createCampus } from '../../server/usecases/campuses.js';
import { createClosure } from '../../server/usecases/closures.js';
import type { UseCaseContext } from '../../server/usecases/context.js';
import { submitAgendaItem } from '../../server/usecases/council-agenda-items.js';
import { createCouncilSeries } from '../../server/usecases/council-meetings.js';
import { circulateMinutes, closeMeeting, openMeeting } from '../../server/usecases/council-minutes.js';
import { createSchool } from '../../server/usecases/schools.js';
import { hashToken } from '../../server/usecases/sessions.js';
import { createSpace } from '../../server/usecases/spaces.js';
import { DEFAULT_NOW, testConfig } from '../helpers/app.js';
import { YEAR_END, YEAR_START, ZONE } from '../helpers/fixtures.js';
import { createTestUser } from '../helpers/session.js';

/**
 * Every route the app really serves, as the router saw it: an onRoute hook attached to each
 * Fastify instance the moment it is created, so nothing registered later (hidden from the docs,
 * outside /api, in a nested plugin) escapes. buildApp itself stays untouched.
 */
vi.mock('fastify', async (importOriginal) => {
  const actual = await importOriginal<typeof import('fastify')>();
  const original = actual.default as unknown as (options?: unknown) => FastifyInstance;
  const capturing = (options?: unknown) => {
    const app = original(options);
    const seen: RouteOptions[] = [];
    (app as unknown as Record<symbol, unknown>)[Symbol.for('commons.test.routes')] = seen;
    app.addHook('onRoute', (route) => {
      seen.push(route as RouteOptions);
    });
    return app;
  };
  return { ...actual, default: Object.assign(capturing, original, { fastify: capturing, default: capturing }) };
});

export interface ApiRoute {
  method: string;
  url: string;
  /** "METHOD /url": the name tests are reported under. */
  key: string;
  access: Access | undefined;
  /** The route finds its campus from the record it addresses (/bookings/:id): outsiders get 404. */
  addressedById: boolean;
  params: string[];
  querystring: TSchema | undefined;
  body: TSchema | undefined;
}

/** swagger-ui's own pages and assets (app.ts exempts exactly these from declaring access). */
const isDocsUi = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/** The SPA's files and its page for every client-side path: public and read-only (tests/routes/web.test.ts). */
const isSpaFile = (url: string) => !url.startsWith('/api/') && url.endsWith('*');

export function routesOf(app: FastifyInstance): ApiRoute[] {
  const seen = (app as unknown as Record<symbol, RouteOptions[] | undefined>)[Symbol.for('commons.test.routes')];
  if (!seen) throw new Error('routes were not captured: import tests/security/setup.ts before anything that imports server/app.ts');
  const routes = new Map<string, ApiRoute>();
  for (const route of seen) {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || isDocsUi(route.url) || isSpaFile(route.url)) continue;
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      if (route.url.includes('*')) throw new Error(`wildcard route ${route.url}: teach the security tests what to put there`);
      const schema = (route.schema ?? {}) as { querystring?: TSchema; body?: TSchema };
      const key = `${method} ${route.url}`;
      routes.set(key, { method, url: route.url, key, access: route.config?.access, addressedById: route.config?.campusFrom !== undefined, params, querystring: schema.querystring, body: schema.body });
    }
  }
  return [...routes.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export type ActorName = 'anonymous' | 'admin' | 'principal' | 'leadA' | 'councilA' | 'viewer' | 'outsider';

export interface TestActor {
  name: ActorName;
  userId: number | null;
  email: string | null;
  memberships: Membership[];
  /** The school the actor acts for on the fixture campus, if any. */
  schoolId: number | null;
  sessionId: number | null;
  headers: Record<string, string>;
}

export interface World {
  app: FastifyInstance;
  db: Db;
  now: number;
  campusId: number;
  otherCampusId: number;
  schools: { a: number; b: number; office: number; other: number };
  spaceId: number;
  otherSpaceId: number;
  closureId: number;
  bookings: { a: number; b: number; office: number };
  /** A council meeting (an occurrence of the series), an item A and one the office submitted, a motion, an action item. */
  council: { meetingId: number; items: { a: number; office: number }; motionId: number; actionItemId: number; circulatedMeetingId: number };
  /** A council member of B's role, there to be removed. */
  spareMembershipId: number;
  actors: TestActor[];
  actor: (name: ActorName) => TestActor;
  routes: ApiRoute[];
  close: () => Promise<void>;
}

/** The Host every request claims; a same-origin Origin header names it. */
export const HOST = 'commons.test:3000';

/**
 * The real app (a fixed clock, so session lastSeenAt never moves) over one fixture campus:
 * SLCs A and B and the building office, a space, a closure, one booking of each school, and
 * one person per role, plus a lead of another campus.
 */
export async function buildWorld(now = DEFAULT_NOW): Promise<World> {
  const db = openDatabase(':memory:');
  // The fuzz sends thousands of requests from one address within one real minute; the general
  // rate limit (tested on its own) would turn most of them into 429s and hide everything else.
  const app = await buildApp({ config: { ...testConfig(), rateLimitPerMinute: 1_000_000 }, db, clock: fixedClock(now) });
  await app.ready();
  const repos = createRepositories(db);
  const sys = { repos, clock: () => now, actor: systemActor };
  const year = { timeZone: ZONE, yearStart: YEAR_START, yearEnd: YEAR_END };
  const campusId = createCampus(sys, { name: 'Roosevelt Campus', ...year }).id;
  const otherCampusId = createCampus(sys, { name: 'Garfield Complex', ...year }).id;
  const school = (campus: number, name: string, locationCode: string, kind: 'slc' | 'building') =>
    createSchool(sys, campus, { name, locationCode, kind, enrollment: kind === 'building' ? 0 : 350 }).id;
  const schools = { a: school(campusId, 'A SLC', '8801', 'slc'), b: school(campusId, 'B SLC', '8802', 'slc'), office: school(campusId, 'Building Office', '8800', 'building'), other: school(otherCampusId, 'Other SLC', '9901', 'slc') };
  const space = (campus: number) => createSpace(sys, campus, { name: 'Auditorium', kind: 'auditorium', capacity: 500, parentId: null, setupMinutes: 0, teardownMinutes: 0, openHours: null }).id;
  const spaceId = space(campusId);
  const otherSpaceId = space(otherCampusId);
  const closureId = createClosure(sys, campusId, { reason: 'holiday', note: 'Thanksgiving', spaceIds: null, start: '2026-11-26', end: '2026-11-27' }).id;
  const book = (schoolId: number, day: string, rrule: string | null = null) =>
    createBooking(sys, campusId, { spaceId, schoolId, title: 'Assembly', purpose: '', attendees: 100, start: `${day}T10:00`, end: `${day}T11:00`, rrule, exdates: [] }).booking.id;
  const bookings = { a: book(schools.a, '2026-10-06', 'FREQ=WEEKLY;COUNT=4'), b: book(schools.b, '2026-10-07'), office: book(schools.office, '2026-10-08') };
  const council = councilFixture(sys, campusId, spaceId, schools);

  const cookieName = app.sessionCookie.name;
  const person = async (name: ActorName, memberships: Membership[], schoolId: number | null): Promise<TestActor> => {
    const email = `${name.toLowerCase()}@commons.test`;
    const user = await createTestUser(db, { email, cookieName, now, memberships });
    const token = user.headers.cookie!.slice(cookieName.length + 1);
    const sessionId = repos.sessions.findByTokenHash(hashToken(token))!.id;
    return { name, userId: user.id, email, memberships, schoolId, sessionId, headers: { host: HOST, ...user.headers } };
  };
  const on = (role: Membership['role'], schoolId: number | null = null, campus = campusId): Membership[] => [{ campusId: campus, role, schoolId }];
  const actors: TestActor[] = [
    { name: 'anonymous', userId: null, email: null, memberships: [], schoolId: null, sessionId: null, headers: { host: HOST } },
    await person('admin', on('admin'), null),
    await person('principal', on('principal', schools.office), schools.office),
    await person('leadA', on('lead', schools.a), schools.a),
    await person('councilA', on('council', schools.a), schools.a),
    await person('viewer', on('viewer'), null),
    await person('outsider', on('lead', schools.other, otherCampusId), null),
  ];
  const spare = await createTestUser(db, { email: 'spare@commons.test', cookieName, now, memberships: on('council', schools.b) });
  const spareMembershipId = repos.users.membershipsOf(spare.id)[0]!.id;

  return {
    app,
    db,
    now,
    campusId,
    otherCampusId,
    schools,
    spaceId,
    otherSpaceId,
    closureId,
    bookings,
    council,
    spareMembershipId,
    actors,
    actor: (name) => actors.find((a) => a.name === name)!,
    routes: routesOf(app),
    close: async () => {
      await app.close();
      db.$client.close();
    },
  };
}

/** One digest per table (sqlite_sequence and the migrations table included): which table changed, if any. */
export function digest(db: Db): Record<string, string> {
  const sqlite = db.$client;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const rows = (sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
      return [table, createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)];
    }),
  );
}

/**
 * Runs fn inside an outer transaction that is rolled back afterwards, so every request meets the
 * same fixture. The app's own BEGIN IMMEDIATE transactions become savepoints inside it (the way
 * better-sqlite3 nests them); what the app writes stays visible to a digest until the rollback.
 */
export async function isolated<T>(world: World, fn: () => Promise<T>): Promise<T> {
  const sqlite = world.db.$client;
  sqlite.exec('BEGIN');
  let result: T;
  try {
    result = await fn();
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
  return result;
}

export interface Answer {
  status: number;
  contentType: string;
  body: any;
  raw: string;
}

export interface Sent {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** Sent as is: already serialised. */
  payload?: string;
  remoteAddress?: string;
}

export async function send(world: World, { method, url, headers = {}, payload, remoteAddress = '127.0.0.1' }: Sent): Promise<Answer> {
  const res = await world.app.inject({ method: method as 'GET', url, headers, remoteAddress, ...(payload === undefined ? {} : { payload }) });
  const contentType = String(res.headers['content-type'] ?? '');
  let body: unknown = res.body;
  if (/json/.test(contentType) && res.body !== '') {
    try {
      body = JSON.parse(res.body);
    } catch {
      body = res.body;
    }
  }
  return { status: res.statusCode, contentType, body, raw: res.body };
}

/** A JSON request as an actor: their cookie and CSRF token, the body serialised. */
export function as(world: World, actor: TestActor, method: string, url: string, body?: unknown): Promise<Answer> {
  const headers = body === undefined ? actor.headers : { ...actor.headers, 'content-type': 'application/json' };
  return send(world, { method, url, headers, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
}

/** The council's weekly meetings, with an item of A and one of the office on the first agenda, a motion and an action item. */
function councilFixture(sys: UseCaseContext, campusId: number, spaceId: number, schools: World['schools']): World['council'] {
  const { occurrences } = createCouncilSeries(sys, campusId, { spaceId, start: '2026-10-13T07:30', end: '2026-10-13T08:30', rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10', exdates: [] });
  const meetingId = occurrences[0]!.id;
  const items = {
    a: submitAgendaItem(sys, campusId, meetingId, { schoolId: schools.a, title: 'Hallway supervision' }).id,
    office: submitAgendaItem(sys, campusId, meetingId, { schoolId: schools.office, title: 'Fire drill dates' }).id,
  };
  const now = sys.clock();
  const motionId = sys.repos.council.insertMotion({ meetingId, agendaItemId: items.a, text: 'Share the supervision', moverSchoolId: schools.a, status: 'open', createdAt: now }).id;
  const actionItemId = sys.repos.council.insertActionItem({ campusId, meetingId, what: 'Draft a rota', ownerSchoolId: schools.a, status: 'open', createdAt: now, updatedAt: now }).id;
  // The second meeting has been held and its minutes circulated: minutes every role may read.
  const circulatedMeetingId = occurrences[1]!.id;
  openMeeting(sys, campusId, circulatedMeetingId);
  closeMeeting(sys, campusId, circulatedMeetingId);
  circulateMinutes(sys, campusId, circulatedMeetingId);
  return { meetingId, items, motionId, actionItemId, circulatedMeetingId };
}
