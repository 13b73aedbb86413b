/**
 * The floor: the database work a booking cannot avoid, as raw prepared better-sqlite3 SQL on the
 * use case's own connection (same WAL + synchronous=FULL). It mirrors the repository's hot path:
 * per space of the family, one probe for its longest occurrence, then one busyInSpace query per
 * occurrence, with the same joins, columns, WHERE, bounds and index; a create adds 1 booking row, 40 occurrence rows, and the audit
 * entry and live event row createBooking writes with them, in one BEGIN IMMEDIATE transaction. Keep the bounds in step with
 * conflict-check.ts/occurrences.repository.ts, and the inserts with createBooking.
 */
import type Database from 'better-sqlite3';
import type { ExpandedOccurrence } from '../server/domain/recurrence.js';
import type { BookingInput } from '../server/usecases/bookings.js';


/** One request, expanded once outside the timed region (the floor does no rule expansion). */
export interface Slot {
  input: BookingInput;
  family: number[];
  occurrences: ExpandedOccurrence[];
  /** How far before and after each occurrence another one can reach it (buffers). */
  beforeMs: number;
  afterMs: number;
}

export function floorStatements(client: Database.Database, campusId: number, actorUserId: number | null) {
  const busy = client.prepare(
    `SELECT o.id, o.booking_id, coalesce(o.title, b.title), o.school_id, sc.name, sc.location_code, o.space_id, sp.name,
            o.local_start, o.local_end, o.start_utc, o.end_utc
       FROM occurrences o
       JOIN bookings b ON b.id = o.booking_id
       JOIN schools sc ON sc.id = o.school_id
       JOIN spaces sp ON sp.id = o.space_id
      WHERE o.space_id = ? AND o.status = 'active' AND o.start_utc >= ? AND o.start_utc < ? AND o.end_utc > ?`,
  ).raw(true);
  const longest = client.prepare(`SELECT max(end_utc - start_utc) FROM occurrences WHERE space_id = ? AND status = 'active'`).pluck();
  const insertBooking = client.prepare(
    `INSERT INTO bookings (campus_id, space_id, school_id, title, purpose, attendees, local_start, local_end, rrule, exdates, status, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', NULL, ?, ?)`,
  );
  const insertOccurrence = client.prepare(
    `INSERT INTO occurrences (booking_id, campus_id, space_id, school_id, original_local_start, local_start, local_end, start_utc, end_utc, status, is_exception, title, attendees, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 0, NULL, NULL, ?)`,
  );
  const insertAudit = client.prepare(
    `INSERT INTO audit_log (at, campus_id, school_id, actor_user_id, action, entity_type, entity_id, before, after)
     VALUES (?, ?, ?, ?, 'booking.create', 'booking', ?, NULL, ?)`,
  );
  const insertEvent = client.prepare(
    `INSERT INTO events (campus_id, at, action, entity_type, entity_id, school_id, data) VALUES (?, ?, 'booking.create', 'booking', ?, ?, ?)`,
  );
  const deleteOccurrences = client.prepare('DELETE FROM occurrences WHERE booking_id = ?');
  const deleteBooking = client.prepare('DELETE FROM bookings WHERE id = ?');

  /** The overlap queries; returns how many busy rows they read. */
  const check = (slot: Slot): number => {
    let rows = 0;
    for (const spaceId of slot.family) {
      const lookBack = (longest.get(spaceId) as number | null) ?? 0;
      for (const o of slot.occurrences) {
        const from = o.startUtc - slot.beforeMs;
        rows += busy.all(spaceId, from - lookBack, o.endUtc + slot.afterMs, from).length;
      }
    }
    return rows;
  };
  const create = client.transaction((slot: Slot): number => {
    check(slot);
    const { input } = slot;
    const now = Date.now();
    const id = Number(insertBooking.run(campusId, input.spaceId, input.schoolId, input.title, input.purpose, input.attendees,
      input.start, input.end, input.rrule, JSON.stringify(input.exdates), now, now).lastInsertRowid);
    for (const o of slot.occurrences) {
      insertOccurrence.run(id, campusId, input.spaceId, input.schoolId, o.originalLocalStart, o.localStart, o.localEnd, o.startUtc, o.endUtc, now);
    }
    insertAudit.run(now, campusId, input.schoolId, actorUserId, id, JSON.stringify({ id, campusId, ...input, occurrences: slot.occurrences.length }));
    insertEvent.run(campusId, now, id, input.schoolId, JSON.stringify({ spaceId: input.spaceId, title: input.title }));
    return id;
  });
  // Untimed: frees the slot again, so every sample books into the same state (audit entries stay: append-only).
  const remove = client.transaction((bookingId: number) => {
    deleteOccurrences.run(bookingId);
    deleteBooking.run(bookingId);
  });
  return {
    check,
    create: (slot: Slot): number | null => create.immediate(slot),
    remove: (bookingId: number): void => remove.immediate(bookingId),
  };
}
