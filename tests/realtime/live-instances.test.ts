import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { book, connect, eventIds, http, listen, seed, type Listening, type LiveSocket, type Seeded } from './helpers.js';

/**
 * Two app instances over the same SQLite file, as two server processes would be: a change made
 * through one reaches the screens connected to the other (the hub polls the events table).
 */

let dir: string;
let dbs: Db[];
let servers: Listening[];
let s: Seeded;
const sockets: LiveSocket[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'commons-live-'));
  const path = join(dir, 'commons.db');
  dbs = [openDatabase(path), openDatabase(path)];
  servers = [await listen(dbs[0]!), await listen(dbs[1]!)];
  s = await seed(dbs[0]!, servers[0]!.app.sessionCookie.name, 4);
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  for (const server of servers) await server.close();
  for (const db of dbs) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(server: Listening, as = s.viewer, after?: number): Promise<LiveSocket> {
  const socket = await connect(server, s.campusId, as, after === undefined ? {} : { after });
  sockets.push(socket);
  await socket.until(() => socket.messages[0], 'hello');
  return socket;
}

describe('another app instance on the same database file', () => {
  it('a booking made through the second instance reaches subscribers of the first via the poll', async () => {
    const [first, second] = servers as [Listening, Listening];
    const socket = await open(first);
    const res = await http(second.base, 'POST', `/api/campuses/${s.campusId}/bookings`, s.leads[2]!, { spaceId: s.auditorium, schoolId: s.schools[2], title: 'From B', attendees: 10, start: '2026-11-03T09:00', end: '2026-11-03T10:00' });
    expect(res.status).toBe(201);
    const [event] = await socket.until(() => socket.events.length > 0 && socket.events, 'event from the other instance');
    expect(event).toMatchObject({ action: 'booking.create', entityId: res.body.id, data: { title: 'From B' } });
  });

  it('writers on both instances at once: every client on either instance gets every event once, in id order, no gap', async () => {
    const clients = [await open(servers[0]!), await open(servers[0]!, s.leads[0]!), await open(servers[1]!), await open(servers[1]!, s.leads[1]!)];
    const start = Math.max(...clients.map((c) => (c.messages[0] as { lastId: number }).lastId));
    const created = await Promise.all(Array.from({ length: 24 }, (_, n) => book(servers[n % 2]!.base, s, n, n % 4)));
    const table = eventIds(dbs[0]!, s.campusId, start);
    expect(table).toHaveLength(24);
    for (const client of clients) {
      const events = await client.eventsThrough(table.at(-1)!);
      expect(events.map((e) => e.id)).toEqual(table);
      expect(new Set(events.map((e) => e.entityId))).toEqual(new Set(created));
    }
  });

  it('a client resumes on the other instance from the id it saw on the first', async () => {
    const [first, second] = servers as [Listening, Listening];
    const before = await open(first);
    await book(first.base, s, 0);
    const [seen] = await before.until(() => before.events.length === 1 && before.events, 'first event');
    await before.close();
    const missed = [await book(first.base, s, 1, 1), await book(second.base, s, 2, 2)];
    const after = await open(second, s.viewer, seen!.id);
    const events = await after.eventsThrough(eventIds(dbs[1]!, s.campusId).at(-1)!);
    expect(events.map((e) => e.entityId)).toEqual(missed);
  });
});
