import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { book, connect, eventIds, http, listen, seed, type Listening, type LiveSocket, type Seeded } from '../realtime/helpers.js';
import type { TestUser } from '../helpers/session.js';
import { ControlledTimers, Recorded, eventually } from './support.js';

/** The browser's live client (web/src/live/live-client.ts) in Node, against a real server over real sockets. */

const STABLE_MS = 5_000;
let db: Db;
let server: Listening;
let s: Seeded;
const clients: Recorded[] = [];
const sockets: LiveSocket[] = [];

beforeEach(async () => {
  db = openDatabase(':memory:');
  server = await listen(db);
  s = await seed(db, server.app.sessionCookie.name);
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.client.close();
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await server.close();
  db.$client.close();
});

function client(as: TestUser, options: { lastId?: number; timers?: ControlledTimers; random?: () => number; backoff?: { initialMs: number; maxMs: number } } = {}): Recorded {
  const timers = options.timers ?? new ControlledTimers(STABLE_MS);
  const c = new Recorded(server, as, { campusId: s.campusId, lastId: options.lastId ?? null, timers, random: options.random ?? (() => 0.5), backoff: { initialMs: 20, maxMs: 200, ...options.backoff, stableMs: STABLE_MS } });
  clients.push(c);
  return c;
}

const latest = () => eventIds(db, s.campusId).at(-1)!;
/** Ends every live connection from the server's side (the client sees 1006). */
const dropAll = () => server.app.liveSockets.forEach((_, socket) => socket.terminate());

describe('LiveClient against the server', () => {
  it('opens on ws://host/api/campuses/:id/live, signals the initial load, then passes on each event', async () => {
    const c = client(s.viewer);
    const [initial] = await eventually(() => c.resyncs.length > 0 && c.resyncs, 'initial resync');
    expect(initial).toEqual({ lastId: latest(), cause: 'initial', reason: expect.any(String) });
    expect(c.urls).toEqual([`ws://${new URL(server.base).host}/api/campuses/${s.campusId}/live`]);
    const id = await book(server.base, s, 0);
    const [event] = await eventually(() => c.events.length > 0 && c.events, 'event');
    expect(event).toMatchObject({ type: 'event', id: latest(), action: 'booking.create', entityType: 'booking', entityId: id });
    expect(c.client.lastId).toBe(latest());
  });

  it('after the server drops it: waits (backoff), reconnects with ?after=<last id>, and resumes without gap or duplicate', async () => {
    const timers = new ControlledTimers(STABLE_MS);
    const c = client(s.viewer, { timers });
    await eventually(() => c.resyncs.length > 0, 'initial resync');
    const start = c.client.lastId!;
    await book(server.base, s, 0);
    const seen = await eventually(() => c.events[0], 'first event');
    timers.holdRetries = true;
    dropAll();
    const wait = await eventually(() => c.waits[0], 'waiting to reconnect');
    expect(wait).toMatchObject({ attempt: 1, closeCode: 1006 });
    expect(wait.delayMs).toBeLessThanOrEqual(20);
    const missed = [await book(server.base, s, 1, 1), await book(server.base, s, 2, 2)];
    expect((await http(server.base, 'DELETE', `/api/bookings/${missed[1]}`, s.leads[2]!)).status).toBe(200);
    timers.releaseRetries();
    await eventually(() => c.events.length === 4 && c.events, 'the three missed events');
    expect(c.urls[1]).toMatch(new RegExp(`/live\\?after=${seen.id}$`));
    const live = await book(server.base, s, 3);
    await eventually(() => c.events.some((e) => e.entityId === live), 'a live event after the resume');
    expect(c.events.map((e) => e.id)).toEqual(eventIds(db, s.campusId, start));
    expect(c.events.map((e) => [e.action, e.entityId])).toEqual([
      ['booking.create', seen.entityId],
      ['booking.create', missed[0]],
      ['booking.create', missed[1]],
      ['booking.cancel.series', missed[1]],
      ['booking.create', live],
    ]);
    expect(c.resyncs).toHaveLength(1); // a plain drop is resumed, not resynchronised
  });

  it('backs off exponentially with full jitter up to the cap while it is refused', async () => {
    const c = client(s.outsider, { random: () => 0.5, backoff: { initialMs: 40, maxMs: 320 } }); // 403 every time
    await eventually(() => c.waits.length >= 7, 'seven retries');
    expect(c.waits.slice(0, 7).map((w) => w.delayMs)).toEqual([20, 40, 80, 160, 160, 160, 160]);
    expect(c.opens).toBe(0);
    expect(c.events).toEqual([]);
  });

  it('resets the backoff once a connection has stayed up', async () => {
    const timers = new ControlledTimers(STABLE_MS);
    timers.holdStable = true;
    const c = client(s.viewer, { timers, random: () => 0.999, backoff: { initialMs: 40, maxMs: 10_000 } });
    for (let drops = 1; drops <= 3; drops++) {
      await eventually(() => c.opens === drops && server.app.liveSockets.size === 1, `connection ${drops}`);
      dropAll();
      await eventually(() => c.waits.length === drops, `drop ${drops}`);
    }
    expect(c.waits.map((w) => w.delayMs)).toEqual([39, 79, 159]); // not stable yet: growing
    await eventually(() => c.opens === 4, 'connection 4');
    timers.releaseStable(); // this one counts as stable
    expect(timers.stableFired).toBeGreaterThan(0);
    dropAll();
    await eventually(() => c.waits.length === 4, 'drop 4');
    expect(c.waits[3]!.delayMs).toBe(39);
  });

  it("a client whose last id is no longer kept is told to resync, then gets what follows", async () => {
    for (let n = 0; n < 3; n++) await book(server.base, s, n);
    const all = eventIds(db, s.campusId);
    db.$client.prepare('delete from events where id <= ?').run(all.at(-2)!);
    const c = client(s.viewer, { lastId: all[0]! });
    const [signal] = await eventually(() => c.resyncs.length > 0 && c.resyncs, 'resync');
    expect(signal).toEqual({ lastId: all.at(-1), cause: 'server', reason: expect.any(String) });
    expect(c.urls[0]).toMatch(new RegExp(`\\?after=${all[0]}$`));
    const id = await book(server.base, s, 9);
    await eventually(() => c.events.length > 0, 'event after resync');
    expect(c.events.map((e) => e.entityId)).toEqual([id]);
    expect(c.client.lastId).toBe(latest());
  });

  it('closed with 4008 (fell behind): reconnects afresh and signals a resync once subscribed again', async () => {
    const timers = new ControlledTimers(STABLE_MS);
    const c = client(s.viewer, { timers });
    await eventually(() => c.resyncs.length === 1, 'initial resync');
    await book(server.base, s, 0);
    await eventually(() => c.events.length === 1, 'event');
    timers.holdRetries = true;
    server.app.liveSockets.forEach((_, socket) => socket.close(4008, 'too far behind; reconnect and resynchronise'));
    await eventually(() => c.waits[0], 'waiting after 4008');
    expect(c.waits[0]!.closeCode).toBe(4008);
    const during = await book(server.base, s, 1);
    expect(c.resyncs).toHaveLength(1); // not yet: a refetch now could miss what commits before the new subscription
    timers.releaseRetries();
    const signal = await eventually(() => c.resyncs[1], 'resync after 4008');
    expect(signal).toEqual({ lastId: latest(), cause: 'dropped', reason: expect.any(String) });
    expect(c.urls[1]).toBe(c.urls[0]); // no ?after: the refetch covers what was missed
    expect(c.events.some((e) => e.entityId === during)).toBe(false);
    const after = await book(server.base, s, 2);
    await eventually(() => c.events.some((e) => e.entityId === after), 'event after the resync');
  });

  it('presence: the screen is sent once connected and re-sent after every reconnect', async () => {
    const c = client(s.leads[0]!);
    c.client.setScreen('meeting:3'); // before the connection is open
    await eventually(() => c.presence.some((p) => p.screen === 'meeting:3' && p.people.some((x) => x.name === 'lead0')), 'own presence');
    const observer = await connect(server, s.campusId, s.viewer);
    sockets.push(observer);
    const names = () => observer.messages.flatMap((m) => (m.type === 'presence' && m.screen === 'meeting:3' ? [m.people.map((p) => p.name).join()] : []));
    const clientSocket = [...server.app.liveSockets.keys()][0]!;
    clientSocket.terminate();
    await observer.until(() => names().at(-1) === '', 'left on drop');
    await observer.until(() => names().at(-1) === 'lead0', 'back after reconnect');
    expect(c.opens).toBe(2);
    c.client.setScreen(null);
    await observer.until(() => names().at(-1) === '', 'cleared');
    expect(() => c.client.setScreen('')).toThrow(RangeError);
  });

  it('close() ends the connection for good: no reconnect, no more callbacks', async () => {
    const c = client(s.viewer);
    await eventually(() => c.opens === 1 && server.app.liveSockets.size === 1, 'open');
    c.client.close();
    expect(c.client.status).toEqual({ state: 'closed' });
    await eventually(() => server.app.liveSockets.size === 0, 'server sees the close');
    const watcher = await connect(server, s.campusId, s.viewer);
    sockets.push(watcher);
    const id = await book(server.base, s, 4);
    await watcher.until(() => watcher.events.some((e) => e.entityId === id), 'the watcher gets the event');
    expect(c.events).toEqual([]);
    expect(c.urls).toHaveLength(1);
    expect(c.waits).toEqual([]);
  });
});
