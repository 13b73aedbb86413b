/**
 * The live event hub, testable without sockets: it reads committed events from the database in
 * id order and fans them out to the subscribers of each campus. Reading from the database (not
 * from the code that wrote) means only committed changes are sent, in commit order, and changes
 * made by another server process on the same file arrive too (via the poll).
 */
import type { EventRow } from '../db/repositories/events.repository.js';
import { eventMessage, type ServerMessage } from './messages.js';

export interface Subscriber {
  userId: number;
  name: string;
  /** Queues a frame; returns false when the client is too far behind (the hub then drops it). */
  send(message: string): boolean;
  /** Ends the connection, telling the client why. */
  close(code: number, reason: string): void;
}

export interface EventSource {
  after(campusId: number, afterId: number, limit: number): EventRow[];
  bounds(campusId: number): { oldest: number | null; latest: number | null };
}

/** Close code for a client dropped for falling behind: it reconnects and resynchronises. */
export const CLOSE_TOO_SLOW = 4008;
const BATCH = 500;

interface CampusChannel {
  subscribers: Map<Subscriber, { lastSentId: number; screen: string | null }>;
  /** Highest event id already fanned out on this campus. */
  lastId: number;
}

export class LiveHub {
  private readonly channels = new Map<number, CampusChannel>();

  constructor(private readonly source: EventSource) {}

  /**
   * Adds a subscriber. With afterId it first receives every event after that id, in order;
   * if that id is older than what is retained it is told to resynchronise (refetch) instead.
   */
  subscribe(campusId: number, subscriber: Subscriber, afterId: number | null): void {
    const channel = this.channel(campusId);
    this.drainCampus(campusId, channel); // bring the channel up to date before placing the newcomer
    const { oldest } = this.source.bounds(campusId);
    let lastSentId = channel.lastId;
    if (afterId === null) {
      this.deliver(subscriber, { type: 'hello', lastId: channel.lastId });
    } else if (afterId > channel.lastId || (oldest !== null && afterId < oldest - 1) || (oldest === null && afterId < channel.lastId)) {
      this.deliver(subscriber, { type: 'resync', lastId: channel.lastId, reason: 'the events after your last id are no longer kept; refetch' });
    } else {
      this.deliver(subscriber, { type: 'hello', lastId: channel.lastId });
      lastSentId = afterId;
      for (let rows = this.source.after(campusId, lastSentId, BATCH); rows.length > 0; rows = this.source.after(campusId, lastSentId, BATCH)) {
        for (const row of rows) {
          if (row.id > channel.lastId) break;
          if (!this.deliver(subscriber, eventMessage(row))) {
            subscriber.close(CLOSE_TOO_SLOW, 'too far behind; reconnect and resynchronise');
            if (channel.subscribers.size === 0) this.channels.delete(campusId);
            return;
          }
          lastSentId = row.id;
        }
        if (lastSentId >= channel.lastId) break;
      }
    }
    channel.subscribers.set(subscriber, { lastSentId, screen: null });
  }

  unsubscribe(campusId: number, subscriber: Subscriber): void {
    const channel = this.channels.get(campusId);
    const state = channel?.subscribers.get(subscriber);
    if (!channel || !state) return;
    channel.subscribers.delete(subscriber);
    if (state.screen !== null) this.broadcastPresence(campusId, channel, state.screen);
    if (channel.subscribers.size === 0) this.channels.delete(campusId);
  }

  /** Sends every committed event not yet sent, on every campus someone listens to. */
  drain(): void {
    for (const [campusId, channel] of this.channels) this.drainCampus(campusId, channel);
  }

  /** Who is looking at which screen: set (or clear with null) this subscriber's screen. */
  setScreen(campusId: number, subscriber: Subscriber, screen: string | null): void {
    const channel = this.channels.get(campusId);
    const state = channel?.subscribers.get(subscriber);
    if (!channel || !state || state.screen === screen) return;
    const previous = state.screen;
    state.screen = screen;
    if (previous !== null) this.broadcastPresence(campusId, channel, previous);
    if (screen !== null) this.broadcastPresence(campusId, channel, screen);
  }

  peopleOn(campusId: number, screen: string): Array<{ userId: number; name: string }> {
    const people = new Map<number, string>();
    for (const [subscriber, state] of this.channels.get(campusId)?.subscribers ?? []) {
      if (state.screen === screen) people.set(subscriber.userId, subscriber.name);
    }
    return [...people].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.userId - b.userId);
  }

  subscriberCount(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.subscribers.size;
    return n;
  }

  private channel(campusId: number): CampusChannel {
    let channel = this.channels.get(campusId);
    if (!channel) {
      channel = { subscribers: new Map(), lastId: this.source.bounds(campusId).latest ?? 0 };
      this.channels.set(campusId, channel);
    }
    return channel;
  }

  private drainCampus(campusId: number, channel: CampusChannel): void {
    for (let rows = this.source.after(campusId, channel.lastId, BATCH); rows.length > 0; rows = this.source.after(campusId, channel.lastId, BATCH)) {
      for (const row of rows) {
        // Serialised once, sent to everyone.
        const frame = JSON.stringify(eventMessage(row));
        for (const [subscriber, state] of channel.subscribers) {
          if (state.lastSentId >= row.id) continue;
          if (this.send(campusId, subscriber, frame)) state.lastSentId = row.id;
        }
        channel.lastId = row.id;
      }
    }
  }

  private broadcastPresence(campusId: number, channel: CampusChannel, screen: string): void {
    const frame = JSON.stringify({ type: 'presence', screen, people: this.peopleOn(campusId, screen) } satisfies ServerMessage);
    for (const subscriber of [...channel.subscribers.keys()]) this.send(campusId, subscriber, frame);
  }

  private deliver(subscriber: Subscriber, message: ServerMessage): boolean {
    return subscriber.send(JSON.stringify(message));
  }

  /** A subscriber whose buffer is full is dropped; the others carry on. */
  private send(campusId: number, subscriber: Subscriber, frame: string): boolean {
    if (subscriber.send(frame)) return true;
    this.unsubscribe(campusId, subscriber);
    subscriber.close(CLOSE_TOO_SLOW, 'too far behind; reconnect and resynchronise');
    return false;
  }
}
