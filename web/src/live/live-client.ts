/**
 * The browser's end of the live stream: GET /api/campuses/:id/live upgraded to a WebSocket.
 *
 * - Connects (ws: or wss: after the page's own scheme and host; the session cookie goes along).
 * - Remembers the last event id and, after a drop, reconnects with ?after=<that id>, so the
 *   server sends every event missed in between, in order; an event already seen is never
 *   passed on twice.
 * - Reconnects with exponential backoff and full jitter (a random delay between 0 and
 *   min(maxMs, initialMs·2^attempt)); the attempt count resets once a connection stayed up
 *   for stableMs, so a server that accepts and drops at once is not hammered.
 * - Tells the app to refetch (onResync) whenever what it holds may be stale: on the first hello
 *   of a client started without a lastId, when the server answers `resync`, and after the
 *   server dropped it for falling behind (close 4008). For 4008 the signal comes with the hello
 *   of the new connection, not at the close: a refetch made before the new subscription could
 *   miss changes committed in between.
 * - Re-sends the screen it is on (presence) after every reconnect.
 *
 * No framework and no Node imports: the WebSocket constructor, the timers, the page location
 * and the random source are injectable, so tests run it in Node against a real server.
 */
import { CLOSE_TOO_SLOW, MAX_SCREEN_LENGTH, parseServerMessage, type ClientMessage, type LiveEvent, type PresenceMessage } from './messages.js';

/** Handlers compared bivariantly, so the browser's (and ws's) WebSocket fit WebSocketLike. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The part of the WebSocket API the client uses (the browser's, or ws's in tests). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onclose: Handler<{ code: number; reason: string }> | null;
  onerror: Handler<unknown> | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructorLike = new (url: string) => WebSocketLike;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BackoffOptions {
  /** Ceiling of the first retry's delay. */
  initialMs: number;
  /** The ceiling never grows past this. */
  maxMs: number;
  /** A connection up this long resets the backoff. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, stableMs: 10_000 };

export interface LiveClientOptions {
  campusId: number;
  /** The last event id the page's data reflects; null (default): unknown, a resync follows the first hello. */
  lastId?: number | null;
  WebSocket?: WebSocketConstructorLike;
  location?: { protocol: string; host: string };
  timers?: Timers;
  random?: () => number;
  backoff?: Partial<BackoffOptions>;
  /** Where an error thrown by a listener goes (default: rethrown on its own, so it is reported but stops nothing). */
  onListenerError?: (error: unknown) => void;
}

/** Refetch what the screen shows: the stream continues with the events after lastId. */
export interface ResyncSignal {
  lastId: number;
  /** initial: first connection without a lastId; server: the server said resync; dropped: closed with 4008. */
  cause: 'initial' | 'server' | 'dropped';
  reason: string;
}

export type LiveStatus =
  | { state: 'connecting'; attempt: number }
  | { state: 'open' }
  | { state: 'waiting'; attempt: number; delayMs: number; closeCode: number }
  | { state: 'closed' };

const OPEN = 1;

/** Full jitter: uniformly between 0 and the capped exponential ceiling. */
export function backoffDelay(attempt: number, backoff: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

export function liveUrl(location: { protocol: string; host: string }, campusId: number, lastId: number | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/campuses/${campusId}/live${lastId === null ? '' : `?after=${lastId}`}`;
}

export class LiveClient {
  private readonly campusId: number;
  private readonly WebSocketImpl: WebSocketConstructorLike;
  private readonly location: { protocol: string; host: string };
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly onListenerError: (error: unknown) => void;
  private readonly eventListeners = new Set<(event: LiveEvent) => void>();
  private readonly resyncListeners = new Set<(signal: ResyncSignal) => void>();
  private readonly presenceListeners = new Set<(presence: PresenceMessage) => void>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private socket: WebSocketLike | null = null;
  private last: number | null;
  private pendingResync: ResyncSignal['cause'] | null = null;
  private screen: string | null = null;
  private attempt = 0;
  private retryTimer: unknown = null;
  private stableTimer: unknown = null;
  private stopped = false;
  private currentStatus: LiveStatus = { state: 'connecting', attempt: 0 };

  constructor(options: LiveClientOptions) {
    const g = globalThis as unknown as { WebSocket?: WebSocketConstructorLike; location?: { protocol: string; host: string } };
    const WebSocketImpl = options.WebSocket ?? g.WebSocket;
    const location = options.location ?? g.location;
    if (!WebSocketImpl || !location) throw new Error('LiveClient needs a WebSocket constructor and a location');
    this.campusId = options.campusId;
    this.WebSocketImpl = WebSocketImpl;
    this.location = location;
    this.timers = options.timers ?? { setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms), clearTimeout: (h) => globalThis.clearTimeout(h as Parameters<typeof globalThis.clearTimeout>[0]) };
    this.random = options.random ?? Math.random;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.onListenerError =
      options.onListenerError ??
      ((error) =>
        queueMicrotask(() => {
          throw error;
        }));
    this.last = options.lastId ?? null;
    this.connect();
  }

  /** The id of the last event passed on (or announced by hello/resync); null before the first hello. */
  get lastId(): number | null {
    return this.last;
  }

  get status(): LiveStatus {
    return this.currentStatus;
  }

  /** Every event of the campus, once each, in order. Returns the unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    return add(this.eventListeners, listener);
  }

  onResync(listener: (signal: ResyncSignal) => void): () => void {
    return add(this.resyncListeners, listener);
  }

  onPresence(listener: (presence: PresenceMessage) => void): () => void {
    return add(this.presenceListeners, listener);
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    return add(this.statusListeners, listener);
  }

  /** The screen this page shows (null: none); sent now if connected, and after every reconnect. */
  setScreen(screen: string | null): void {
    if (screen !== null && (screen.length === 0 || screen.length > MAX_SCREEN_LENGTH)) {
      throw new RangeError(`a screen name has 1 to ${MAX_SCREEN_LENGTH} characters`);
    }
    this.screen = screen;
    this.sendPresence();
  }

  /** Stops for good: no reconnect, no more callbacks. */
  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'client closed');
    this.setStatus({ state: 'closed' });
  }

  private connect(): void {
    if (this.stopped) return;
    this.setStatus({ state: 'connecting', attempt: this.attempt });
    let socket: WebSocketLike;
    try {
      socket = new this.WebSocketImpl(liveUrl(this.location, this.campusId, this.last));
    } catch {
      this.retry(0);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.stableTimer = this.timers.setTimeout(() => {
        this.stableTimer = null;
        this.attempt = 0;
      }, this.backoff.stableMs);
      this.setStatus({ state: 'open' });
      this.sendPresence();
    };
    socket.onmessage = (event) => {
      if (socket === this.socket) this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.clearTimers();
      if (event.code === CLOSE_TOO_SLOW) {
        // Too far behind to catch up by replay: start afresh and refetch once subscribed again.
        this.last = null;
        this.pendingResync = 'dropped';
      }
      this.retry(event.code);
    };
    socket.onerror = () => {}; // a close always follows
  }

  private retry(closeCode: number): void {
    if (this.stopped) return;
    const delayMs = backoffDelay(this.attempt, this.backoff, this.random);
    this.attempt += 1;
    this.setStatus({ state: 'waiting', attempt: this.attempt, delayMs, closeCode });
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delayMs);
  }

  private receive(raw: unknown): void {
    const message = parseServerMessage(typeof raw === 'string' ? raw : String(raw));
    if (!message) return;
    switch (message.type) {
      case 'hello': {
        const cause = this.pendingResync ?? (this.last === null ? 'initial' : null);
        this.pendingResync = null;
        if (cause === null) return;
        this.last = message.lastId;
        this.emit(this.resyncListeners, { lastId: message.lastId, cause, reason: cause === 'initial' ? 'first connection' : 'dropped for falling behind' });
        return;
      }
      case 'event':
        if (this.last !== null && message.id <= this.last) return; // already passed on
        this.last = message.id;
        this.emit(this.eventListeners, message);
        return;
      case 'resync':
        this.pendingResync = null;
        this.last = message.lastId;
        this.emit(this.resyncListeners, { lastId: message.lastId, cause: 'server', reason: message.reason });
        return;
      case 'presence':
        this.emit(this.presenceListeners, message);
        return;
    }
  }

  private sendPresence(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return;
    socket.send(JSON.stringify({ type: 'presence', screen: this.screen } satisfies ClientMessage));
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    if (this.stableTimer !== null) this.timers.clearTimeout(this.stableTimer);
    this.retryTimer = null;
    this.stableTimer = null;
  }

  private setStatus(status: LiveStatus): void {
    this.currentStatus = status;
    this.emit(this.statusListeners, status);
  }

  /** A listener that throws stops neither the others nor the client. */
  private emit<T>(listeners: Set<(value: T) => void>, value: T): void {
    if (this.stopped && listeners !== this.statusListeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}

function add<T>(set: Set<T>, item: T): () => void {
  set.add(item);
  return () => {
    set.delete(item);
  };
}

/** Compile-time check: the platform's WebSocket (DOM, or undici's under Node types) fits WebSocketLike. */
type PlatformWebSocket = typeof globalThis extends { WebSocket: infer W } ? W : never;
type Assert<T extends true> = T;
export type PlatformWebSocketFits = Assert<[PlatformWebSocket] extends [WebSocketConstructorLike] ? true : false>;
