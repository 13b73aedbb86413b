import type { EventRow } from '../db/repositories/events.repository.js';

/** What the server sends over a live connection (JSON, one message per frame). */
export type ServerMessage =
  | { type: 'hello'; lastId: number }
  | { type: 'event'; id: number; at: string; action: string; entityType: string; entityId: number | null; schoolId: number | null; data: unknown }
  | { type: 'resync'; lastId: number; reason: string }
  | { type: 'presence'; screen: string; people: Array<{ userId: number; name: string }> };

/** What a client may send: where it is looking (null: nowhere). */
export type ClientMessage = { type: 'presence'; screen: string | null };

export const MAX_SCREEN_LENGTH = 120;

export function eventMessage(row: EventRow): ServerMessage {
  return {
    type: 'event',
    id: row.id,
    at: new Date(row.at).toISOString(),
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    schoolId: row.schoolId,
    data: row.data ?? null,
  };
}

/** A client message, or null when it is not one (ignored: a bad frame never closes others' streams). */
export function parseClientMessage(raw: string): ClientMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'presence') return null;
  const screen = (value as { screen?: unknown }).screen;
  if (screen === null) return { type: 'presence', screen: null };
  if (typeof screen !== 'string' || screen.length === 0 || screen.length > MAX_SCREEN_LENGTH) return null;
  return { type: 'presence', screen };
}
