import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { CLOSE_TOO_SLOW } from '../../server/realtime/hub.js';
import { MAX_BUFFERED_BYTES } from '../../server/routes/live/live.routes.js';
import { DEFAULT_NOW } from '../helpers/app.js';
import { book, connect, eventIds, listen, seed, type Listening, type LiveSocket, type Seeded } from './helpers.js';

/** Clients that stop reading, and clients that stop answering. */

let db: Db;
let server: Listening;
let s: Seeded;
const sockets: LiveSocket[] = [];

async function start(config: Parameters<typeof listen>[1] = {}): Promise<void> {
  db = openDatabase(':memory:');
  server = await listen(db, config);
  s = await seed(db, server.app.sessionCookie.name);
}

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  db.$client.close();
});

async function open(as = s.viewer, autoPong = true): Promise<LiveSocket> {
  const socket = await connect(server, s.campusId, as, { autoPong });
  sockets.push(socket);
  await socket.until(() => socket.messages[0], 'hello');
  return socket;
}

describe('backpressure', () => {
  /*
   * Over loopback a client that stops reading is first absorbed by the kernel's socket buffers
   * (several MiB), and only then does the server's own send buffer grow. Booking events are a
   * few hundred bytes, so reaching the 1 MiB bound with them would take tens of thousands of
   * bookings; instead events with 64 KiB summaries are appended to the log directly (as another
   * process would write them) and picked up by the poll. They come in rounds of 512 KiB: the
   * readers drain each round before the next, so only the paused client ever falls behind.
   */
  it('a client that stops reading is dropped with 4008; the others get every event and carry on', async () => {
    await start();
    const readers = [await open(s.viewer), await open(s.leads[0]!)];
    const slow = await open(s.leads[1]!);
    const tcp = (slow.ws as unknown as { _socket: Socket })._socket;
    tcp.pause();
    const events = createRepositories(db).events;
    const summary = { spaceId: null, title: 'x'.repeat(64 * 1024) };
    let rounds = 0;
    while (server.app.liveHub.subscriberCount() === 3) {
      if (++rounds > 400) throw new Error('200 MiB sent and the paused client was never dropped');
      for (let i = 0; i < 8; i++) events.append({ campusId: s.campusId, at: DEFAULT_NOW, action: 'space.update', entityType: 'space', entityId: s.auditorium, schoolId: null, data: summary });
      const latest = eventIds(db, s.campusId).at(-1)!;
      await Promise.all(readers.map((reader) => reader.eventsThrough(latest)));
    }
    expect(rounds).toBeGreaterThan(Math.floor(MAX_BUFFERED_BYTES / (512 * 1024))); // it did have to fall behind

    // The others carry on: a booking made now reaches them, after everything before it, in order.
    const id = await book(server.base, s, 0);
    for (const reader of readers) {
      const received = await reader.until(() => reader.events.some((e) => e.entityId === id && e.action === 'booking.create') && reader.events, 'booking');
      expect(received.map((e) => e.id)).toEqual(eventIds(db, s.campusId, (reader.messages[0] as { lastId: number }).lastId));
      expect(reader.isOpen).toBe(true);
    }
    // The slow one, once it reads again, finds what was queued for it and then the close: 4008.
    tcp.resume();
    expect((await slow.closed).code).toBe(CLOSE_TOO_SLOW);
    expect(slow.events.some((e) => e.entityId === id && e.action === 'booking.create')).toBe(false);
    const ids = slow.events.map((e) => e.id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  });
});

describe('heartbeats', () => {
  it('with a 1 s heartbeat, a client that does not answer pings is terminated; one that answers stays', async () => {
    await start({ liveHeartbeatSeconds: 1 });
    const mute = await open(s.viewer, false);
    const normal = await open(s.leads[0]!);
    const { code } = await mute.closed;
    expect(code).toBe(1006); // terminated, no close frame
    expect(mute.pings).toBeGreaterThanOrEqual(1);
    // Survives further rounds of pings after the mute one was dropped…
    const pingsAtDrop = normal.pings;
    await normal.until(() => normal.pings >= pingsAtDrop + 2, 'two more pings');
    expect(normal.isOpen).toBe(true);
    expect(server.app.liveSockets.size).toBe(1);
    // …and still receives what happens.
    const id = await book(server.base, s, 1);
    await normal.until(() => normal.events.some((e) => e.entityId === id), 'event after heartbeats');
  });

  it('a dropped client leaves the hub and the socket list', async () => {
    await start({ liveHeartbeatSeconds: 1 });
    const mute = await open(s.viewer, false);
    mute.send({ type: 'presence', screen: 'calendar' });
    await mute.until(() => mute.messages.some((m) => m.type === 'presence'), 'own presence');
    const watcher = await open(s.leads[0]!);
    await mute.closed;
    const presence = await watcher.until(() => watcher.messages.find((m) => m.type === 'presence' && m.screen === 'calendar'), 'leave');
    expect(presence).toEqual({ type: 'presence', screen: 'calendar', people: [] });
    expect(server.app.liveHub.subscriberCount()).toBe(1);
    expect(server.app.liveHub.peopleOn(s.campusId, 'calendar')).toEqual([]);
  });
});
