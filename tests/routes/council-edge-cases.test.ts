import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, caller, DEFAULT_NOW, expectProblem, type Caller, type Reply, type TestApp } from '../helpers/app.js';
import { createCampusFixture, type Campus } from '../helpers/fixtures.js';
import { createTestUser } from '../helpers/session.js';

/**
 * The council's corners: who reads the notes of draft minutes, a cancelled meeting, an agenda
 * that runs past midnight, merged and withdrawn items, a series moved to another weekday, and
 * the database's refusal to change locked minutes. The campus is the fixture's (the building
 * office 8800, Jefferson 8801, Lincoln 8802); the tester sits on the council for all three.
 */
let t: TestApp;
afterEach(() => t?.close());

interface Setup {
  c: Campus;
  base: string;
  bookingId: number;
  meetings: Array<{ id: number; sequence: number; localStart: string; chairSchoolId: number }>;
  viewer: Caller;
}

async function setup({ start = '07:30', end = '08:30', now = DEFAULT_NOW } = {}): Promise<Setup> {
  t = await buildTestApp({ now });
  const c = await createCampusFixture(t.call);
  const base = `/api/campuses/${c.campusId}/council`;
  const series = ok(await t.call('POST', `${base}/series`, { spaceId: c.spaces.auditorium, start: `2026-09-01T${start}`, end: `2026-09-01T${end}`, rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' }), 201);
  const meetings = ok(await t.call('GET', `${base}/meetings`));
  const user = await createTestUser(t.db, { email: 'viewer@commons.test', cookieName: t.app.sessionCookie.name, now: DEFAULT_NOW, memberships: [{ campusId: c.campusId, role: 'viewer', schoolId: null }] });
  return { c, base, bookingId: series.bookingId, meetings, viewer: caller(t.app, user.headers) };
}

function ok<T = any>(res: Reply<T>, status = 200): T {
  expect(res.status, res.raw).toBe(status);
  return res.body;
}

const titles = (agenda: { items: Array<{ title: string }> }) => agenda.items.map((i) => i.title);

/** Opens a meeting with all three schools present. */
async function openWithEveryone(s: Setup, meetingId: number) {
  ok(await t.call('POST', `${s.base}/meetings/${meetingId}/open`));
  const attendance = Object.values(s.c.schools).map((schoolId) => ({ schoolId, status: 'present' }));
  ok(await t.call('PUT', `${s.base}/meetings/${meetingId}/attendance`, { attendance }));
}

describe('the notes of draft minutes', () => {
  it('are not read through the agenda by a viewer; once the minutes are circulated they are', async () => {
    const s = await setup();
    const m = s.meetings[0]!.id;
    ok(await t.call('POST', `${s.base}/meetings/${m}/open`));
    const item = ok(await t.call('GET', `${s.base}/meetings/${m}/minutes`)).items[0];
    ok(await t.call('PATCH', `${s.base}/meetings/${m}/agenda/items/${item.id}/notes`, { notes: 'Not for the public yet', version: item.version }));

    const notesOf = async (who: Caller) => ok(await who(`GET`, `${s.base}/meetings/${m}/agenda`)).items.map((i: { notes: string }) => i.notes);
    expect(await notesOf(t.call)).toContain('Not for the public yet'); // the council writes them
    expect((await notesOf(s.viewer)).every((n: string) => n === '')).toBe(true);

    ok(await t.call('POST', `${s.base}/meetings/${m}/close`));
    ok(await t.call('POST', `${s.base}/meetings/${m}/minutes/circulate`));
    expect(await notesOf(s.viewer)).toContain('Not for the public yet');
  });
});

describe('a school that has been archived', () => {
  it('no longer sits on the council: its lead neither submits, nor runs a meeting, nor reads draft minutes', async () => {
    const s = await setup();
    const m = s.meetings[0]!.id;
    const user = await createTestUser(t.db, { email: 'lincoln@commons.test', cookieName: t.app.sessionCookie.name, now: DEFAULT_NOW, memberships: [{ campusId: s.c.campusId, role: 'lead', schoolId: s.c.schools.lincoln }] });
    const lead = caller(t.app, user.headers);
    ok(await lead('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.lincoln, title: 'Before' }), 201);
    ok(await t.call('POST', `/api/campuses/${s.c.campusId}/schools/${s.c.schools.lincoln}/archive`));
    expectProblem(await lead('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.lincoln, title: 'After' }), { status: 403, code: 'forbidden' });
    expectProblem(await lead('POST', `${s.base}/meetings/${m}/open`), { status: 403, code: 'forbidden' });
    expectProblem(await lead('GET', `${s.base}/meetings/${m}/minutes`), { status: 403, code: 'forbidden' });
    ok(await lead('GET', `${s.base}/meetings/${m}/agenda`)); // still a reader of the campus
  });
});

describe('refreshing a written-down agenda', () => {
  it('adds several new items of one section in their order, after the ones already there', async () => {
    const s = await setup();
    const [first, second] = s.meetings.map((m) => m.id) as [number, number];
    const actionItem = (what: string) => t.call('POST', `${s.base}/action-items`, { meetingId: first, what, ownerSchoolId: s.c.schools.lincoln, dueDate: '2026-09-30' });
    ok(await actionItem('Zero'), 201);
    ok(await t.call('POST', `${s.base}/meetings/${second}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Parking' }), 201);
    for (const what of ['One', 'Two', 'Three']) ok(await actionItem(what), 201);
    const refreshed = ok(await t.call('POST', `${s.base}/meetings/${second}/agenda/refresh`));
    const actions = refreshed.items.filter((i: { source: string }) => i.source === 'action_item').map((i: { title: string }) => i.title);
    expect(actions).toEqual(['Action item: Zero', 'Action item: One', 'Action item: Two', 'Action item: Three']);
  });

  it('updates the approval item once the minutes it approves have been circulated', async () => {
    const s = await setup();
    const [first, second] = s.meetings.map((m) => m.id) as [number, number];
    ok(await t.call('POST', `${s.base}/meetings/${first}/open`));
    ok(await t.call('POST', `${s.base}/meetings/${first}/close`));
    ok(await t.call('POST', `${s.base}/meetings/${second}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Parking' }), 201);
    const approval = async () => ok(await t.call('GET', `${s.base}/meetings/${second}/agenda`)).items.find((i: { source: string }) => i.source === 'minutes_approval');
    expect((await approval()).detail).toMatch(/not been circulated/);
    ok(await t.call('POST', `${s.base}/meetings/${first}/minutes/circulate`));
    ok(await t.call('POST', `${s.base}/meetings/${second}/agenda/refresh`));
    expect(await approval()).toMatchObject({ detail: '', detailLines: [] });
  });
});

describe('a cancelled meeting', () => {
  it('takes no item and does not open, even when it had a record; it is still read', async () => {
    const s = await setup();
    const m = s.meetings[2]!.id;
    ok(await t.call('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Parking' }), 201);
    ok(await t.call('DELETE', `/api/bookings/${s.bookingId}?scope=occurrence&occurrenceId=${m}`));
    expectProblem(await t.call('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Late' }), { status: 409, code: 'state' });
    expectProblem(await t.call('POST', `${s.base}/meetings/${m}/open`), { status: 409, code: 'state' });
    expectProblem(await t.call('PATCH', `${s.base}/meetings/${m}`, { chairSchoolId: s.c.schools.lincoln }), { status: 409, code: 'state' });
    expectProblem(await t.call('POST', `${s.base}/action-items`, { meetingId: m, what: 'x', ownerSchoolId: s.c.schools.lincoln }), { status: 409, code: 'state' });
    const agenda = ok(await s.viewer('GET', `${s.base}/meetings/${m}/agenda`));
    expect(agenda.meeting.cancelled).toBe(true);
    expect(titles(agenda)).toContain('Parking');
  });
});

describe('an agenda that runs past midnight', () => {
  it('is still read (its later times on the next day’s clock); a longer time-box is refused, a shorter one is not', async () => {
    const s = await setup({ start: '22:30', end: '23:30' });
    const m = s.meetings[0]!.id;
    // Eight standing topics of 5 minutes and six items of 10: 22:30 + 100 minutes = 00:10.
    for (const title of ['A', 'B', 'C', 'D', 'E', 'F']) ok(await t.call('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.jefferson, title }), 201);
    const agenda = ok(await s.viewer('GET', `${s.base}/meetings/${m}/agenda`));
    expect(agenda).toMatchObject({ totalMinutes: 100, plannedEnd: '00:10' });
    expect(agenda.items.at(-1)).toMatchObject({ start: '00:05', end: '00:10' });
    for (const file of ['agenda.html', 'agenda.pdf?lang=es']) expect((await s.viewer('GET', `${s.base}/meetings/${m}/${file}`)).status, file).toBe(200);
    // The minutes give the same planned times.
    expect(ok(await t.call('GET', `${s.base}/meetings/${m}/minutes`)).items.filter((i: { withdrawn: boolean }) => !i.withdrawn).at(-1)).toMatchObject({ start: '00:05', end: '00:10' });

    const item = agenda.items[0];
    expectProblem(await t.call('PATCH', `${s.base}/meetings/${m}/agenda/items/${item.id}`, { minutes: item.minutes + 1 }), { status: 400, field: 'minutes' });
    expect(ok(await t.call('PATCH', `${s.base}/meetings/${m}/agenda/items/${item.id}`, { minutes: 1 })).minutes).toBe(1);
  });

  it('a time-box that would push an agenda past midnight is refused', async () => {
    const s = await setup({ start: '23:00', end: '23:45' });
    const m = s.meetings[0]!.id;
    const item = ok(await t.call('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Parking' }), 201);
    // 40 minutes of standing topics + 10: until 23:50. Twenty more would end at 00:10.
    expectProblem(await t.call('PATCH', `${s.base}/meetings/${m}/agenda/items/${item.id}`, { minutes: 30 }), { status: 400, field: 'minutes' });
    expect(ok(await t.call('PATCH', `${s.base}/meetings/${m}/agenda/items/${item.id}`, { minutes: 20 })).minutes).toBe(20);
    expect(ok(await t.call('GET', `${s.base}/meetings/${m}/agenda`)).plannedEnd).toBe('24:00');
  });
});

describe('titles people type', () => {
  it('are never blank: a submitted item or a rewording of blanks is refused, naming the field', async () => {
    const s = await setup();
    const m = s.meetings[0]!.id;
    expectProblem(await t.call('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.jefferson, title: '   ' }), { status: 400, code: 'validation', field: 'title' });
    const item = ok(await t.call('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Parking' }), 201);
    expectProblem(await t.call('PATCH', `${s.base}/meetings/${m}/agenda/items/${item.id}`, { title: ' \t ' }), { status: 400, code: 'validation', field: 'title' });
    const standing = ok(await t.call('GET', `${s.base}/meetings/${m}/agenda`)).items.find((i: { source: string }) => i.source === 'standing');
    expectProblem(await t.call('PATCH', `${s.base}/meetings/${m}/agenda/items/${standing.id}`, { detail: 'Reworded' }), { status: 400, code: 'validation', field: 'detail' });
    expect(titles(ok(await t.call('GET', `${s.base}/meetings/${m}/agenda`)))).toContain('Parking');
  });
});

describe('merged and withdrawn items', () => {
  async function twoItems() {
    const s = await setup();
    const m = s.meetings[0]!.id;
    const parking = ok(await t.call('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Parking' }), 201);
    const lights = ok(await t.call('POST', `${s.base}/meetings/${m}/agenda/items`, { schoolId: s.c.schools.lincoln, title: 'Parking lot lights', minutes: 15 }), 201);
    return { s, m, parking, lights, url: (id: number, rest = '') => `${s.base}/meetings/${m}/agenda/items/${id}${rest}` };
  }

  it('a merge names an item of this meeting, and stops once the meeting has begun', async () => {
    const { s, m, parking, lights, url } = await twoItems();
    const other = ok(await t.call('POST', `${s.base}/meetings/${s.meetings[1]!.id}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Elsewhere' }), 201);
    expectProblem(await t.call('POST', url(lights.id, '/merge'), { intoId: other.id }), { status: 400, code: 'validation', field: 'intoId' });
    ok(await t.call('POST', `${s.base}/meetings/${m}/open`));
    expectProblem(await t.call('POST', url(lights.id, '/merge'), { intoId: parking.id }), { status: 409, code: 'state' });
    expect(titles(ok(await t.call('GET', `${s.base}/meetings/${m}/agenda`)))).toEqual(expect.arrayContaining(['Parking', 'Parking lot lights']));
  });

  it('a new order names the items on the agenda: not a merged one, not one of another meeting; hidden items go after', async () => {
    const { s, m, parking, lights, url } = await twoItems();
    ok(await t.call('POST', url(lights.id, '/merge'), { intoId: parking.id }));
    const agenda = ok(await t.call('GET', `${s.base}/meetings/${m}/agenda`));
    const ids: number[] = agenda.items.map((i: { id: number }) => i.id);
    const other = ok(await t.call('POST', `${s.base}/meetings/${s.meetings[1]!.id}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Elsewhere' }), 201);
    const order = (itemIds: number[]) => t.call('PUT', `${s.base}/meetings/${m}/agenda/order`, { itemIds, version: agenda.version });
    expectProblem(await order([...ids, lights.id]), { status: 400, field: 'itemIds' });
    expectProblem(await order([...ids.slice(1), other.id]), { status: 400, field: 'itemIds' });
    const reordered = ok(await order([...ids].reverse()));
    expect(reordered.items.map((i: { id: number; position: number }) => [i.id, i.position])).toEqual([...ids].reverse().map((id, position) => [id, position]));
    const minutes = ok(await t.call('GET', `${s.base}/meetings/${m}/minutes`));
    expect(minutes.items.at(-1)).toMatchObject({ id: lights.id, position: ids.length, mergedIntoId: parking.id, start: null });
  });

  it('take no notes and no motions: those would be missing from the printed minutes', async () => {
    const { s, m, parking, lights, url } = await twoItems();
    ok(await t.call('POST', url(lights.id, '/merge'), { intoId: parking.id }));
    await openWithEveryone(s, m);
    const merged = ok(await t.call('GET', `${s.base}/meetings/${m}/minutes`)).items.find((i: { id: number }) => i.id === lights.id);
    expectProblem(await t.call('PATCH', url(lights.id, '/notes'), { notes: 'Lost?', version: merged.version }), { status: 409, code: 'state' });
    expectProblem(await t.call('POST', `${s.base}/meetings/${m}/motions`, { agendaItemId: lights.id, text: 'To fix the lights', moverSchoolId: s.c.schools.lincoln }), {
      status: 400,
      field: 'agendaItemId',
    });
    ok(await t.call('PATCH', url(parking.id, '/notes'), { notes: 'Lights fixed by Friday', version: (await t.call('GET', `${s.base}/meetings/${m}/minutes`)).body.items.find((i: { id: number }) => i.id === parking.id).version }));
  });

  it('withdrawing an item merged into another takes its time back and its title off the other', async () => {
    const { s, m, parking, lights, url } = await twoItems();
    const before = ok(await t.call('GET', `${s.base}/meetings/${m}/agenda`));
    ok(await t.call('POST', url(lights.id, '/merge'), { intoId: parking.id }));
    const lincolnLead = await createTestUser(t.db, { email: 'lincoln@commons.test', cookieName: t.app.sessionCookie.name, now: DEFAULT_NOW, memberships: [{ campusId: s.c.campusId, role: 'lead', schoolId: s.c.schools.lincoln }] });
    ok(await caller(t.app, lincolnLead.headers)('POST', url(lights.id, '/withdraw')));
    const after = ok(await t.call('GET', `${s.base}/meetings/${m}/agenda`));
    expect(after.items.find((i: { id: number }) => i.id === parking.id)).toMatchObject({ minutes: 10, merged: [] });
    expect(after.totalMinutes).toBe(before.totalMinutes - 15);
  });
});

describe('a series edited "this and following"', () => {
  it('moved to a later time keeps each meeting’s number and record', async () => {
    const s = await setup();
    const third = s.meetings[2]!;
    ok(await t.call('POST', `${s.base}/meetings/${third.id}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Parking' }), 201);
    ok(await t.call('PATCH', `/api/bookings/${s.bookingId}?scope=following&occurrenceId=${s.meetings[1]!.id}`, { start: '2026-09-08T08:00', end: '2026-09-08T09:00' }));
    const after = ok(await t.call('GET', `${s.base}/meetings`));
    expect(after.map((m: { id: number; sequence: number }) => [m.id, m.sequence])).toEqual(s.meetings.map((m) => [m.id, m.sequence]));
    expect(after.map((m: { chairSchoolId: number }) => m.chairSchoolId)).toEqual(s.meetings.map((m) => m.chairSchoolId));
    expect(titles(ok(await t.call('GET', `${s.base}/meetings/${third.id}/agenda`)))).toContain('Parking');
  });

  it('leaves the council’s own meetings out of the coming two weeks, those of the split included', async () => {
    const s = await setup();
    ok(await t.call('PATCH', `/api/bookings/${s.bookingId}?scope=following&occurrenceId=${s.meetings[2]!.id}`, { start: '2026-09-15T08:00', end: '2026-09-15T09:00' }));
    const agenda = ok(await t.call('GET', `${s.base}/meetings/${s.meetings[1]!.id}/agenda`));
    expect(agenda.items.map((i: { source: string }) => i.source)).not.toContain('high_impact');
  });

  it('moved to another weekday advances the rotation one step a meeting, not two', async () => {
    const s = await setup();
    const moved = ok(await t.call('PATCH', `/api/bookings/${s.bookingId}?scope=following&occurrenceId=${s.meetings[3]!.id}`, { start: '2026-09-23T07:30', end: '2026-09-23T08:30', rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3' }));
    expect(moved.splitFromId).toBe(s.bookingId);
    const after = ok(await t.call('GET', `${s.base}/meetings`));
    const held = after.filter((m: { cancelled: boolean }) => !m.cancelled);
    expect(held.map((m: { localStart: string; sequence: number }) => [m.localStart.slice(0, 10), m.sequence])).toEqual([
      ['2026-09-01', 0],
      ['2026-09-08', 1],
      ['2026-09-15', 2],
      ['2026-09-23', 3],
      ['2026-09-30', 4],
      ['2026-10-07', 5],
    ]);
    // Three schools: each chairs twice in six meetings.
    const chairs = held.map((m: { chairSchoolId: number }) => m.chairSchoolId);
    expect(chairs.slice(3)).toEqual(chairs.slice(0, 3));
    // A meeting cancelled on its own still counts: the rotation does not move back.
    ok(await t.call('DELETE', `/api/bookings/${moved.id}?scope=occurrence&occurrenceId=${held[4].id}`));
    expect(ok(await t.call('GET', `${s.base}/meetings`)).find((m: { id: number }) => m.id === held[5].id).sequence).toBe(5);
  });
});

describe('opening a meeting', () => {
  it('writes the live agenda down as part of the opening: one audit entry, not a refresh besides', async () => {
    const s = await setup();
    const m = s.meetings[0]!.id;
    ok(await t.call('POST', `${s.base}/meetings/${m}/open`));
    const trail = ok(await t.call('GET', `/api/campuses/${s.c.campusId}/audit?entityId=${m}`));
    expect(trail.filter((e: { entityType: string }) => e.entityType === 'meeting').map((e: { action: string }) => e.action)).toEqual(['meeting.open']);
    expect(ok(await t.call('GET', `${s.base}/meetings/${m}/agenda`)).drafted).toBe(true);
  });
});

describe('races and boundaries', () => {
  it('two closes of one motion at once: one closes it, the other is told so; a vote after the close is refused', async () => {
    const s = await setup();
    const m = s.meetings[0]!.id;
    await openWithEveryone(s, m);
    const item = ok(await t.call('GET', `${s.base}/meetings/${m}/minutes`)).items[0];
    const motion = ok(await t.call('POST', `${s.base}/meetings/${m}/motions`, { agendaItemId: item.id, text: 'To share the rota', moverSchoolId: s.c.schools.jefferson }), 201);
    ok(await t.call('PUT', `${s.base}/meetings/${m}/motions/${motion.id}/votes/${s.c.schools.jefferson}`, { vote: 'yes' }));
    const closes = await Promise.all([1, 2].map(() => t.call('POST', `${s.base}/meetings/${m}/motions/${motion.id}/close`)));
    expect(closes.map((r) => r.status).sort()).toEqual([200, 409]);
    expectProblem(await t.call('PUT', `${s.base}/meetings/${m}/motions/${motion.id}/votes/${s.c.schools.lincoln}`, { vote: 'no' }), { status: 409, code: 'state' });
    const closed = ok(await t.call('GET', `${s.base}/meetings/${m}/minutes`)).items[0].motions[0];
    expect(closed).toMatchObject({ status: 'closed', result: 'carried', yes: 1, no: 0, votes: [expect.objectContaining({ schoolId: s.c.schools.jefferson })] });
  });

  it('a submission at the deadline itself is refused; a millisecond before it, it is taken', async () => {
    const deadline = Date.parse('2026-08-31T14:30:00Z'); // 24 hours before 2026-09-01 07:30 in Los Angeles
    const late = await setup({ now: deadline });
    expectProblem(await t.call('POST', `${late.base}/meetings/${late.meetings[0]!.id}/agenda/items`, { schoolId: late.c.schools.jefferson, title: 'Parking' }), { status: 409, code: 'state' });
    await t.close();
    const inTime = await setup({ now: deadline - 1 });
    ok(await t.call('POST', `${inTime.base}/meetings/${inTime.meetings[0]!.id}/agenda/items`, { schoolId: inTime.c.schools.jefferson, title: 'Parking' }), 201);
  });
});

describe('locked minutes in the database', () => {
  it('refuse changes to their rows, while locking, amendments and follow-up of action items still work', async () => {
    const s = await setup();
    const [first, second] = s.meetings.map((m) => m.id) as [number, number];
    await openWithEveryone(s, first);
    const item = ok(await t.call('GET', `${s.base}/meetings/${first}/minutes`)).items[0];
    const motion = ok(await t.call('POST', `${s.base}/meetings/${first}/motions`, { agendaItemId: item.id, text: 'To share the rota', moverSchoolId: s.c.schools.jefferson }), 201);
    ok(await t.call('PUT', `${s.base}/meetings/${first}/motions/${motion.id}/votes/${s.c.schools.jefferson}`, { vote: 'yes' }));
    ok(await t.call('POST', `${s.base}/meetings/${first}/motions/${motion.id}/close`));
    const action = ok(await t.call('POST', `${s.base}/action-items`, { meetingId: first, agendaItemId: item.id, what: 'Post the rota', ownerSchoolId: s.c.schools.lincoln }), 201);
    ok(await t.call('POST', `${s.base}/meetings/${first}/close`));
    ok(await t.call('POST', `${s.base}/meetings/${first}/minutes/circulate`));

    await openWithEveryone(s, second);
    const approvalItem = ok(await t.call('GET', `${s.base}/meetings/${second}/minutes`)).items[0];
    const approve = ok(await t.call('POST', `${s.base}/meetings/${second}/motions`, { agendaItemId: approvalItem.id, text: 'To approve', moverSchoolId: s.c.schools.office, decision: { kind: 'minutes', meetingId: first } }), 201);
    for (const schoolId of Object.values(s.c.schools)) ok(await t.call('PUT', `${s.base}/meetings/${second}/motions/${approve.id}/votes/${schoolId}`, { vote: 'yes' }));
    ok(await t.call('POST', `${s.base}/meetings/${second}/motions/${approve.id}/close`));
    expect(ok(await t.call('POST', `${s.base}/meetings/${second}/close`)).lockedMinutesOf).toEqual([first]);

    const sqlite = t.db.$client;
    const now = DEFAULT_NOW;
    for (const statement of [
      `UPDATE meetings SET chair_school_id = NULL WHERE occurrence_id = ${first}`,
      `UPDATE agenda_items SET notes = 'x' WHERE meeting_id = ${first}`,
      `DELETE FROM agenda_items WHERE meeting_id = ${first}`,
      `INSERT INTO agenda_items (meeting_id, source, title, minutes, position, created_at, updated_at) VALUES (${first}, 'submitted', 'Late', 5, 99, ${now}, ${now})`,
      `UPDATE attendance SET status = 'absent' WHERE meeting_id = ${first}`,
      `UPDATE motions SET result = 'failed' WHERE meeting_id = ${first}`,
      `INSERT INTO motions (meeting_id, agenda_item_id, text, mover_school_id, status, created_at) VALUES (${first}, ${item.id}, 'Late', ${s.c.schools.office}, 'open', ${now})`,
      `UPDATE votes SET vote = 'no' WHERE motion_id = ${motion.id}`,
      `INSERT INTO votes (motion_id, school_id, vote, cast_by, cast_at) VALUES (${motion.id}, ${s.c.schools.lincoln}, 'no', ${t.tester.id}, ${now})`,
    ]) {
      expect(() => sqlite.prepare(statement).run(), statement).toThrow(/locked/);
    }

    ok(await t.call('POST', `${s.base}/meetings/${first}/minutes/amendments`, { text: 'The rota starts on the 8th.' }), 201);
    expect(ok(await t.call('PATCH', `${s.base}/action-items/${action.id}`, { status: 'done', version: action.version }))).toMatchObject({ status: 'done' });
    expect(ok(await t.call('GET', `${s.base}/meetings/${first}/minutes`)).meeting.minutesStatus).toBe('locked');
  });
});
