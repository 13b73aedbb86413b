import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { systemActor } from '../../server/domain/actor.js';
import { systemClock } from '../../server/system-clock.js';
import { createCampus } from '../../server/usecases/campuses.js';
import { createSchool } from '../../server/usecases/schools.js';
import { createSpace } from '../../server/usecases/spaces.js';
import { testConfig } from '../helpers/app.js';
import { createTestUser, type TestUser } from '../helpers/session.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/**
 * "Never double-book", proved with real concurrency: real sockets into one server, and two
 * server processes writing the same SQLite file. The slot is the same for every request; the
 * database must end with exactly one booking holding it and every loser told 409, never 500.
 */

function seedCampus(db: Db) {
  const ctx = { repos: createRepositories(db), clock: systemClock, actor: systemActor };
  const campus = createCampus(ctx, { name: 'Race Campus', timeZone: 'America/Los_Angeles', yearStart: '2026-08-17', yearEnd: '2027-06-11' });
  const schools = Array.from({ length: 5 }, (_, i) => createSchool(ctx, campus.id, { name: `School ${i}`, locationCode: `R${i}`, kind: 'slc', enrollment: 350 }));
  const auditorium = createSpace(ctx, campus.id, { name: 'Auditorium', kind: 'auditorium', capacity: 600, parentId: null, setupMinutes: 30, teardownMinutes: 30, openHours: null });
  return { campus, schools, auditorium };
}

/** One lead per school, each with a live session in the shared database. */
function leadsOf(db: Db, fixture: ReturnType<typeof seedCampus>): Promise<TestUser[]> {
  return Promise.all(
    fixture.schools.map((school, i) =>
      createTestUser(db, { email: `lead${i}@race.test`, cookieName: testConfig().cookieSecure ? '__Host-commons_session' : 'commons_session', now: Date.now(), memberships: [{ campusId: fixture.campus.id, role: 'lead', schoolId: school.id }] }),
    ),
  );
}

function bookingBody(spaceId: number, schoolId: number, i: number) {
  // Every request asks for the same Tuesday-evening weekly series, slightly shifted, so all overlap.
  const minute = String(i % 30).padStart(2, '0');
  return { spaceId, schoolId, title: `Family night ${i}`, attendees: 200, start: `2026-12-01T18:${minute}`, end: `2026-12-01T20:${minute}`, rrule: 'FREQ=WEEKLY;COUNT=10' };
}

async function post(url: string, body: unknown, as: TestUser): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...as.headers }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

function statusCounts(statuses: number[]): Record<number, number> {
  return statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
}

function activeOccurrencesIn(db: Db, spaceId: number): number {
  return (db.$client.prepare(`select count(*) as n from occurrences where space_id = ? and status = 'active'`).get(spaceId) as { n: number }).n;
}

describe('50 simultaneous requests over real sockets for one slot', () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let fixture: ReturnType<typeof seedCampus>;
  let leads: TestUser[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'commons-race-'));
    db = openDatabase(join(dir, 'commons.db'));
    fixture = seedCampus(db);
    leads = await leadsOf(db, fixture);
    app = await buildApp({ config: testConfig(), db });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives exactly one 201 and forty-nine 409s, and stores one series', async () => {
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    const url = `http://127.0.0.1:${address.port}/api/campuses/${fixture.campus.id}/bookings`;
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(url, bookingBody(fixture.auditorium.id, fixture.schools[i % 5]!.id, i), leads[i % 5]!)),
    );
    expect(statusCounts(statuses)).toEqual({ 201: 1, 409: 49 });
    expect(activeOccurrencesIn(db, fixture.auditorium.id)).toBe(10);
  });
});

describe('two server processes on one database file', () => {
  let dir: string;
  let servers: ServerProcess[] = [];
  let fixture: ReturnType<typeof seedCampus>;
  let leads: TestUser[];
  let databasePath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'commons-race2-'));
    databasePath = join(dir, 'commons.db');
    const db = openDatabase(databasePath);
    fixture = seedCampus(db);
    leads = await leadsOf(db, fixture);
    db.$client.close();
    // One after the other so that the migrations run once; the race is in the requests.
    servers = [await startServerProcess(databasePath)];
    servers.push(await startServerProcess(databasePath));
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one of them win the slot', async () => {
    // A third writer holds the lock while the requests arrive, then commits an unrelated change:
    // both servers pile up on the lock at once, and any check made on a stale snapshot would fail.
    const blocker = openDatabase(databasePath);
    blocker.$client.exec('BEGIN IMMEDIATE');
    blocker.$client.prepare(`update campuses set name = 'Race Campus (renamed)' where id = ?`).run(fixture.campus.id);
    const requests = Array.from({ length: 40 }, (_, i) => {
      const server = servers[i % 2]!;
      return post(`${server.url}/api/campuses/${fixture.campus.id}/bookings`, bookingBody(fixture.auditorium.id, fixture.schools[i % 5]!.id, i), leads[i % 5]!);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    blocker.$client.exec('COMMIT');
    blocker.$client.close();
    const statuses = await Promise.all(requests);
    expect(statusCounts(statuses)).toEqual({ 201: 1, 409: 39 });

    const db = openDatabase(databasePath);
    try {
      expect(activeOccurrencesIn(db, fixture.auditorium.id)).toBe(10);
      expect((db.$client.prepare('select count(*) as n from bookings').get() as { n: number }).n).toBe(1);
    } finally {
      db.$client.close();
    }
  });
});
