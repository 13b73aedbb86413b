import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { fixedClock } from '../../server/domain/clock.js';
import { createTestUser, type TestUser } from './session.js';

/** Before the 2026–27 school year starts, so nothing a test books is "already over". */
export const DEFAULT_NOW = Date.parse('2026-08-01T12:00:00Z');

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** Signed in as `tester`. */
  call: Caller;
  tester: TestUser;
  /** The same requests with no session at all. */
  anonymous: Caller;
  close: () => Promise<void>;
}

export interface Reply<T = any> {
  status: number;
  contentType: string;
  body: T;
  raw: string;
}

export type Caller = <T = any>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => Promise<Reply<T>>;

/** The settings every test app runs with: the defaults of NODE_ENV=test. */
export const testConfig = () => readConfig({ NODE_ENV: 'test' });

/**
 * The real app over a fresh in-memory database with the real migrations and a fixed clock,
 * and a signed-in `tester` who administers a home campus. Campuses the tester creates are theirs
 * to administer, and the tester leads every school it creates (principal of a building office),
 * so that route tests can book for any school; who may do what is tested in permissions.test.ts.
 */
export async function buildTestApp({ now = DEFAULT_NOW }: { now?: number } = {}): Promise<TestApp> {
  const db = openDatabase(':memory:');
  const app = await buildApp({ config: testConfig(), db, clock: fixedClock(now) });
  await app.ready();
  const repos = createRepositories(db);
  const home = repos.campuses.insert({ name: 'Home Campus', timeZone: 'America/Los_Angeles', yearStart: '2026-08-17', yearEnd: '2027-06-11', createdAt: now, updatedAt: now });
  const tester = await createTestUser(db, { email: 'tester@commons.test', cookieName: app.sessionCookie.name, now, memberships: [{ campusId: home.id, role: 'admin' }] });
  const leadEverySchoolItCreates = (reply: Reply, method: string, url: string) => {
    const match = /^\/api\/campuses\/(\d+)\/schools$/.exec(url);
    if (method !== 'POST' || !match || reply.status !== 201) return;
    const school = reply.body as { id: number; kind: string };
    repos.users.addMembership({ userId: tester.id, campusId: Number(match[1]), role: school.kind === 'building' ? 'principal' : 'lead', schoolId: school.id, createdAt: now });
  };
  return {
    app,
    db,
    tester,
    call: caller(app, tester.headers, leadEverySchoolItCreates),
    anonymous: caller(app),
    close: async () => {
      await app.close();
      db.$client.close();
    },
  };
}

/** inject() as someone (their session headers), with the JSON body parsed and the content type at hand. */
export function caller(app: FastifyInstance, headers: Record<string, string> = {}, after?: (reply: Reply, method: string, url: string) => void): Caller {
  return async (method, url, payload) => {
    const res = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    const contentType = String(res.headers['content-type'] ?? '');
    let body: unknown = res.body;
    if (/json/.test(contentType) && res.body !== '') body = JSON.parse(res.body);
    const reply = { status: res.statusCode, contentType, body: body as any, raw: res.body };
    after?.(reply, method, url);
    return reply;
  };
}

/** Asserts-friendly summary of an RFC 9457 answer. */
export function isProblem(reply: Reply): boolean {
  return reply.contentType.startsWith('application/problem+json');
}

/** The `field` names a validation problem reports, e.g. ['body/attendees']. */
export function problemFields(reply: Reply): string[] {
  const fields = (reply.body as { fields?: Array<{ field: string }> }).fields ?? [];
  return fields.map((f) => f.field);
}

/**
 * The answer is an RFC 9457 problem with this status and code; when `field` is given, one of the
 * reported fields names it (as "body/attendees", "attendees" or "exdates/0" alike).
 */
export function expectProblem(reply: Reply, expected: { status: number; code?: string; field?: string }): void {
  expect({ status: reply.status, problem: isProblem(reply) }, reply.raw).toEqual({ status: expected.status, problem: true });
  expect(reply.body.status).toBe(expected.status);
  if (expected.code) expect(reply.body.code).toBe(expected.code);
  expect(typeof reply.body.detail).toBe('string');
  if (expected.field) {
    const pattern = new RegExp(`(^|/)${expected.field.replace(/[/]/g, '\\/')}(/|$)`);
    expect(problemFields(reply).some((f) => pattern.test(f)), `fields ${JSON.stringify(problemFields(reply))} name ${expected.field}`).toBe(true);
  }
}
