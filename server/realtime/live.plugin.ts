import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { onCommit } from '../db/connection.js';
import { allows } from '../domain/permissions.js';
import { membershipsOf } from '../usecases/sessions.js';
import { LiveHub } from './hub.js';

declare module 'fastify' {
  interface FastifyInstance {
    liveHub: LiveHub;
    liveSockets: Map<WebSocket, LiveSocketState>;
  }
}

/** What the heartbeat knows of each connection. */
export interface LiveSocketState {
  alive: boolean;
  sessionId: number;
  campusId: number;
}

/** Close code for a connection whose session ended or whose reader lost their role. */
export const CLOSE_SIGNED_OUT = 4401;

export interface LiveOptions {
  heartbeatMs: number;
  /** The session idle timeout: a stream does not keep an idle session alive past it. */
  sessionIdleMs: number;
  pollMs: number;
  retentionMs: number;
}

/** Incoming frames are tiny (presence); anything bigger is refused by ws itself. */
export const MAX_INCOMING_BYTES = 16 * 1024;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * The hub and its clocks: drain right after each local commit, poll for other processes'
 * commits, ping every connection and drop the ones that stopped answering, prune old events.
 */
export const livePlugin = fp<LiveOptions>(
  async (app, { heartbeatMs, sessionIdleMs, pollMs, retentionMs }) => {
    await app.register(websocket, { options: { maxPayload: MAX_INCOMING_BYTES } });
    const { repos, clock } = app.commons;
    const hub = new LiveHub(repos.events);
    app.decorate('liveHub', hub);
    app.decorate('liveSockets', new Map<WebSocket, LiveSocketState>());

    // Signing out, a revoked, expired or idle session, a disabled account or a lost role ends the
    // stream at the next heartbeat: nobody keeps reading a campus they may no longer see.
    const stillEntitled = (state: LiveSocketState): boolean => {
      const session = repos.sessions.get(state.sessionId);
      const now = clock();
      if (!session || session.revokedAt !== null || session.expiresAt <= now || session.lastSeenAt + sessionIdleMs <= now) return false;
      if (repos.users.get(session.userId)?.disabledAt !== null) return false;
      return allows(membershipsOf(repos, session.userId), state.campusId, 'campus.read');
    };

    let scheduled = false;
    const drainSoon = () => {
      if (scheduled) return;
      scheduled = true;
      // After the response that made the change has been handed to the socket.
      setImmediate(() => {
        scheduled = false;
        hub.drain();
      });
    };
    const stopListening = onCommit(repos.db, drainSoon);
    const timers = [
      setInterval(() => hub.drain(), pollMs),
      setInterval(() => {
        for (const [socket, state] of app.liveSockets) {
          if (!state.alive) {
            socket.terminate();
            continue;
          }
          if (!stillEntitled(state)) {
            socket.close(CLOSE_SIGNED_OUT, 'signed out or no longer allowed to read this campus');
            continue;
          }
          state.alive = false;
          socket.ping();
        }
      }, heartbeatMs),
      setInterval(() => repos.events.pruneBefore(clock() - retentionMs), PRUNE_EVERY_MS),
    ];
    for (const timer of timers) timer.unref();

    app.addHook('onClose', async () => {
      stopListening();
      for (const timer of timers) clearInterval(timer);
      for (const socket of app.liveSockets.keys()) socket.terminate();
    });
  },
  { name: 'commons-live', dependencies: ['commons-context'] },
);
