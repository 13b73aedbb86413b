import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ClientMessage as ServerSideClientMessage, ServerMessage as ServerSideServerMessage } from '../../server/realtime/messages.js';
import { MAX_SCREEN_LENGTH as SERVER_MAX_SCREEN_LENGTH } from '../../server/realtime/messages.js';
import { CLOSE_TOO_SLOW as SERVER_CLOSE_TOO_SLOW } from '../../server/realtime/hub.js';
import { CLOSE_TOO_SLOW, MAX_SCREEN_LENGTH, parseServerMessage, type ClientMessage, type ServerMessage } from '../../web/src/live/messages.js';
import { backoffDelay, LiveClient, liveUrl, type LiveClientOptions, type WebSocketLike } from '../../web/src/live/live-client.js';
import type { Timers } from '../../web/src/live/live-client.js';

/** The client's own logic, with a scripted socket: URLs, backoff arithmetic, dedupe, protocol in sync. */

class ScriptedSocket implements WebSocketLike {
  static made: ScriptedSocket[] = [];
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  readonly sent: unknown[] = [];
  closedWith: number | undefined;

  constructor(readonly url: string) {
    ScriptedSocket.made.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(code?: number): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }

  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

/** Timers that run only when told: retries happen at retry(). */
class ManualTimers implements Timers {
  private pending = new Map<object, { fn: () => void; ms: number }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const handle = {};
    this.pending.set(handle, { fn, ms });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as object);
  }
  /** Runs the pending retries (not the long "stable" timer). */
  retry(): void {
    for (const [handle, { fn, ms }] of [...this.pending]) {
      if (ms >= 60_000) continue;
      this.pending.delete(handle);
      fn();
    }
  }
}

function scripted(options: Partial<LiveClientOptions> = {}) {
  ScriptedSocket.made = [];
  const timers = new ManualTimers();
  const client = new LiveClient({ campusId: 7, WebSocket: ScriptedSocket, location: { protocol: 'https:', host: 'school.example:8443' }, timers, random: () => 0, backoff: { stableMs: 60_000 }, ...options });
  const ids: number[] = [];
  client.subscribe((e) => ids.push(e.id));
  return { client, ids, timers, socket: () => ScriptedSocket.made.at(-1)! };
}

const event = (id: number) => ({ type: 'event', id, at: '2026-08-01T12:00:00.000Z', action: 'booking.create', entityType: 'booking', entityId: id, schoolId: null, data: null });

describe('the protocol types are the server’s', () => {
  it('web/src/live/messages.ts mirrors server/realtime/messages.ts', () => {
    expectTypeOf<ServerMessage>().toEqualTypeOf<ServerSideServerMessage>();
    expectTypeOf<ClientMessage>().toEqualTypeOf<ServerSideClientMessage>();
    expect(MAX_SCREEN_LENGTH).toBe(SERVER_MAX_SCREEN_LENGTH);
    expect(CLOSE_TOO_SLOW).toBe(SERVER_CLOSE_TOO_SLOW);
  });

  it('frames that are not server messages are recognised as such', () => {
    for (const raw of ['nope', 'null', '{"type":"event"}', '{"type":"hello"}', '{"type":"other","lastId":1}', 42]) expect(parseServerMessage(raw)).toBeNull();
    expect(parseServerMessage(JSON.stringify(event(3)))).toEqual(event(3));
  });
});

describe('URLs and backoff', () => {
  it('ws: or wss: after the page, with ?after= once an id is known', () => {
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:3000' }, 4, null)).toBe('ws://127.0.0.1:3000/api/campuses/4/live');
    expect(liveUrl({ protocol: 'https:', host: 'school.example' }, 4, 0)).toBe('wss://school.example/api/campuses/4/live?after=0');
  });

  it('full jitter under a doubling ceiling that stops at the cap', () => {
    const b = { initialMs: 100, maxMs: 1_000, stableMs: 5_000 };
    expect([0, 1, 2, 3, 4, 50].map((n) => backoffDelay(n, b, () => 0.999_999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, b, () => 0)).toBe(0);
    expect(backoffDelay(1_000, b, () => 0.5)).toBe(500);
  });
});

describe('the stream', () => {
  it('never passes on an event twice or out of order, whatever the server repeats', () => {
    const { client, ids, timers, socket } = scripted();
    socket().open();
    socket().receive({ type: 'hello', lastId: 2 });
    for (const id of [3, 4, 4, 2, 5]) socket().receive(event(id));
    socket().receive('garbage');
    expect(ids).toEqual([3, 4, 5]);
    expect(client.lastId).toBe(5);
    socket().drop();
    expect(ScriptedSocket.made).toHaveLength(1); // not before the backoff delay
    timers.retry();
    expect(ScriptedSocket.made).toHaveLength(2);
    expect(socket().url).toBe('wss://school.example:8443/api/campuses/7/live?after=5');
    socket().open();
    socket().receive({ type: 'hello', lastId: 6 });
    for (const id of [5, 6]) socket().receive(event(id));
    expect(ids).toEqual([3, 4, 5, 6]);
  });

  it('presence: set before opening, sent on open, re-sent after a reconnect, null clears', () => {
    const { client, timers, socket } = scripted();
    client.setScreen('agenda');
    expect(socket().sent).toEqual([]);
    socket().open();
    expect(socket().sent).toEqual([{ type: 'presence', screen: 'agenda' }]);
    socket().drop();
    timers.retry();
    socket().open();
    expect(ScriptedSocket.made).toHaveLength(2);
    expect(socket().sent).toEqual([{ type: 'presence', screen: 'agenda' }]);
    client.setScreen(null);
    expect(socket().sent.at(-1)).toEqual({ type: 'presence', screen: null });
    expect(() => client.setScreen('x'.repeat(MAX_SCREEN_LENGTH + 1))).toThrow(RangeError);
  });

  it('a listener that throws stops neither the other listeners nor the stream', () => {
    const errors: unknown[] = [];
    const { client, ids, socket } = scripted({ onListenerError: (e) => errors.push(e) });
    const unsubscribe = client.subscribe(() => {
      throw new Error('screen bug');
    });
    socket().open();
    socket().receive({ type: 'hello', lastId: 0 });
    socket().receive(event(1));
    unsubscribe();
    socket().receive(event(2));
    expect(ids).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
  });

  it('close() while connecting: the socket is closed, nothing is retried or passed on', () => {
    const { client, ids, timers, socket } = scripted();
    client.close();
    expect(socket().closedWith).toBe(1000);
    socket().drop(1000);
    timers.retry();
    socket().receive(event(1));
    expect(ScriptedSocket.made).toHaveLength(1);
    expect(ids).toEqual([]);
    expect(client.status).toEqual({ state: 'closed' });
  });

  it('refuses to start without a WebSocket or a location (outside a browser)', () => {
    expect(() => new LiveClient({ campusId: 1, location: { protocol: 'http:', host: 'x' }, WebSocket: undefined as never })).toThrow(/WebSocket|location/);
  });
});
