import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { readConfig, type Config } from '../../server/config.js';
import { hashPassword } from '../../server/usecases/passwords.js';
import { openDatabase, type Db } from '../../server/db/connection.js';
import type { Clock } from '../../server/domain/clock.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import type { Role } from '../../server/domain/permissions.js';
import { startSession } from '../../server/usecases/sessions.js';

export const TEST_PASSWORD = 'correct horse battery staple';
const ONE_WEEK = 7 * 86_400_000;

// argon2id takes ~70 ms on purpose; one hash serves every test user of a process.
let passwordHash: Promise<string> | undefined;
export function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export interface TestUser {
  id: number;
  email: string;
  /** Cookie and CSRF headers of a live session of this user. */
  headers: Record<string, string>;
}

/**
 * A user with the given roles and a live session, written straight into the database (the
 * sign-in route itself is tested in tests/routes/auth.test.ts).
 */
export async function createTestUser(
  db: Db,
  options: { email: string; cookieName: string; now: number; memberships?: Array<{ campusId: number; role: Role; schoolId?: number | null }> },
): Promise<TestUser> {
  const repos = createRepositories(db);
  const user = repos.users.insert({ email: options.email, name: options.email.split('@')[0]!, passwordHash: await testPasswordHash(), createdAt: options.now, updatedAt: options.now });
  for (const m of options.memberships ?? []) {
    repos.users.addMembership({ userId: user.id, campusId: m.campusId, role: m.role, schoolId: m.schoolId ?? null, createdAt: options.now });
  }
  const { token, session } = startSession({ repos, clock: () => options.now }, user, { idleMs: ONE_WEEK, absoluteMs: ONE_WEEK }, { userAgent: 'vitest', ip: '127.0.0.1' });
  return { id: user.id, email: user.email, headers: { cookie: `${options.cookieName}=${token}`, 'x-csrf-token': session.csrfToken } };
}

/** A clock a test moves by hand: call it for the time, advance() to let time pass. */
export interface MovableClock {
  (): number;
  now: number;
  advance: (ms: number) => void;
}

export function movableClock(start: number): MovableClock {
  const clock = (() => clock.now) as MovableClock;
  clock.now = start;
  clock.advance = (ms) => {
    clock.now += ms;
  };
  return clock;
}

export interface OwnApp {
  app: FastifyInstance;
  db: Db;
  close: () => Promise<void>;
}

/** The real app over a fresh in-memory database, with the settings (over NODE_ENV=test) and the clock a test needs. */
export async function buildAppWith(options: { clock: Clock; config?: Partial<Config> }): Promise<OwnApp> {
  const db = openDatabase(':memory:');
  const app = await buildApp({ config: { ...readConfig({ NODE_ENV: 'test' }), ...options.config }, db, clock: options.clock });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      db.$client.close();
    },
  };
}

export interface SignInReply {
  status: number;
  contentType: string;
  body: any;
  raw: string;
  headers: Record<string, unknown>;
  /** The session cookie the answer sets, parsed (undefined when none is set). */
  cookie: { value: string; path?: string; httpOnly?: boolean; secure?: boolean; sameSite?: string; maxAge?: number; domain?: string } | undefined;
  /** Every Set-Cookie header line as sent. */
  setCookie: string[];
  /** Cookie and CSRF headers of the session started (empty when none). */
  session: Record<string, string>;
}

/** POST /api/auth/login through the real route (argon2 and all). */
export async function signIn(
  app: FastifyInstance,
  body: unknown,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
): Promise<SignInReply> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: body as object,
    headers: options.headers ?? {},
    ...(options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress }),
  });
  const name = app.sessionCookie.name;
  const cookie = res.cookies.find((c) => c.name === name);
  const raw = res.headers['set-cookie'];
  const setCookie = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  const parsed = /json/.test(String(res.headers['content-type'])) ? JSON.parse(res.body) : res.body;
  const session: Record<string, string> = cookie && res.statusCode === 200 ? { cookie: `${name}=${cookie.value}`, 'x-csrf-token': parsed.csrfToken } : {};
  return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: parsed, raw: res.body, headers: res.headers, cookie: cookie as SignInReply['cookie'], setCookie, session };
}
