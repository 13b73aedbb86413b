import { beforeEach, describe, expect, it } from 'vitest';
import type { EventRow } from '../../server/db/repositories/events.repository.js';
import { CLOSE_TOO_SLOW, LiveHub, type EventSource, type Subscriber } from '../../server/realtime/hub.js';
import type { ServerMessage } from '../../server/realtime/messages.js';

/** The hub alone: an in-memory event log standing in for the events table, and fake sockets. */

class FakeLog implements EventSource {
  rows: EventRow[] = [];
  private nextId = 1;

  append(campusId: number, action = 'booking.create', entityId: number | null = null): EventRow {
    const row: EventRow = { id: this.nextId++, campusId, at: 1_000 + this.nextId, action, entityType: action.split('.')[0]!, entityId, schoolId: null, data: { title: `t${this.nextId}` } };
    this.rows.push(row);
    return row;
  }

  /** Drops rows with an id at or below id (what retention does to the oldest). */
  pruneThrough(id: number): void {
    this.rows = this.rows.filter((r) => r.id > id);
  }

  after(campusId: number, afterId: number, limit: number): EventRow[] {
    return this.rows.filter((r) => r.campusId === campusId && r.id > afterId).slice(0, limit);
  }

  bounds(campusId: number) {
    const ids = this.rows.filter((r) => r.campusId === campusId).map((r) => r.id);
    return ids.length === 0 ? { oldest: null, latest: null } : { oldest: Math.min(...ids), latest: Math.max(...ids) };
  }
}

class FakeSubscriber implements Subscriber {
  readonly received: ServerMessage[] = [];
  readonly closes: Array<{ code: number; reason: string }> = [];
  /** How many more frames it accepts before saying it is full (Infinity: never full). */
  room = Infinity;

  constructor(
    readonly userId: number,
    readonly name: string,
  ) {}

  send(message: string): boolean {
    if (this.room <= 0) return false;
    this.room -= 1;
    this.received.push(JSON.parse(message) as ServerMessage);
    return true;
  }

  close(code: number, reason: string): void {
    this.closes.push({ code, reason });
  }

  eventIds(): number[] {
    return this.received.flatMap((m) => (m.type === 'event' ? [m.id] : []));
  }

  presence(screen: string): Array<Array<{ userId: number; name: string }>> {
    return this.received.flatMap((m) => (m.type === 'presence' && m.screen === screen ? [m.people] : []));
  }
}

const CAMPUS = 1;
const OTHER = 2;
let log: FakeLog;
let hub: LiveHub;
const person = (id: number) => new FakeSubscriber(id, `person${id}`);

beforeEach(() => {
  log = new FakeLog();
  hub = new LiveHub(log);
});

describe('fan-out', () => {
  it('hello carries the latest id; then each committed event of the campus, in id order, to every subscriber, and nothing of other campuses', () => {
    log.append(CAMPUS);
    const a = person(1);
    const b = person(2);
    hub.subscribe(CAMPUS, a, null);
    hub.subscribe(CAMPUS, b, null);
    expect(a.received).toEqual([{ type: 'hello', lastId: 1 }]);
    const mine = [log.append(CAMPUS, 'booking.create', 10), log.append(OTHER), log.append(CAMPUS, 'space.update', 11), log.append(CAMPUS, 'booking.cancel.series', 10)];
    hub.drain();
    for (const s of [a, b]) expect(s.eventIds()).toEqual([mine[0]!.id, mine[2]!.id, mine[3]!.id]);
    expect(a.received[1]).toEqual({ type: 'event', id: 2, at: new Date(log.rows[1]!.at).toISOString(), action: 'booking.create', entityType: 'booking', entityId: 10, schoolId: null, data: log.rows[1]!.data });
    hub.drain(); // nothing new: nothing sent twice
    expect(a.eventIds()).toHaveLength(3);
  });

  it('a newcomer placed between drains receives only what commits after it', () => {
    const a = person(1);
    hub.subscribe(CAMPUS, a, null);
    log.append(CAMPUS); // committed, not yet drained
    const b = person(2);
    hub.subscribe(CAMPUS, b, null);
    expect(b.received).toEqual([{ type: 'hello', lastId: 1 }]);
    expect(a.eventIds()).toEqual([1]); // the subscribe drained it to the others first
    log.append(CAMPUS);
    hub.drain();
    expect(a.eventIds()).toEqual([1, 2]);
    expect(b.eventIds()).toEqual([2]);
  });
});

describe('resume', () => {
  beforeEach(() => {
    for (let i = 0; i < 6; i++) log.append(i % 2 === 0 ? CAMPUS : OTHER);
  });

  it('from an id: every later event of the campus in order after the hello, then live ones, no duplicate', () => {
    const a = person(1);
    hub.subscribe(CAMPUS, a, 1);
    expect(a.received[0]).toEqual({ type: 'hello', lastId: 5 });
    expect(a.eventIds()).toEqual([3, 5]);
    log.append(CAMPUS);
    hub.drain();
    hub.drain();
    expect(a.eventIds()).toEqual([3, 5, 7]);
  });

  it('from the latest id: nothing to replay', () => {
    const a = person(1);
    hub.subscribe(CAMPUS, a, 5);
    expect(a.received).toEqual([{ type: 'hello', lastId: 5 }]);
  });

  it('a replay longer than one batch arrives whole and in order', () => {
    for (let i = 0; i < 1_234; i++) log.append(CAMPUS);
    const a = person(1);
    hub.subscribe(CAMPUS, a, 0);
    expect(a.eventIds()).toEqual(log.rows.filter((r) => r.campusId === CAMPUS).map((r) => r.id));
  });

  it('an event another process commits during the replay is sent once, after the replay', () => {
    const a = person(1);
    hub.subscribe(CAMPUS, a, null);
    const bounds = log.bounds.bind(log);
    log.bounds = (campusId) => {
      log.bounds = bounds;
      log.append(CAMPUS); // id 7 commits between the hub's drain and its replay query
      return bounds(campusId);
    };
    const b = person(2);
    hub.subscribe(CAMPUS, b, 1);
    hub.drain();
    expect(b.eventIds()).toEqual([3, 5, 7]);
    expect(a.eventIds()).toEqual([7]);
  });

  it('resync when the id is older than what is retained', () => {
    log.pruneThrough(3); // campus events left: 5
    const a = person(1);
    hub.subscribe(CAMPUS, a, 1);
    expect(a.received).toEqual([{ type: 'resync', lastId: 5, reason: expect.any(String) }]);
    log.append(CAMPUS);
    hub.drain();
    expect(a.eventIds()).toEqual([7]); // live events follow the resync
  });

  it('no resync when the id is just before the oldest retained', () => {
    log.pruneThrough(4); // oldest of the campus: 5
    const a = person(1);
    hub.subscribe(CAMPUS, a, 4);
    expect(a.received[0]).toEqual({ type: 'hello', lastId: 5 });
    expect(a.eventIds()).toEqual([5]);
  });

  it('resync when every event of the campus is gone and the client was behind', () => {
    const a = person(1);
    hub.subscribe(CAMPUS, a, null); // the channel knows lastId 5
    log.pruneThrough(6);
    const b = person(2);
    hub.subscribe(CAMPUS, b, 3);
    expect(b.received[0]).toMatchObject({ type: 'resync', lastId: 5 });
  });

  it('resync when the id is newer than anything known (another database, a reset)', () => {
    const a = person(1);
    hub.subscribe(CAMPUS, a, 99);
    expect(a.received).toEqual([{ type: 'resync', lastId: 5, reason: expect.any(String) }]);
  });
});

describe('slow subscribers', () => {
  it('one whose buffer is full is closed with 4008 and dropped; the others get every event', () => {
    const fast = person(1);
    const slow = person(2);
    const other = person(3);
    for (const s of [fast, slow, other]) hub.subscribe(CAMPUS, s, null);
    slow.room = 2;
    for (let i = 0; i < 5; i++) log.append(CAMPUS);
    hub.drain();
    expect(slow.closes).toEqual([{ code: CLOSE_TOO_SLOW, reason: expect.any(String) }]);
    expect(slow.eventIds()).toEqual([1, 2]);
    expect(hub.subscriberCount()).toBe(2);
    slow.room = Infinity;
    log.append(CAMPUS);
    hub.drain();
    expect(slow.eventIds()).toEqual([1, 2]); // never written to again
    expect(slow.closes).toHaveLength(1);
    for (const s of [fast, other]) expect(s.eventIds()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('one that cannot take its replay is closed with 4008 and never placed', () => {
    for (let i = 0; i < 10; i++) log.append(CAMPUS);
    const slow = person(1);
    slow.room = 4;
    hub.subscribe(CAMPUS, slow, 0);
    expect(slow.closes.map((c) => c.code)).toEqual([CLOSE_TOO_SLOW]);
    expect(hub.subscriberCount()).toBe(0);
    // …and leaves no channel behind: with nobody listening, the campus is not polled any more.
    let reads = 0;
    const after = log.after.bind(log);
    log.after = (...args) => {
      reads += 1;
      return after(...args);
    };
    hub.drain();
    expect(reads).toBe(0);
  });
});

describe('presence', () => {
  it('join, move and leave are broadcast with everyone on that screen, each person once', () => {
    const ana = person(1);
    const ben = person(2);
    const anaOtherTab = new FakeSubscriber(1, 'person1');
    for (const s of [ana, ben, anaOtherTab]) hub.subscribe(CAMPUS, s, null);
    hub.setScreen(CAMPUS, ana, 'meeting:7');
    hub.setScreen(CAMPUS, ben, 'meeting:7');
    hub.setScreen(CAMPUS, anaOtherTab, 'meeting:7');
    const both = [{ userId: 1, name: 'person1' }, { userId: 2, name: 'person2' }];
    expect(ben.presence('meeting:7')).toEqual([[{ userId: 1, name: 'person1' }], both, both]);
    expect(hub.peopleOn(CAMPUS, 'meeting:7')).toEqual(both);
    hub.setScreen(CAMPUS, ana, 'calendar'); // the other tab is still on the meeting
    expect(ben.presence('meeting:7').at(-1)).toEqual(both);
    expect(ben.presence('calendar').at(-1)).toEqual([{ userId: 1, name: 'person1' }]);
    hub.setScreen(CAMPUS, anaOtherTab, null);
    expect(ben.presence('meeting:7').at(-1)).toEqual([{ userId: 2, name: 'person2' }]);
    hub.unsubscribe(CAMPUS, ben);
    expect(ana.presence('meeting:7').at(-1)).toEqual([]);
  });

  it('setting the same screen again sends nothing; presence stays within its campus', () => {
    const a = person(1);
    const elsewhere = person(2);
    hub.subscribe(CAMPUS, a, null);
    hub.subscribe(OTHER, elsewhere, null);
    hub.setScreen(CAMPUS, a, 'calendar');
    hub.setScreen(CAMPUS, a, 'calendar');
    expect(a.presence('calendar')).toHaveLength(1);
    expect(elsewhere.received).toEqual([{ type: 'hello', lastId: 0 }]);
  });

  it('a subscriber dropped for slowness leaves the screen it was on', () => {
    const a = person(1);
    const slow = person(2);
    hub.subscribe(CAMPUS, a, null);
    hub.subscribe(CAMPUS, slow, null);
    hub.setScreen(CAMPUS, slow, 'agenda');
    slow.room = 0;
    log.append(CAMPUS);
    hub.drain();
    expect(slow.closes.map((c) => c.code)).toEqual([CLOSE_TOO_SLOW]);
    expect(hub.peopleOn(CAMPUS, 'agenda')).toEqual([]);
    expect(a.presence('agenda').at(-1)).toEqual([]);
  });
});

describe('unsubscribe', () => {
  it('stops delivery at once; unknown or repeated unsubscribes are harmless', () => {
    const a = person(1);
    const b = person(2);
    hub.subscribe(CAMPUS, a, null);
    hub.subscribe(CAMPUS, b, null);
    hub.unsubscribe(CAMPUS, a);
    hub.unsubscribe(CAMPUS, a);
    hub.unsubscribe(OTHER, b);
    log.append(CAMPUS);
    hub.drain();
    expect(a.eventIds()).toEqual([]);
    expect(b.eventIds()).toEqual([1]);
    expect(hub.subscriberCount()).toBe(1);
    hub.unsubscribe(CAMPUS, b);
    expect(hub.subscriberCount()).toBe(0);
  });

  it('a campus nobody listens to is no longer read', () => {
    const a = person(1);
    hub.subscribe(CAMPUS, a, null);
    hub.unsubscribe(CAMPUS, a);
    let reads = 0;
    const after = log.after.bind(log);
    log.after = (...args) => {
      reads += 1;
      return after(...args);
    };
    hub.drain();
    expect(reads).toBe(0);
  });
});
