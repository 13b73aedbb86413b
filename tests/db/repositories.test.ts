/**
 * The hot-path repositories write and read through raw prepared statements; what they return
 * must be exactly what drizzle reads back from the same rows.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { sharedJson } from '../../server/db/json-column.js';
import { createRepositories, type Repositories } from '../../server/db/repositories/index.js';
import { auditLog, events } from '../../server/db/schema/index.js';
import { toClosureRule } from '../../server/usecases/closures.js';

const NOW = Date.UTC(2026, 7, 1, 12);
const HOURS = { mon: [{ open: '07:00', close: '18:00' }], sat: [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '17:00' }] };

let db: Db;
let repos: Repositories;
let campusId: number;
let schoolId: number;
let spaceIds: number[];

beforeAll(() => {
  db = openDatabase(':memory:');
  repos = createRepositories(db);
  campusId = repos.campuses.insert({ name: 'C', timeZone: 'America/Los_Angeles', yearStart: '2026-08-17', yearEnd: '2027-06-11', createdAt: NOW, updatedAt: NOW }).id;
  schoolId = repos.schools.insert({ campusId, name: 'S', locationCode: '1', kind: 'slc', enrollment: 1, createdAt: NOW, updatedAt: NOW }).id;
  const space = (name: string, over: object = {}) =>
    repos.spaces.insert({ campusId, name, kind: 'room', capacity: 10, parentId: null, setupMinutes: 5, teardownMinutes: 0, openHours: null, createdAt: NOW, updatedAt: NOW, ...over }).id;
  const whole = space('Whole', { openHours: HOURS });
  spaceIds = [whole, space('Half', { parentId: whole, openHours: HOURS }), space('Archived', { archivedAt: NOW })];
});
afterAll(() => db.$client.close());

function newBooking() {
  return repos.bookings.insert({
    campusId, spaceId: spaceIds[0]!, schoolId, title: 'T', attendees: 3, localStart: '2026-09-01T10:00', localEnd: '2026-09-01T11:00',
    rrule: 'FREQ=WEEKLY;COUNT=2', exdates: ['2026-09-15'], status: 'active', createdBy: null, createdAt: NOW, updatedAt: NOW,
  });
}

describe('bookings.insert', () => {
  it('returns the row as stored, column defaults included', () => {
    const booking = newBooking();
    const read = repos.bookings.get(booking.id)!;
    expect(booking).toEqual(read);
    // Same key order too: the audit trail stores the row as JSON.
    expect(Object.keys(booking)).toEqual(Object.keys(read));
    expect(booking).toMatchObject({ version: 1, purpose: '', splitFromId: null, cancelledBy: null, exdates: ['2026-09-15'] });
  });
});

describe('occurrences.insertMany', () => {
  it('returns, in order, exactly the rows reading them back gives', () => {
    const bookingId = newBooking().id;
    const times = (day: string) => ({ originalLocalStart: `${day}T10:00`, localStart: `${day}T10:00`, localEnd: `${day}T11:00`, startUtc: Date.parse(`${day}T17:00:00Z`), endUtc: Date.parse(`${day}T18:00:00Z`) });
    const where = { bookingId, campusId, spaceId: spaceIds[0]!, schoolId, updatedAt: NOW };
    const inserted = repos.occurrences.insertMany([
      { ...where, ...times('2026-09-01'), status: 'active' },
      { ...where, ...times('2026-09-08'), status: 'active', isException: true, title: 'Moved', attendees: 7 },
      { ...where, ...times('2026-09-22'), status: 'cancelled' },
    ]);
    const read = repos.occurrences.byBooking(bookingId);
    expect(inserted).toEqual(read);
    expect(Object.keys(inserted[0]!)).toEqual(Object.keys(read[0]!));
    expect(inserted.map((o) => [o.isException, o.title, o.attendees])).toEqual([[false, null, null], [true, 'Moved', 7], [false, null, null]]);
  });
});

describe('audit.append and events.append', () => {
  it('keep an absent JSON value SQL NULL and store the others as drizzle reads them', () => {
    repos.audit.append({ at: NOW, campusId, schoolId: null, actorUserId: null, action: 'x.create', entityType: 'x', entityId: 1, before: null, after: { a: [1, 'b'] } });
    repos.events.append({ campusId, at: NOW, action: 'x.create', entityType: 'x', entityId: 1, schoolId: null, data: { spaceId: 2, title: null } });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, 'x.create')).get();
    expect(audit).toMatchObject({ before: null, after: { a: [1, 'b'] }, schoolId: null, actorUserId: null });
    expect(db.$client.prepare("SELECT before IS NULL AS none FROM audit_log WHERE action = 'x.create'").get()).toEqual({ none: 1 });
    expect(db.select().from(events).where(eq(events.action, 'x.create')).get()).toMatchObject({ data: { spaceId: 2, title: null }, schoolId: null });
  });
});

describe('closures.activeRulesInRange', () => {
  it('reads what toClosureRule makes of the whole rows activeInRange reads, in start order', () => {
    const closure = (start: string, end: string, over: object = {}) =>
      repos.closures.insert({ campusId, reason: 'holiday', note: start, allDay: true, localStart: `${start}T00:00`, localEnd: `${end}T00:00`, startUtc: Date.parse(`${start}T07:00:00Z`), endUtc: Date.parse(`${end}T07:00:00Z`), spaceIds: null, createdAt: NOW, updatedAt: NOW, ...over });
    closure('2026-11-26', '2026-11-28');
    closure('2026-09-07', '2026-09-08', { spaceIds: [spaceIds[1]] });
    closure('2026-10-01', '2026-10-02', { archivedAt: NOW });
    closure('2027-02-15', '2027-02-16');
    const from = Date.parse('2026-09-01T00:00:00Z');
    const to = Date.parse('2026-12-01T00:00:00Z');
    const expected = repos.closures.activeInRange(campusId, from, to).map(toClosureRule);
    expect(expected.map((c) => c.note)).toEqual(['2026-09-07', '2026-11-26']);
    expect(repos.closures.activeRulesInRange(campusId, from, to)).toEqual(expected);
  });
});

describe('spaces.rulesOfCampus', () => {
  it('reads every space of the campus, archived included, by name, with open hours shared and frozen', () => {
    const rules = repos.spaces.rulesOfCampus(campusId);
    const drizzle = repos.spaces.listByCampus(campusId, true);
    expect(rules).toEqual(drizzle.map(({ id, name, kind, capacity, parentId, setupMinutes, teardownMinutes, openHours, archivedAt }) => ({ id, name, kind, capacity, parentId, setupMinutes, teardownMinutes, openHours, archivedAt })));
    expect(rules.map((r) => r.name)).toEqual(['Archived', 'Half', 'Whole']);
    const [, half, whole] = rules;
    expect(half!.openHours).toBe(whole!.openHours);
    expect(Object.isFrozen(whole!.openHours) && Object.isFrozen(whole!.openHours!.sat) && Object.isFrozen(whole!.openHours!.sat![0])).toBe(true);
  });
});

describe('sharedJson', () => {
  it('parses each text once; null and JSON null are null', () => {
    expect(sharedJson(null)).toBeNull();
    expect(sharedJson('null')).toBeNull();
    expect(sharedJson<number[]>('[1,2]')).toEqual([1, 2]);
    expect(sharedJson('[1,2]')).toBe(sharedJson('[1,2]'));
    expect(() => (sharedJson<number[]>('[1,2]') as number[]).push(3)).toThrow(TypeError);
  });
});
