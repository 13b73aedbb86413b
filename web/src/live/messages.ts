/**
 * The live protocol, as the browser sees it.
 *
 * A copy of the types in server/realtime/messages.ts (web/ cannot import server/): change both
 * together. tests/web/live-client-unit.test.ts checks at compile time that the two are identical, so
 * `npm run typecheck` fails when they drift apart.
 */

/** What the server sends over a live connection (JSON, one message per frame). */
export type ServerMessage =
  | { type: 'hello'; lastId: number }
  | { type: 'event'; id: number; at: string; action: string; entityType: string; entityId: number | null; schoolId: number | null; data: unknown }
  | { type: 'resync'; lastId: number; reason: string }
  | { type: 'presence'; screen: string; people: Array<{ userId: number; name: string }> };

/** What a client may send: where it is looking (null: nowhere). */
export type ClientMessage = { type: 'presence'; screen: string | null };

export const MAX_SCREEN_LENGTH = 120;

/** One committed change of the campus (booking.create, closure.update, space.archive…). */
export type LiveEvent = Extract<ServerMessage, { type: 'event' }>;
export type PresenceMessage = Extract<ServerMessage, { type: 'presence' }>;

/** Close code the server uses for a client dropped for falling behind (server/realtime/hub.ts). */
export const CLOSE_TOO_SLOW = 4008;

/** A server frame, or null when it is not one the client knows (ignored). */
export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'hello':
      return typeof m.lastId === 'number' ? (m as ServerMessage) : null;
    case 'event':
      return typeof m.id === 'number' && typeof m.action === 'string' ? (m as ServerMessage) : null;
    case 'resync':
      return typeof m.lastId === 'number' ? (m as ServerMessage) : null;
    case 'presence':
      return typeof m.screen === 'string' && Array.isArray(m.people) ? (m as ServerMessage) : null;
    default:
      return null;
  }
}
