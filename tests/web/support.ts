import WebSocket from 'ws';
import type { LiveEvent, PresenceMessage } from '../../web/src/live/messages.js';
import { LiveClient, type LiveClientOptions, type LiveStatus, type ResyncSignal, type Timers, type WebSocketConstructorLike } from '../../web/src/live/live-client.js';
import type { TestUser } from '../helpers/session.js';
import type { Listening } from '../realtime/helpers.js';

/** Drives the browser's live client in Node: ws for the WebSocket, timers the test can hold. */

/** ws, with the cookie and Origin a browser would send; records every URL it is asked to open. */
export function browserSocket(server: Listening, as: TestUser, urls: string[]): WebSocketConstructorLike {
  return class extends WebSocket {
    constructor(url: string) {
      urls.push(url);
      super(url, { headers: { cookie: as.headers.cookie!, origin: server.origin } });
    }
  };
}

/**
 * Real timers, except that callbacks can be held back: retries (any delay but stableMs) wait
 * for releaseRetries() while holdRetries is set; the "connection is stable" timer set while
 * holdStable is on fires only at releaseStable(), at once.
 */
export class ControlledTimers implements Timers {
  holdRetries = false;
  holdStable = false;
  stableFired = 0;
  private readonly heldRetries: Array<() => void> = [];
  private readonly heldStable: Array<() => void> = [];

  constructor(private readonly stableMs: number) {}

  setTimeout(callback: () => void, ms: number): unknown {
    const isStable = ms === this.stableMs;
    const token = { cancelled: false, timer: undefined as ReturnType<typeof setTimeout> | undefined };
    const run = () => {
      if (token.cancelled) return; // cleared while held
      if (isStable) this.stableFired += 1;
      callback();
    };
    if (isStable && this.holdStable) {
      this.heldStable.push(run); // fires on releaseStable(), however long that takes
      return token;
    }
    token.timer = setTimeout(() => {
      if (!isStable && this.holdRetries) this.heldRetries.push(run);
      else run();
    }, ms);
    return token;
  }

  clearTimeout(handle: unknown): void {
    const token = handle as { cancelled: boolean; timer: ReturnType<typeof setTimeout> | undefined };
    token.cancelled = true;
    clearTimeout(token.timer);
  }

  releaseRetries(): void {
    this.holdRetries = false;
    for (const fn of this.heldRetries.splice(0)) fn();
  }

  releaseStable(): void {
    this.holdStable = false;
    for (const fn of this.heldStable.splice(0)) fn();
  }
}

/** A live client with everything it emits recorded. */
export class Recorded {
  readonly client: LiveClient;
  readonly urls: string[] = [];
  readonly events: LiveEvent[] = [];
  readonly resyncs: ResyncSignal[] = [];
  readonly presence: PresenceMessage[] = [];
  readonly statuses: LiveStatus[] = [];

  constructor(server: Listening, as: TestUser, options: Omit<LiveClientOptions, 'WebSocket' | 'location'>) {
    this.client = new LiveClient({ ...options, WebSocket: browserSocket(server, as, this.urls), location: { protocol: 'http:', host: new URL(server.base).host } });
    this.client.subscribe((e) => this.events.push(e));
    this.client.onResync((r) => this.resyncs.push(r));
    this.client.onPresence((p) => this.presence.push(p));
    this.client.onStatus((s) => this.statuses.push(s));
  }

  get waits(): Array<Extract<LiveStatus, { state: 'waiting' }>> {
    return this.statuses.filter((s): s is Extract<LiveStatus, { state: 'waiting' }> => s.state === 'waiting');
  }

  get opens(): number {
    return this.statuses.filter((s) => s.state === 'open').length;
  }
}

/** Re-asks check() every 10 ms until it answers something truthy; fails after timeoutMs. */
export async function eventually<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
