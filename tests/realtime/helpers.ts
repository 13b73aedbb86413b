import type { Socket } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import type { Config } from '../../server/config.js';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { systemActor } from '../../server/domain/actor.js';
import { fixedClock } from '../../server/domain/clock.js';
import type { ServerMessage } from '../../server/realtime/messages.js';
import { createCampus } from '../../server/usecases/campuses.js';
import { createSchool } from '../../server/usecases/schools.js';
import { createSpace } from '../../server/usecases/spaces.js';
import { DEFAULT_NOW, testConfig } from '../helpers/app.js';
import { createTestUser, type TestUser } from '../helpers/session.js';

/**
 * Real sockets for the live endpoint: an app listening on loopback, a campus written straight
 * into its database, people with sessions, and a `ws` client that keeps every frame it receives.
 */

export type EventMessage = Extract<ServerMessage, { type: 'event' }>;
export const WAIT_MS = 15_000;

export interface Listening {
  app: FastifyInstance;
  base: string;
  origin: string;
  /** Ends leftover server-side connections (a refused upgrade may leave one), then closes the app. */
  close: () => Promise<void>;
}

export async function listen(db: Db, config: Partial<Config> = {}, now = DEFAULT_NOW): Promise<Listening> {
  const app = await buildApp({ config: { ...testConfig(), livePollMs: 50, ...config }, db, clock: fixedClock(now) });
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  return {
    app,
    base,
    origin: base,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await app.close();
    },
  };
}

export interface Seeded {
  campusId: number;
  otherCampusId: number;
  schools: number[];
  auditorium: number;
  /** One lead per school (leads[i] books for schools[i]). */
  leads: TestUser[];
  viewer: TestUser;
  /** Viewer of the other campus only: no role on campusId. */
  outsider: TestUser;
}

export async function seed(db: Db, cookieName: string, schoolCount = 3, now = DEFAULT_NOW): Promise<Seeded> {
  const ctx = { repos: createRepositories(db), clock: fixedClock(now), actor: systemActor };
  const year = { timeZone: 'America/Los_Angeles', yearStart: '2026-08-17', yearEnd: '2027-06-11' };
  const campus = createCampus(ctx, { name: 'Live Campus', ...year });
  const other = createCampus(ctx, { name: 'Other Campus', ...year });
  const schools = Array.from({ length: schoolCount }, (_, i) => createSchool(ctx, campus.id, { name: `School ${i}`, locationCode: `L${i}`, kind: 'slc', enrollment: 300 }).id);
  const auditorium = createSpace(ctx, campus.id, { name: 'Auditorium', kind: 'auditorium', capacity: 600, parentId: null, setupMinutes: 0, teardownMinutes: 0, openHours: null }).id;
  const user = (email: string, memberships: Parameters<typeof createTestUser>[1]['memberships']) => createTestUser(db, { email, cookieName, now, memberships });
  const leads: TestUser[] = [];
  for (const [i, schoolId] of schools.entries()) leads.push(await user(`lead${i}@live.test`, [{ campusId: campus.id, role: 'lead', schoolId }]));
  const viewer = await user('viewer@live.test', [{ campusId: campus.id, role: 'viewer' }]);
  const outsider = await user('outsider@live.test', [{ campusId: other.id, role: 'viewer' }]);
  return { campusId: campus.id, otherCampusId: other.id, schools, auditorium, leads, viewer, outsider };
}

/** The nth distinct one-hour slot of the auditorium (never conflicting with another n). */
export function bookingBody(s: Seeded, n: number, school = 0) {
  const day = new Date(Date.UTC(2026, 9, 1) + Math.floor(n / 10) * 86_400_000).toISOString().slice(0, 10);
  const hour = String(8 + (n % 10)).padStart(2, '0');
  return { spaceId: s.auditorium, schoolId: s.schools[school]!, title: `Live ${n}`, attendees: 50, start: `${day}T${hour}:00`, end: `${day}T${hour}:45` };
}

export async function http(base: string, method: string, path: string, as: TestUser, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...as.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
}

/** Books slot n as the lead of school `school`; throws unless 201. Returns the booking id. */
export async function book(base: string, s: Seeded, n: number, school = 0): Promise<number> {
  const res = await http(base, 'POST', `/api/campuses/${s.campusId}/bookings`, s.leads[school]!, bookingBody(s, n, school));
  if (res.status !== 201) throw new Error(`booking ${n} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id as number;
}

/** Ids of the campus's events above afterId, as the events table holds them. */
export function eventIds(db: Db, campusId: number, afterId = 0): number[] {
  return (db.$client.prepare('select id from events where campus_id = ? and id > ? order by id').all(campusId, afterId) as Array<{ id: number }>).map((r) => r.id);
}

/** A ws client that records every frame; wait for what you expect with until(). */
export class LiveSocket {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  pings = 0;
  private readonly waiters = new Set<() => void>();

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      this.wake();
    });
    ws.on('ping', () => {
      this.pings += 1;
      this.wake();
    });
    ws.on('error', () => {});
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      this.wake();
    }));
  }

  get events(): EventMessage[] {
    return this.messages.filter((m): m is EventMessage => m.type === 'event');
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Resolves with check()'s first truthy answer, re-asked at every frame, ping and close. */
  until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = WAIT_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined || value === null || value === false) return false;
        clearTimeout(timer);
        this.waiters.delete(attempt);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(attempt);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages.slice(-5))}`));
      }, timeoutMs);
      if (!attempt()) this.waiters.add(attempt);
    });
  }

  /** Waits until the events received include ids through lastId. */
  eventsThrough(lastId: number): Promise<EventMessage[]> {
    return this.until(() => this.events.some((e) => e.id >= lastId) && this.events, `event ${lastId}`);
  }

  close(): Promise<unknown> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    this.ws.terminate();
    return this.closed;
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export interface ConnectOptions {
  after?: number;
  origin?: string | null;
  autoPong?: boolean;
}

export function liveUrl(base: string, campusId: number, after?: number): string {
  return `${base.replace(/^http/, 'ws')}/api/campuses/${campusId}/live${after === undefined ? '' : `?after=${after}`}`;
}

/** Opens a live connection; resolves once open (frames are recorded from the first one). */
export function connect(server: Listening, campusId: number, as: TestUser | null, options: ConnectOptions = {}): Promise<LiveSocket> {
  const headers: Record<string, string> = {};
  if (as) headers.cookie = as.headers.cookie!;
  const origin = options.origin === undefined ? server.origin : options.origin;
  if (origin !== null) headers.origin = origin;
  const ws = new WebSocket(liveUrl(server.base, campusId, options.after), { headers, autoPong: options.autoPong ?? true });
  const socket = new LiveSocket(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      reject(new Error(`upgrade refused with ${res.statusCode}`));
    });
    ws.once('error', reject);
  });
}

export interface Refusal {
  status: number;
  contentType: string;
  body: any;
  /** Resolves true when the server closes the connection after answering, false after waitMs. */
  serverClosed: (waitMs?: number) => Promise<boolean>;
}

/** An upgrade the server is expected to refuse: its HTTP status and problem body. */
export function refusal(server: Listening, campusId: number | string, headers: Record<string, string>, query = ''): Promise<Refusal> {
  const ws = new WebSocket(`${server.base.replace(/^http/, 'ws')}/api/campuses/${campusId}/live${query}`, { headers });
  ws.on('error', () => {});
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('unexpected-response', (req, res) => {
      const socket = req.socket!;
      let ended = false;
      socket.once('end', () => (ended = true));
      socket.once('close', () => (ended = true));
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (raw += chunk));
      res.on('end', () => {
        const contentType = String(res.headers['content-type'] ?? '');
        resolve({
          status: res.statusCode ?? 0,
          contentType,
          body: /json/.test(contentType) ? JSON.parse(raw) : raw,
          serverClosed: (waitMs = 3000) =>
            new Promise<boolean>((done) => {
              if (ended || socket.destroyed) return done(true);
              const timer = setTimeout(() => {
                socket.destroy();
                done(false);
              }, waitMs);
              const finish = () => {
                clearTimeout(timer);
                socket.destroy();
                done(true);
              };
              socket.once('end', finish);
              socket.once('close', finish);
            }),
        });
      });
    });
  });
}

/** A listening app over a fresh database with a seeded campus, and the sockets a test opened. */
export interface LiveWorld {
  db: Db;
  server: Listening;
  s: Seeded;
  /** Closed after each test. */
  sockets: LiveSocket[];
}

/** Registers the per-test set-up and tear-down of a LiveWorld; its fields are fresh in every test. */
export function useLiveWorld(config: Partial<Config> = {}): LiveWorld {
  const world = { sockets: [] } as unknown as LiveWorld;
  beforeEach(async () => {
    world.db = openDatabase(':memory:');
    world.server = await listen(world.db, config);
    world.s = await seed(world.db, world.server.app.sessionCookie.name);
  });
  afterEach(async () => {
    await Promise.all(world.sockets.splice(0).map((socket) => socket.close()));
    await world.server.close();
    world.db.$client.close();
  });
  return world;
}
