import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.js';
import type { TestUser } from '../helpers/session.js';
import { book, bookingBody, connect, eventIds, http, listen, seed, type ConnectOptions, type EventMessage, type Listening, type LiveSocket, type Seeded } from './helpers.js';

/**
 * The live stream over real sockets: what a screen receives when people change things over
 * HTTP, under concurrent writers, across a dropped connection and after the log was pruned.
 */

let db: Db;
let server: Listening;
let s: Seeded;
const sockets: LiveSocket[] = [];

beforeEach(async () => {
  db = openDatabase(':memory:');
  server = await listen(db);
  s = await seed(db, server.app.sessionCookie.name, 5);
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  db.$client.close();
});

async function open(as: TestUser, options: ConnectOptions = {}): Promise<LiveSocket> {
  const socket = await connect(server, s.campusId, as, options);
  sockets.push(socket);
  return socket;
}

const hello = (socket: LiveSocket) => socket.until(() => socket.messages.find((m) => m.type === 'hello' || m.type === 'resync'), 'hello');
const ids = (events: EventMessage[]) => events.map((e) => e.id);

describe('the stream', () => {
  it('opens with hello {lastId} (the latest event of the campus)', async () => {
    const socket = await open(s.viewer);
    expect(await hello(socket)).toEqual({ type: 'hello', lastId: Math.max(...eventIds(db, s.campusId)) });
    expect(socket.messages).toHaveLength(1);
  });

  it('a booking created over HTTP arrives as one event once the 201 is in', async () => {
    const socket = await open(s.viewer);
    await hello(socket);
    const res = await http(server.base, 'POST', `/api/campuses/${s.campusId}/bookings`, s.leads[1]!, bookingBody(s, 0, 1));
    expect(res.status).toBe(201);
    const [event] = await socket.until(() => socket.events.length > 0 && socket.events, 'the booking event');
    expect(event).toMatchObject({ type: 'event', action: 'booking.create', entityType: 'booking', entityId: res.body.id, schoolId: s.schools[1], data: { spaceId: s.auditorium, title: 'Live 0' } });
    expect(event!.id).toBe(Math.max(...eventIds(db, s.campusId)));
    expect(new Date(event!.at).toISOString()).toBe(event!.at);
  });

  it('changes, cancellations and other campuses: each change of this campus once, in order', async () => {
    const socket = await open(s.leads[0]!);
    const { lastId } = (await hello(socket)) as { lastId: number };
    const id = await book(server.base, s, 1);
    const cancel = await http(server.base, 'DELETE', `/api/bookings/${id}`, s.leads[0]!);
    expect(cancel.status).toBe(200);
    const refused = await http(server.base, 'POST', `/api/campuses/${s.campusId}/bookings`, s.leads[0]!, bookingBody(s, 1, 1));
    expect(refused.status).toBe(403); // not lead of school 1: nothing written, nothing sent
    const expected = eventIds(db, s.campusId, lastId);
    expect(expected).toHaveLength(2);
    const events = await socket.eventsThrough(expected.at(-1)!);
    expect(events.map((e) => [e.id, e.action, e.entityId])).toEqual([
      [expected[0], 'booking.create', id],
      [expected[1], 'booking.cancel.series', id],
    ]);
  });
});

describe('order and completeness under concurrent writers', () => {
  it('30 bookings made at once by 5 leads reach every client exactly once, ids strictly increasing, no gap against the events table', async () => {
    const clients = await Promise.all([s.viewer, s.leads[0]!, s.leads[3]!, s.viewer].map((as) => open(as)));
    const start = Math.min(...((await Promise.all(clients.map(hello))) as Array<{ lastId: number }>).map((h) => h.lastId));
    const created = await Promise.all(Array.from({ length: 30 }, (_, n) => book(server.base, s, n, n % 5)));
    const table = eventIds(db, s.campusId, start);
    expect(table).toHaveLength(30);
    for (const client of clients) {
      const events = await client.eventsThrough(table.at(-1)!);
      expect(ids(events)).toEqual(table);
      expect(events.every((e) => e.action === 'booking.create')).toBe(true);
      expect(events.map((e) => e.entityId).sort((a, b) => a! - b!)).toEqual([...created].sort((a, b) => a - b));
    }
    // Nothing arrives later: once more traffic passes, still exactly these before it.
    const marker = await book(server.base, s, 99);
    for (const client of clients) {
      const events = await client.until(() => client.events.some((e) => e.entityId === marker) && client.events, 'marker');
      expect(events).toHaveLength(31);
    }
  });
});

describe('resume after a dropped connection', () => {
  it('reconnecting with ?after=<last id> gives exactly the missed events, in order, then live ones', async () => {
    const first = await open(s.viewer);
    await hello(first);
    await book(server.base, s, 0);
    const [seen] = await first.until(() => first.events.length === 1 && first.events, 'first event');
    await first.close();
    const missed = [await book(server.base, s, 1, 1), await book(server.base, s, 2, 2)];
    const cancelled = await http(server.base, 'DELETE', `/api/bookings/${missed[0]}`, s.leads[1]!);
    expect(cancelled.status).toBe(200);
    const expected = eventIds(db, s.campusId, seen!.id);
    expect(expected).toHaveLength(3);

    const again = await open(s.viewer, { after: seen!.id });
    const replay = await again.eventsThrough(expected.at(-1)!);
    expect(again.messages[0]).toEqual({ type: 'hello', lastId: expected.at(-1) });
    expect(replay.map((e) => [e.id, e.action, e.entityId])).toEqual([
      [expected[0], 'booking.create', missed[0]],
      [expected[1], 'booking.create', missed[1]],
      [expected[2], 'booking.cancel.series', missed[0]],
    ]);
    const live = await book(server.base, s, 3);
    const all = await again.until(() => again.events.some((e) => e.entityId === live) && again.events, 'live event');
    expect(ids(all)).toEqual(eventIds(db, s.campusId, seen!.id));
  });

  it('reconnecting with the latest id replays nothing', async () => {
    const first = await open(s.viewer);
    const { lastId } = (await hello(first)) as { lastId: number };
    const again = await open(s.viewer, { after: lastId });
    await hello(again);
    const id = await book(server.base, s, 5);
    const events = await again.until(() => again.events.length > 0 && again.events, 'event');
    expect(events.map((e) => e.entityId)).toEqual([id]);
  });
});

describe('resynchronise when too far behind', () => {
  async function history(n: number): Promise<number[]> {
    for (let i = 0; i < n; i++) await book(server.base, s, 10 + i);
    return eventIds(db, s.campusId);
  }
  const prune = (throughId: number) => db.$client.prepare('delete from events where id <= ?').run(throughId);

  it('an id older than the oldest kept is told to resync {lastId}, then gets live events', async () => {
    const all = await history(4);
    prune(all.at(-2)!);
    const socket = await open(s.viewer, { after: all[0]! });
    expect(await hello(socket)).toEqual({ type: 'resync', lastId: all.at(-1), reason: expect.any(String) });
    expect(socket.events).toEqual([]);
    const id = await book(server.base, s, 30);
    const events = await socket.until(() => socket.events.length > 0 && socket.events, 'event after resync');
    expect(events.map((e) => e.entityId)).toEqual([id]);
  });

  it('an id right before the oldest kept is resumed, not resynchronised', async () => {
    const all = await history(4);
    prune(all.at(-3)!);
    const socket = await open(s.viewer, { after: all.at(-3)! });
    expect(await hello(socket)).toMatchObject({ type: 'hello' });
    expect(ids(await socket.eventsThrough(all.at(-1)!))).toEqual(all.slice(-2));
  });

  it('an id newer than any event is told to resync', async () => {
    const all = await history(1);
    const socket = await open(s.viewer, { after: all.at(-1)! + 1_000 });
    expect(await hello(socket)).toMatchObject({ type: 'resync', lastId: all.at(-1) });
  });

  it('ids are never reused after the whole log is pruned (a resumed client would miss the new ones)', async () => {
    const all = await history(2);
    prune(all.at(-1)!);
    await book(server.base, s, 40);
    expect(eventIds(db, s.campusId)[0]).toBeGreaterThan(all.at(-1)!);
  });
});
