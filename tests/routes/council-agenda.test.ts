import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STANDING_TOPICS } from '../../server/domain/council/agenda.js';
import { buildTestApp, caller, expectProblem, type Caller, type TestApp } from '../helpers/app.js';
import { createCampusFixture, createSchool, type Campus } from '../helpers/fixtures.js';
import { createTestUser } from '../helpers/session.js';

/**
 * The council's meetings and agendas over HTTP. The campus: the fixture's two schools and the
 * building office plus one more SLC, so rotations have four schools to turn through.
 * Meetings: Tuesdays 07:30–08:30 in the auditorium from 2026-09-01, six of them.
 */
let t: TestApp;
afterEach(() => t?.close());

interface Setup {
  c: Campus;
  extra: number;
  base: string;
  meetings: Array<{ id: number; sequence: number; localStart: string; chairSchoolId: number; noteTakerSchoolId: number }>;
}

async function setup(now?: number): Promise<Setup> {
  t = await buildTestApp(now === undefined ? {} : { now });
  const c = await createCampusFixture(t.call);
  const extra = await createSchool(t.call, c.campusId, { name: 'Roosevelt SLC', locationCode: '8803' });
  const base = `/api/campuses/${c.campusId}/council`;
  const series = await t.call('POST', `${base}/series`, { spaceId: c.spaces.auditorium, start: '2026-09-01T07:30', end: '2026-09-01T08:30', rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6' });
  expect(series.status, series.raw).toBe(201);
  const meetings = (await t.call('GET', `${base}/meetings`)).body;
  return { c, extra, base, meetings };
}

async function personLeading(c: Campus, schoolId: number, email: string): Promise<Caller> {
  const user = await createTestUser(t.db, { email, cookieName: t.app.sessionCookie.name, now: Date.parse('2026-08-01T12:00:00Z'), memberships: [{ campusId: c.campusId, role: 'lead', schoolId }] });
  return caller(t.app, user.headers);
}

describe('the meeting series', () => {
  it('books the meetings for the building office, so they are on the calendar like any booking', async () => {
    const { c, meetings } = await setup();
    expect(meetings.map((m) => m.localStart)).toEqual(['2026-09-01T07:30', '2026-09-08T07:30', '2026-09-15T07:30', '2026-09-22T07:30', '2026-09-29T07:30', '2026-10-06T07:30']);
    const calendar = (await t.call('GET', `/api/campuses/${c.campusId}/occurrences?from=2026-09-01&to=2026-09-02&spaceId=${c.spaces.auditorium}`)).body;
    expect(calendar).toEqual([expect.objectContaining({ occurrenceId: meetings[0]!.id, schoolId: c.schools.office, title: 'Building Council' })]);
  });

  it('rotates the chair and the note-taker among the schools, by location code', async () => {
    const { c, extra, meetings } = await setup();
    const byCode = [c.schools.office, c.schools.jefferson, c.schools.lincoln, extra]; // 8800, 8801, 8802, 8803
    expect(meetings.map((m) => m.chairSchoolId)).toEqual([0, 1, 2, 3, 0, 1].map((i) => byCode[i]));
    expect(meetings.map((m) => m.noteTakerSchoolId)).toEqual([1, 2, 3, 0, 1, 2].map((i) => byCode[i]));
  });

  it('lets a member change the chair, and refuses a school of no council', async () => {
    const { base, meetings, c } = await setup();
    const m = meetings[0]!;
    const changed = await t.call('PATCH', `${base}/meetings/${m.id}`, { chairSchoolId: c.schools.lincoln });
    expect(changed.status, changed.raw).toBe(200);
    expect(changed.body.chairSchoolId).toBe(c.schools.lincoln);
    expectProblem(await t.call('PATCH', `${base}/meetings/${m.id}`, { chairSchoolId: 999 }), { status: 400, field: 'chairSchoolId' });
  });

  it('lists who sits on the council, for which school, to every role', async () => {
    const { base, c } = await setup();
    await personLeading(c, c.schools.jefferson, 'lead@commons.test');
    const viewer = await createTestUser(t.db, { email: 'viewer@commons.test', cookieName: t.app.sessionCookie.name, now: Date.parse('2026-08-01T12:00:00Z'), memberships: [{ campusId: c.campusId, role: 'viewer', schoolId: null }] });
    const members = (await caller(t.app, viewer.headers)('GET', `${base}/members`)).body;
    expect(members).toContainEqual(expect.objectContaining({ schoolId: c.schools.jefferson, role: 'lead' }));
    expect(members.some((m: { role: string }) => m.role === 'viewer' || m.role === 'admin')).toBe(false);
    // The tester leads every school it created (tests/helpers/app.ts): one entry per school.
    expect(new Set(members.filter((m: { userId: number }) => m.userId === t.tester.id).map((m: { schoolId: number }) => m.schoolId)).size).toBe(4);
  });

  it('is one per campus, and only admins and the principal set it up', async () => {
    const { base, c } = await setup();
    expectProblem(await t.call('POST', `${base}/series`, { spaceId: c.spaces.auditorium, start: '2026-09-03T07:30', end: '2026-09-03T08:30', rrule: null }), { status: 409, code: 'state' });
    const lead = await personLeading(c, c.schools.jefferson, 'lead@commons.test');
    expectProblem(await lead('PATCH', `${base}/settings`, { quorumPercent: 60 }), { status: 403, code: 'forbidden' });
  });
});

describe('the agenda builds itself', () => {
  it('is a live draft with the standing topics, each item timed, with the total and the planned end', async () => {
    const { base, meetings } = await setup();
    const agenda = (await t.call('GET', `${base}/meetings/${meetings[0]!.id}/agenda`)).body;
    expect(agenda.drafted).toBe(false);
    expect(agenda.items.map((i: { title: string }) => i.title)).toEqual([...DEFAULT_STANDING_TOPICS]);
    expect(agenda.items.every((i: { id: unknown }) => i.id === null)).toBe(true);
    expect(agenda.items[0]).toMatchObject({ start: '07:30', end: '07:35', minutes: 5 });
    expect(agenda.totalMinutes).toBe(5 * DEFAULT_STANDING_TOPICS.length);
    expect(agenda.plannedEnd).toBe('08:10');
    expect(agenda.submissionDeadline).toBe('2026-08-31T14:30:00.000Z'); // 24 h before 07:30 PDT
  });

  it('lists the coming two weeks: big spaces and large events, and closures', async () => {
    const { base, meetings, c } = await setup();
    const assembly = await t.call('POST', `/api/campuses/${c.campusId}/bookings`, {
      spaceId: c.spaces.gym, schoolId: c.schools.jefferson, title: 'Pep rally', attendees: 300, start: '2026-09-04T13:00', end: '2026-09-04T14:00',
    });
    expect(assembly.status, assembly.raw).toBe(201);
    await t.call('POST', `/api/campuses/${c.campusId}/closures`, { reason: 'holiday', note: 'Labor Day', start: '2026-09-07', end: '2026-09-07' });
    const agenda = (await t.call('GET', `${base}/meetings/${meetings[0]!.id}/agenda`)).body;
    const coming = agenda.items.find((i: { source: string }) => i.source === 'high_impact');
    expect(coming.detail).toContain('Pep rally');
    expect(coming.detail).toContain('Labor Day');
    expect(coming.titleKey).toBe('agenda.highImpact');
    expect(coming.detail).not.toContain('Building Council'); // the council's own meetings are not news
  });

  it('is readable by a viewer: the agenda is published to every role', async () => {
    const { base, meetings, c } = await setup();
    const viewer = await createTestUser(t.db, { email: 'viewer@commons.test', cookieName: t.app.sessionCookie.name, now: Date.parse('2026-08-01T12:00:00Z'), memberships: [{ campusId: c.campusId, role: 'viewer', schoolId: null }] });
    const res = await caller(t.app, viewer.headers)('GET', `${base}/meetings/${meetings[0]!.id}/agenda`);
    expect(res.status).toBe(200);
    expectProblem(await caller(t.app, viewer.headers)('POST', `${base}/meetings/${meetings[0]!.id}/agenda/items`, { schoolId: c.schools.jefferson, title: 'x' }), { status: 403 });
  });
});

describe('submitted items', () => {
  it('take their place by a rotation of schools that turns from meeting to meeting', async () => {
    const { base, meetings, c, extra } = await setup();
    const order = async (meetingId: number) => {
      for (const [schoolId, title] of [[extra, 'D item'], [c.schools.lincoln, 'C item'], [c.schools.jefferson, 'B item'], [c.schools.office, 'A item']] as const) {
        const res = await t.call('POST', `${base}/meetings/${meetingId}/agenda/items`, { schoolId, title });
        expect(res.status, res.raw).toBe(201);
      }
      const agenda = (await t.call('GET', `${base}/meetings/${meetingId}/agenda`)).body;
      return agenda.items.filter((i: { source: string }) => i.source === 'submitted').map((i: { title: string }) => i.title[0]);
    };
    expect(await order(meetings[0]!.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(await order(meetings[1]!.id)).toEqual(['B', 'C', 'D', 'A']);
    expect(await order(meetings[3]!.id)).toEqual(['D', 'A', 'B', 'C']);
  });

  it('come only from a school one sits for', async () => {
    const { base, meetings, c } = await setup();
    const lead = await personLeading(c, c.schools.jefferson, 'lead@commons.test');
    expect((await lead('POST', `${base}/meetings/${meetings[0]!.id}/agenda/items`, { schoolId: c.schools.jefferson, title: 'Ours' })).status).toBe(201);
    expectProblem(await lead('POST', `${base}/meetings/${meetings[0]!.id}/agenda/items`, { schoolId: c.schools.lincoln, title: 'Theirs' }), { status: 403, code: 'forbidden' });
  });

  it('close at the deadline: after it, only the next meeting takes them', async () => {
    // 2026-08-31 15:00 UTC is 08:00 in Los Angeles: less than 24 h before the first meeting.
    const { base, meetings, c } = await setup(Date.parse('2026-08-31T15:00:00Z'));
    expectProblem(await t.call('POST', `${base}/meetings/${meetings[0]!.id}/agenda/items`, { schoolId: c.schools.jefferson, title: 'Late' }), { status: 409, code: 'state' });
    expect((await t.call('POST', `${base}/meetings/${meetings[1]!.id}/agenda/items`, { schoolId: c.schools.jefferson, title: 'In time' })).status).toBe(201);
  });

  it('are reworded or withdrawn only by their own school', async () => {
    const { base, meetings, c } = await setup();
    const mine = await personLeading(c, c.schools.jefferson, 'mine@commons.test');
    const theirs = await personLeading(c, c.schools.lincoln, 'theirs@commons.test');
    const item = (await mine('POST', `${base}/meetings/${meetings[0]!.id}/agenda/items`, { schoolId: c.schools.jefferson, title: 'Bell schedule' })).body;
    const url = `${base}/meetings/${meetings[0]!.id}/agenda/items/${item.id}`;
    expectProblem(await theirs('PATCH', url, { title: 'Hijacked' }), { status: 403 });
    expect((await theirs('PATCH', url, { minutes: 15 })).body.minutes).toBe(15); // any member time-boxes
    expectProblem(await theirs('POST', `${url}/withdraw`), { status: 403 });
    expect((await mine('POST', `${url}/withdraw`)).status).toBe(200);
    const agenda = (await t.call('GET', `${base}/meetings/${meetings[0]!.id}/agenda`)).body;
    expect(agenda.items.map((i: { title: string }) => i.title)).not.toContain('Bell schedule');
  });
});

describe('before the meeting, members shape the agenda', () => {
  async function drafted() {
    const s = await setup();
    const meetingId = s.meetings[0]!.id;
    await t.call('POST', `${s.base}/meetings/${meetingId}/agenda/items`, { schoolId: s.c.schools.jefferson, title: 'Parking' });
    await t.call('POST', `${s.base}/meetings/${meetingId}/agenda/items`, { schoolId: s.c.schools.lincoln, title: 'Parking lot lights' });
    const agenda = (await t.call('GET', `${s.base}/meetings/${meetingId}/agenda`)).body;
    return { ...s, meetingId, agenda };
  }

  it('reorders every item, once, and refuses an order made on a stale agenda', async () => {
    const { base, meetingId, agenda } = await drafted();
    expect(agenda.drafted).toBe(true);
    const reversed = agenda.items.map((i: { id: number }) => i.id).reverse();
    const res = await t.call('PUT', `${base}/meetings/${meetingId}/agenda/order`, { itemIds: reversed, version: agenda.version });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.items.map((i: { id: number }) => i.id)).toEqual(reversed);
    expect(res.body.items[0].start).toBe('07:30');
    expectProblem(await t.call('PUT', `${base}/meetings/${meetingId}/agenda/order`, { itemIds: reversed, version: agenda.version }), { status: 409, code: 'council.stale' });
    expectProblem(await t.call('PUT', `${base}/meetings/${meetingId}/agenda/order`, { itemIds: reversed.slice(1), version: res.body.version }), { status: 400, field: 'itemIds' });
  });

  it('merges two items into one, adding up their time', async () => {
    const { base, meetingId, agenda } = await drafted();
    const [parking, lights] = ['Parking', 'Parking lot lights'].map((title) => agenda.items.find((i: { title: string }) => i.title === title));
    const res = await t.call('POST', `${base}/meetings/${meetingId}/agenda/items/${lights.id}/merge`, { intoId: parking.id });
    expect(res.status, res.raw).toBe(200);
    const after = (await t.call('GET', `${base}/meetings/${meetingId}/agenda`)).body;
    const merged = after.items.find((i: { id: number }) => i.id === parking.id);
    expect(merged.minutes).toBe(parking.minutes + lights.minutes);
    expect(merged.merged).toEqual([{ id: lights.id, title: 'Parking lot lights' }]);
    expect(after.items.map((i: { id: number }) => i.id)).not.toContain(lights.id);
    expect(after.totalMinutes).toBe(agenda.totalMinutes);
    expectProblem(await t.call('POST', `${base}/meetings/${meetingId}/agenda/items/${parking.id}/merge`, { intoId: parking.id }), { status: 400, field: 'intoId' });
  });

  it('refreshes a written-down agenda with what came up since, keeping the members’ order', async () => {
    const { base, meetingId, agenda, c } = await drafted();
    const reversed = agenda.items.map((i: { id: number }) => i.id).reverse();
    const reordered = (await t.call('PUT', `${base}/meetings/${meetingId}/agenda/order`, { itemIds: reversed, version: agenda.version })).body;
    await t.call('POST', `/api/campuses/${c.campusId}/bookings`, { spaceId: c.spaces.auditorium, schoolId: c.schools.lincoln, title: 'Concert', attendees: 400, start: '2026-09-03T18:00', end: '2026-09-03T20:00' });
    const refreshed = await t.call('POST', `${base}/meetings/${meetingId}/agenda/refresh`);
    expect(refreshed.status, refreshed.raw).toBe(200);
    const ids = refreshed.body.items.map((i: { id: number }) => i.id);
    expect(ids.filter((id: number) => reversed.includes(id))).toEqual(reversed);
    expect(refreshed.body.items.find((i: { source: string }) => i.source === 'high_impact').detail).toContain('Concert');
    expect(reordered.items.length + 1).toBe(refreshed.body.items.length);
  });
});
