import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, caller, DEFAULT_NOW, expectProblem, type Caller, type Reply, type TestApp } from '../helpers/app.js';
import { book, createCampus, createCampusFixture, createSchool, snapshot, type Campus } from '../helpers/fixtures.js';
import { createTestUser } from '../helpers/session.js';

/** One member of the council (or a viewer): their user id and their signed-in requests. */
interface Person {
  id: number;
  call: Caller;
}

/**
 * A campus of four member schools (Jefferson 8801, Lincoln 8802, STEM 8803 and the building
 * office 8800: quorum is 3), one person sitting for each school, a viewer, and the council's
 * weekly meetings on Tuesdays at 07:30 in the library.
 */
interface Council {
  t: TestApp;
  c: Campus;
  stem: number;
  jefferson: Person;
  lincoln: Person;
  office: Person;
  stemLead: Person;
  viewer: Person;
  meetings: number[];
}

async function buildCouncil(): Promise<Council> {
  const t = await buildTestApp();
  const c = await createCampusFixture(t.call);
  const stem = await createSchool(t.call, c.campusId, { name: 'STEM Academy', locationCode: '8803', kind: 'slc', enrollment: 300 });
  const person = async (name: string, role: 'lead' | 'principal' | 'viewer', schoolId: number | null): Promise<Person> => {
    const user = await createTestUser(t.db, { email: `${name}@commons.test`, cookieName: t.app.sessionCookie.name, now: DEFAULT_NOW, memberships: [{ campusId: c.campusId, role, schoolId }] });
    return { id: user.id, call: caller(t.app, user.headers) };
  };
  const series = await t.call('POST', `/api/campuses/${c.campusId}/council/series`, { spaceId: c.spaces.library, start: '2026-09-01T07:30', end: '2026-09-01T08:30', rrule: 'FREQ=WEEKLY;COUNT=6' });
  expect(series.status, series.raw).toBe(201);
  const meetings = (await t.call('GET', `/api/campuses/${c.campusId}/council/meetings`)).body.map((m: { id: number }) => m.id);
  return {
    t,
    c,
    stem,
    jefferson: await person('jefferson', 'lead', c.schools.jefferson),
    lincoln: await person('lincoln', 'lead', c.schools.lincoln),
    office: await person('principal', 'principal', c.schools.office),
    stemLead: await person('stem', 'lead', stem),
    viewer: await person('viewer', 'viewer', null),
    meetings,
  };
}

function ok<T = any>(res: Reply<T>, status = 200): T {
  expect(res.status, res.raw).toBe(status);
  return res.body;
}

/** The council's URLs on this campus. */
const urls = (k: Council) => ({
  meeting: (meetingId: number, rest = '') => `/api/campuses/${k.c.campusId}/council/meetings/${meetingId}${rest}`,
  actionItems: (rest = '') => `/api/campuses/${k.c.campusId}/council/action-items${rest}`,
});

async function minutesOf(k: Council, meetingId: number, who: Person = k.jefferson) {
  return ok(await who.call('GET', urls(k).meeting(meetingId, '/minutes')));
}

async function attend(k: Council, meetingId: number, entries: Array<[number, 'present' | 'absent' | 'represented']>) {
  return ok(await k.jefferson.call('PUT', urls(k).meeting(meetingId, '/attendance'), { attendance: entries.map(([schoolId, status]) => ({ schoolId, status })) }));
}

/** Moved by Jefferson, seconded by Lincoln, on the first item of the agenda unless told otherwise. */
async function move(k: Council, meetingId: number, over: Record<string, unknown> = {}) {
  const items = (await minutesOf(k, meetingId)).items;
  const body = { agendaItemId: items[0].id, text: 'To adopt the proposal', moverSchoolId: k.c.schools.jefferson, seconderSchoolId: k.c.schools.lincoln, ...over };
  return ok(await k.jefferson.call('POST', urls(k).meeting(meetingId, '/motions'), body), 201);
}

async function vote(k: Council, who: Person, schoolId: number, meetingId: number, motionId: number, choice: 'yes' | 'no' | 'abstain') {
  return who.call('PUT', urls(k).meeting(meetingId, `/motions/${motionId}/votes/${schoolId}`), { vote: choice });
}

/** Jefferson, Lincoln and the office all vote the same way. */
async function threeVote(k: Council, meetingId: number, motionId: number, choice: 'yes' | 'no') {
  ok(await vote(k, k.jefferson, k.c.schools.jefferson, meetingId, motionId, choice));
  ok(await vote(k, k.lincoln, k.c.schools.lincoln, meetingId, motionId, choice));
  ok(await vote(k, k.office, k.c.schools.office, meetingId, motionId, choice));
}

const closeMotion = (k: Council, meetingId: number, motionId: number) => k.jefferson.call('POST', urls(k).meeting(meetingId, `/motions/${motionId}/close`));

describe('a meeting in session', () => {
  let k: Council;
  let m: number;
  beforeAll(async () => {
    k = await buildCouncil();
    m = k.meetings[0]!;
  });
  afterAll(() => k.t.close());

  it('opens once; opening writes the agenda down so that notes and motions have items', async () => {
    const before = await minutesOf(k, m);
    expect(before.meeting).toMatchObject({ id: m, status: 'scheduled', minutesStatus: 'draft', openedAt: null });
    expect(before.items).toEqual([]);

    const opened = ok(await k.jefferson.call('POST', urls(k).meeting(m, '/open')));
    expect(opened).toMatchObject({ id: m, status: 'open', openedAt: new Date(DEFAULT_NOW).toISOString() });
    expectProblem(await k.lincoln.call('POST', urls(k).meeting(m, '/open')), { status: 409, code: 'state' });
    expectProblem(await k.viewer.call('POST', urls(k).meeting(k.meetings[1]!, '/open')), { status: 403, code: 'forbidden' });

    const after = await minutesOf(k, m);
    expect(after.items.map((i: { source: string }) => i.source)).toContain('standing');
    expect(after.items[0]).toMatchObject({ notes: '', motions: [], start: '07:30', withdrawn: false });
  });

  it('attendance of the member schools makes the quorum; a school never recorded is absent', async () => {
    const empty = await minutesOf(k, m);
    expect(empty.quorum).toEqual({ present: 0, required: 3, met: false, memberCount: 4, quorumPercent: 50 });
    expect(empty.attendance.map((a: { schoolCode: string; status: string }) => [a.schoolCode, a.status])).toEqual([
      ['8800', 'absent'],
      ['8801', 'absent'],
      ['8802', 'absent'],
      ['8803', 'absent'],
    ]);

    const res = await k.jefferson.call('PUT', urls(k).meeting(m, '/attendance'), {
      attendance: [
        { schoolId: k.c.schools.jefferson, status: 'present', note: 'Dana' },
        { schoolId: k.c.schools.lincoln, status: 'present' },
        { schoolId: k.c.schools.office, status: 'represented', note: 'Assistant principal' },
      ],
    });
    const sheet = ok(res);
    expect(sheet.quorum).toMatchObject({ present: 3, required: 3, met: true });
    expect(sheet.attendance.find((a: { schoolId: number }) => a.schoolId === k.c.schools.office)).toMatchObject({ status: 'represented', note: 'Assistant principal', recorded: true });
    expect(sheet.attendance.find((a: { schoolId: number }) => a.schoolId === k.stem)).toMatchObject({ status: 'absent', recorded: false });
  });

  it('refuses attendance for a school that is not a member, listed twice, or from a viewer, and changes nothing', async () => {
    const other = await createCampus(k.t.call, { name: 'Other Campus' });
    const foreign = await createSchool(k.t.call, other, { locationCode: '9901' });
    const before = await minutesOf(k, m);
    expectProblem(await k.jefferson.call('PUT', urls(k).meeting(m, '/attendance'), { attendance: [{ schoolId: foreign, status: 'present' }] }), { status: 400, code: 'validation', field: 'attendance/0/schoolId' });
    const twice = [{ schoolId: k.stem, status: 'present' }, { schoolId: k.stem, status: 'absent' }];
    expectProblem(await k.jefferson.call('PUT', urls(k).meeting(m, '/attendance'), { attendance: twice }), { status: 400, code: 'validation', field: 'attendance/1/schoolId' });
    expectProblem(await k.viewer.call('PUT', urls(k).meeting(m, '/attendance'), { attendance: [{ schoolId: k.stem, status: 'present' }] }), { status: 403, code: 'forbidden' });
    expect((await minutesOf(k, m)).attendance).toEqual(before.attendance);
  });

  it('one vote per school: three schools carry a motion, and a second vote replaces the first', async () => {
    const motion = await move(k, m);
    expect(motion).toMatchObject({ status: 'open', result: null, moverSchoolId: k.c.schools.jefferson, seconderSchoolId: k.c.schools.lincoln, votes: [] });

    ok(await vote(k, k.jefferson, k.c.schools.jefferson, m, motion.id, 'yes'));
    ok(await vote(k, k.lincoln, k.c.schools.lincoln, m, motion.id, 'no'));
    ok(await vote(k, k.office, k.c.schools.office, m, motion.id, 'yes'));
    const changed = ok(await vote(k, k.lincoln, k.c.schools.lincoln, m, motion.id, 'yes'));
    expect(changed.votes.map((v: { schoolId: number; vote: string; castBy: number }) => [v.schoolId, v.vote, v.castBy])).toEqual(
      [
        [k.c.schools.jefferson, 'yes', k.jefferson.id],
        [k.c.schools.lincoln, 'yes', k.lincoln.id],
        [k.c.schools.office, 'yes', k.office.id],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );

    const closed = ok(await closeMotion(k, m, motion.id));
    expect(closed).toMatchObject({ status: 'closed', result: 'carried', yes: 3, no: 0, abstain: 0, appliedAt: null });
    expectProblem(await closeMotion(k, m, motion.id), { status: 409, code: 'state' });
    expectProblem(await vote(k, k.jefferson, k.c.schools.jefferson, m, motion.id, 'no'), { status: 409, code: 'state' });
  });

  it('nobody votes for a school they do not sit for, and an absent school cannot vote', async () => {
    const motion = await move(k, m);
    ok(await vote(k, k.lincoln, k.c.schools.lincoln, m, motion.id, 'no'));
    expectProblem(await vote(k, k.jefferson, k.c.schools.lincoln, m, motion.id, 'yes'), { status: 403, code: 'forbidden' });
    expectProblem(await vote(k, k.office, k.c.schools.jefferson, m, motion.id, 'yes'), { status: 403, code: 'forbidden' });
    expectProblem(await vote(k, k.viewer, k.c.schools.jefferson, m, motion.id, 'yes'), { status: 403, code: 'forbidden' });
    expectProblem(await vote(k, k.stemLead, k.stem, m, motion.id, 'yes'), { status: 409, code: 'state' });
    const after = (await minutesOf(k, m)).items[0].motions.find((x: { id: number }) => x.id === motion.id);
    expect(after.votes.map((v: { schoolId: number; vote: string }) => [v.schoolId, v.vote])).toEqual([[k.c.schools.lincoln, 'no']]);
    // Nor moves a motion in another school's name.
    expectProblem(await k.jefferson.call('POST', urls(k).meeting(m, '/motions'), { agendaItemId: after.agendaItemId, text: 'x', moverSchoolId: k.c.schools.lincoln }), { status: 403, code: 'forbidden' });
    ok(await closeMotion(k, m, motion.id));
  });

  it('without quorum nothing is decided, and a school marked absent after voting is not counted', async () => {
    const motion = await move(k, m);
    ok(await vote(k, k.jefferson, k.c.schools.jefferson, m, motion.id, 'yes'));
    ok(await vote(k, k.lincoln, k.c.schools.lincoln, m, motion.id, 'yes'));
    ok(await vote(k, k.office, k.c.schools.office, m, motion.id, 'yes'));
    await attend(k, m, [[k.c.schools.office, 'absent']]);
    expect(ok(await closeMotion(k, m, motion.id))).toMatchObject({ result: 'no_quorum', yes: 2, no: 0 });
    await attend(k, m, [[k.c.schools.office, 'represented']]);
  });

  it('a decision that changes the calendar needs the quorum among the schools that voted, not only present', async () => {
    const club = await book(k.t.call, k.c, { schoolId: k.c.schools.lincoln, title: 'Chess club', start: '2026-10-07T15:00', end: '2026-10-07T16:00' });
    const lone = await move(k, m, { text: 'To cancel the chess club', decision: { kind: 'booking', bookingId: club.id, action: 'cancel', scope: 'series' } });
    ok(await vote(k, k.jefferson, k.c.schools.jefferson, m, lone.id, 'yes'));
    expect(ok(await closeMotion(k, m, lone.id))).toMatchObject({ result: 'no_quorum', appliedAt: null });
    expect(ok(await k.t.call('GET', `/api/bookings/${club.id}`)).status).toBe('active');
    // A motion that changes nothing on the calendar is decided by the schools present.
    const policy = await move(k, m, { text: 'To keep the hallway quiet', decision: { kind: 'policy', text: 'Quiet hallways during testing' } });
    ok(await vote(k, k.jefferson, k.c.schools.jefferson, m, policy.id, 'yes'));
    expect(ok(await closeMotion(k, m, policy.id))).toMatchObject({ result: 'carried' });
  });

  it('a carried decision cancels the booking in the same transaction, whichever school holds it', async () => {
    const club = await book(k.t.call, k.c, { schoolId: k.c.schools.lincoln, title: 'Debate finals', start: '2026-10-06T15:00', end: '2026-10-06T16:00', rrule: 'FREQ=WEEKLY;COUNT=3' });
    const target = club.occurrences[1]!;
    const motion = await move(k, m, { text: 'To free the auditorium on Oct 13', decision: { kind: 'booking', bookingId: club.id, occurrenceId: target.id, action: 'cancel', scope: 'occurrence' } });
    expect(motion.decision).toEqual({ kind: 'booking', bookingId: club.id, occurrenceId: target.id, action: 'cancel', scope: 'occurrence' });
    await threeVote(k, m, motion.id, 'yes');
    const closed = ok(await closeMotion(k, m, motion.id));
    expect(closed).toMatchObject({ result: 'carried', appliedAt: new Date(DEFAULT_NOW).toISOString() });

    const booking = ok(await k.t.call('GET', `/api/bookings/${club.id}`));
    expect(booking.occurrences.map((o: { status: string }) => o.status)).toEqual(['active', 'cancelled', 'active']);
    // Audited under the person who closed the vote (a lead of another school), not as an anonymous system change.
    const audit = ok(await k.t.call('GET', `/api/campuses/${k.c.campusId}/audit?action=booking.cancel.occurrence&entityId=${club.id}`));
    expect(audit.map((e: { actorUserId: number }) => e.actorUserId)).toEqual([k.jefferson.id]);
  });

  it('a carried decision that cannot be applied changes nothing; the council can then vote it down', async () => {
    const club = await book(k.t.call, k.c, { schoolId: k.c.schools.lincoln, title: 'Robotics', start: '2026-10-08T15:00', end: '2026-10-08T16:00', rrule: 'FREQ=WEEKLY;COUNT=2' });
    const target = club.occurrences[1]!;
    const motion = await move(k, m, { decision: { kind: 'booking', bookingId: club.id, occurrenceId: target.id, action: 'cancel', scope: 'occurrence' } });
    await threeVote(k, m, motion.id, 'yes');
    // Lincoln cancels that occurrence itself before the vote closes.
    ok(await k.lincoln.call('DELETE', `/api/bookings/${club.id}?scope=occurrence&occurrenceId=${target.id}`));

    const calendar = await snapshot(k.t.call, k.c.campusId);
    const minutes = await minutesOf(k, m);
    expectProblem(await closeMotion(k, m, motion.id), { status: 409, code: 'state' });
    expect(await snapshot(k.t.call, k.c.campusId)).toEqual(calendar);
    expect(await minutesOf(k, m)).toEqual(minutes);
    const still = minutes.items[0].motions.find((x: { id: number }) => x.id === motion.id);
    expect(still).toMatchObject({ status: 'open', result: null, appliedAt: null });
    expect(still.votes).toHaveLength(3);

    await threeVote(k, m, motion.id, 'no');
    expect(ok(await closeMotion(k, m, motion.id))).toMatchObject({ result: 'failed', no: 3, appliedAt: null });
  });

  it('a carried decision lifts a closure', async () => {
    const closure = ok(await k.t.call('POST', `/api/campuses/${k.c.campusId}/closures`, { reason: 'maintenance', spaceIds: [k.c.spaces.gym], start: '2026-11-02', end: '2026-11-03' }), 201);
    const motion = await move(k, m, { decision: { kind: 'closure', closureId: closure.id, action: 'lift' } });
    await threeVote(k, m, motion.id, 'yes');
    expect(ok(await closeMotion(k, m, motion.id))).toMatchObject({ result: 'carried', appliedAt: expect.any(String) });
    expect(ok(await k.t.call('GET', `/api/campuses/${k.c.campusId}/closures/${closure.id}`))).toMatchObject({ archived: true });
  });

  it('refuses a decision about records of another campus or that cannot apply, storing no motion', async () => {
    const other = await createCampus(k.t.call, { name: 'Far Campus' });
    const count = async () => (await minutesOf(k, m)).items.flatMap((i: { motions: unknown[] }) => i.motions).length;
    const before = await count();
    const itemId = (await minutesOf(k, m)).items[0].id;
    const post = (decision: unknown) => k.jefferson.call('POST', urls(k).meeting(m, '/motions'), { agendaItemId: itemId, text: 'To decide', moverSchoolId: k.c.schools.jefferson, decision });
    const club = await book(k.t.call, k.c, { schoolId: k.c.schools.jefferson, start: '2026-10-09T09:00', end: '2026-10-09T10:00' });
    expectProblem(await post({ kind: 'booking', bookingId: 987654, action: 'cancel', scope: 'series' }), { status: 400, code: 'validation', field: 'decision/bookingId' });
    expectProblem(await post({ kind: 'booking', bookingId: club.id, action: 'cancel', scope: 'occurrence' }), { status: 400, code: 'validation', field: 'decision/occurrenceId' });
    const foreignClosure = ok(await k.t.call('POST', `/api/campuses/${other}/closures`, { reason: 'holiday', start: '2026-12-21', end: '2026-12-21' }), 201);
    expectProblem(await post({ kind: 'closure', closureId: foreignClosure.id, action: 'lift' }), { status: 400, code: 'validation', field: 'decision/closureId' });
    expectProblem(await post({ kind: 'minutes', meetingId: m }), { status: 400, code: 'validation', field: 'decision/meetingId' });
    expectProblem(await post({ kind: 'policy', text: 'x', extra: true }), { status: 400, code: 'validation' });
    expect(await count()).toBe(before);
  });

  it('notes: a stale version is refused with 409 council.stale and the first text is kept', async () => {
    const item = (await minutesOf(k, m)).items[1];
    const url = urls(k).meeting(m, `/agenda/items/${item.id}/notes`);
    const first = ok(await k.jefferson.call('PATCH', url, { notes: 'Security: the side door stays locked.', version: item.version }));
    expect(first).toMatchObject({ id: item.id, version: item.version + 1 });
    const stale = await k.lincoln.call('PATCH', url, { notes: 'Security: nothing to report.', version: item.version });
    expectProblem(stale, { status: 409, code: 'council.stale' });
    expect((await minutesOf(k, m)).items[1].notes).toBe('Security: the side door stays locked.');

    // Two people saving the same version at once: exactly one wins, and its text is the one kept.
    const [a, b] = await Promise.all([
      k.jefferson.call('PATCH', url, { notes: 'Jefferson’s text', version: first.version }),
      k.lincoln.call('PATCH', url, { notes: 'Lincoln’s text', version: first.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'Jefferson’s text' : 'Lincoln’s text';
    expect((await minutesOf(k, m)).items[1]).toMatchObject({ notes: winner, version: first.version + 1 });
  });

  it('notes: refuses a viewer, an item of another meeting, and a missing version', async () => {
    const item = (await minutesOf(k, m)).items[2];
    expectProblem(await k.viewer.call('PATCH', urls(k).meeting(m, `/agenda/items/${item.id}/notes`), { notes: 'x', version: item.version }), { status: 403, code: 'forbidden' });
    expectProblem(await k.jefferson.call('PATCH', urls(k).meeting(k.meetings[1]!, `/agenda/items/${item.id}/notes`), { notes: 'x', version: item.version }), { status: 404, code: 'not_found' });
    expectProblem(await k.jefferson.call('PATCH', urls(k).meeting(m, `/agenda/items/${item.id}/notes`), { notes: 'x' }), { status: 400, code: 'validation', field: 'version' });
  });

  it('the meeting closes only when every motion is decided', async () => {
    const motion = await move(k, m);
    expectProblem(await k.jefferson.call('POST', urls(k).meeting(m, '/close')), { status: 409, code: 'state' });
    ok(await closeMotion(k, m, motion.id));
    const closed = ok(await k.jefferson.call('POST', urls(k).meeting(m, '/close')));
    expect(closed).toMatchObject({ status: 'closed', lockedMinutesOf: [] });
    expectProblem(await k.jefferson.call('POST', urls(k).meeting(m, '/motions'), { agendaItemId: motion.agendaItemId, text: 'Late', moverSchoolId: k.c.schools.jefferson }), { status: 409, code: 'state' });
  });
});

describe('the minutes from draft to locked', () => {
  let k: Council;
  let first: number;
  let second: number;
  let actionItem: { id: number; version: number };
  beforeAll(async () => {
    k = await buildCouncil();
    [first, second] = k.meetings as [number, number];
  });
  afterAll(() => k.t.close());

  it('the first meeting records notes and an action item; draft minutes are the council’s to read', async () => {
    ok(await k.jefferson.call('POST', urls(k).meeting(first, '/open')));
    await attend(k, first, [[k.c.schools.jefferson, 'present'], [k.c.schools.lincoln, 'present'], [k.c.schools.office, 'present']]);
    const item = (await minutesOf(k, first)).items[0];
    ok(await k.jefferson.call('PATCH', urls(k).meeting(first, `/agenda/items/${item.id}/notes`), { notes: 'Agreed to share the hallway rota.', version: item.version }));
    const created = ok(
      await k.jefferson.call('POST', urls(k).actionItems(), { meetingId: first, agendaItemId: item.id, what: 'Post the hallway rota', ownerSchoolId: k.c.schools.lincoln, ownerUserId: k.lincoln.id, dueDate: '2026-09-15' }),
      201,
    );
    expect(created).toMatchObject({ meetingId: first, status: 'open', ownerUserId: k.lincoln.id, dueDate: '2026-09-15', doneAt: null, version: 1 });
    actionItem = created;
    expectProblem(await k.jefferson.call('POST', urls(k).actionItems(), { meetingId: first, what: 'x', ownerSchoolId: 987654 }), { status: 400, code: 'validation', field: 'ownerSchoolId' });
    expectProblem(await k.jefferson.call('POST', urls(k).actionItems(), { meetingId: 987654, what: 'x', ownerSchoolId: k.stem }), { status: 400, code: 'validation', field: 'meetingId' });

    expectProblem(await k.jefferson.call('POST', urls(k).meeting(first, '/minutes/circulate')), { status: 409, code: 'state' });
    ok(await k.jefferson.call('POST', urls(k).meeting(first, '/close')));
    expect(ok(await k.office.call('GET', urls(k).meeting(first, '/minutes'))).meeting.minutesStatus).toBe('draft');
    expect(ok(await k.t.call('GET', urls(k).meeting(first, '/minutes'))).actionItems).toHaveLength(1);
    expectProblem(await k.viewer.call('GET', urls(k).meeting(first, '/minutes')), { status: 403, code: 'forbidden' });
    expectProblem(await k.jefferson.call('POST', urls(k).meeting(first, '/minutes/amendments'), { text: 'Too early' }), { status: 409, code: 'state' });
  });

  it('the action item is carried to the next agenda and listed as open', async () => {
    ok(await k.jefferson.call('POST', urls(k).meeting(second, '/open')));
    const items = (await minutesOf(k, second)).items;
    expect(items.map((i: { source: string }) => i.source).slice(0, 2)).toEqual(['minutes_approval', 'action_item']);
    expect(items[1].title).toContain('Post the hallway rota');
    const open = ok(await k.viewer.call('GET', urls(k).actionItems('?status=open')));
    expect(open.map((a: { id: number }) => a.id)).toEqual([actionItem.id]);
  });

  it('minutes are approved only once circulated, by a carried motion of a later meeting', async () => {
    await attend(k, second, [[k.c.schools.jefferson, 'present'], [k.c.schools.lincoln, 'present'], [k.c.schools.office, 'represented']]);
    const approval = (await minutesOf(k, second)).items[0];
    const post = (decision: unknown) =>
      k.jefferson.call('POST', urls(k).meeting(second, '/motions'), { agendaItemId: approval.id, text: 'To approve the minutes as circulated', moverSchoolId: k.c.schools.jefferson, decision });
    expectProblem(await post({ kind: 'minutes', meetingId: first }), { status: 409, code: 'state' }); // still a draft
    expectProblem(await post({ kind: 'minutes', meetingId: second }), { status: 400, code: 'validation', field: 'decision/meetingId' });
    expectProblem(await post({ kind: 'minutes', meetingId: k.meetings[2] }), { status: 400, code: 'validation', field: 'decision/meetingId' });

    const circulated = ok(await k.lincoln.call('POST', urls(k).meeting(first, '/minutes/circulate')));
    expect(circulated).toMatchObject({ minutesStatus: 'circulated', circulatedAt: new Date(DEFAULT_NOW).toISOString() });
    expectProblem(await k.lincoln.call('POST', urls(k).meeting(first, '/minutes/circulate')), { status: 409, code: 'state' });
    const read = ok(await k.viewer.call('GET', urls(k).meeting(first, '/minutes')));
    expect(read.items[0].notes).toBe('Agreed to share the hallway rota.');

    const motion = ok(await post({ kind: 'minutes', meetingId: first }), 201);
    await threeVote(k, second, motion.id, 'yes');
    expect(ok(await closeMotion(k, second, motion.id))).toMatchObject({ result: 'carried', appliedAt: expect.any(String) });
    expect((await minutesOf(k, first)).meeting).toMatchObject({ minutesStatus: 'approved', approvedInId: second, lockedAt: null });
  });

  it('approved minutes no longer change; closing the approving meeting locks them', async () => {
    const item = (await minutesOf(k, first)).items[0];
    const notes = urls(k).meeting(first, `/agenda/items/${item.id}/notes`);
    expectProblem(await k.jefferson.call('PATCH', notes, { notes: 'Rewritten', version: item.version }), { status: 409, code: 'state' });

    const closed = ok(await k.jefferson.call('POST', urls(k).meeting(second, '/close')));
    expect(closed.lockedMinutesOf).toEqual([first]);
    const locked = await minutesOf(k, first);
    expect(locked.meeting).toMatchObject({ minutesStatus: 'locked', lockedAt: new Date(DEFAULT_NOW).toISOString() });

    expectProblem(await k.jefferson.call('PATCH', notes, { notes: 'Rewritten', version: item.version }), { status: 409, code: 'state' });
    expectProblem(await k.jefferson.call('PUT', urls(k).meeting(first, '/attendance'), { attendance: [{ schoolId: k.stem, status: 'present' }] }), { status: 409, code: 'state' });
    expectProblem(await k.jefferson.call('POST', urls(k).meeting(first, '/motions'), { agendaItemId: item.id, text: 'Late', moverSchoolId: k.c.schools.jefferson }), { status: 409, code: 'state' });
    expectProblem(await k.jefferson.call('POST', urls(k).actionItems(), { meetingId: first, what: 'Late', ownerSchoolId: k.stem }), { status: 409, code: 'state' });
    expectProblem(await k.jefferson.call('POST', urls(k).meeting(first, '/open')), { status: 409, code: 'state' });
    expect(await minutesOf(k, first)).toEqual(locked);
  });

  it('a correction to locked minutes is an amendment, with who and when', async () => {
    const res = await k.lincoln.call('POST', urls(k).meeting(first, '/minutes/amendments'), { text: 'The rota starts on September 8, not 1.' });
    expect(ok(res, 201)).toMatchObject({ meetingId: first, byUserId: k.lincoln.id, byName: 'lincoln', at: new Date(DEFAULT_NOW).toISOString() });
    const read = ok(await k.viewer.call('GET', urls(k).meeting(first, '/minutes')));
    expect(read.amendments).toEqual([expect.objectContaining({ text: 'The rota starts on September 8, not 1.', byUserId: k.lincoln.id, byName: 'lincoln' })]);
    expect(read.items[0].notes).toBe('Agreed to share the hallway rota.');
    expectProblem(await k.viewer.call('POST', urls(k).meeting(first, '/minutes/amendments'), { text: 'x' }), { status: 403, code: 'forbidden' });
  });

  it('the action item is followed up after its minutes are locked: marked done, its wording kept', async () => {
    const url = urls(k).actionItems(`/${actionItem.id}`);
    expectProblem(await k.jefferson.call('PATCH', url, { what: 'Reworded', version: actionItem.version }), { status: 409, code: 'state' });
    expectProblem(await k.viewer.call('PATCH', url, { status: 'done', version: actionItem.version }), { status: 403, code: 'forbidden' });
    const done = ok(await k.office.call('PATCH', url, { status: 'done', version: actionItem.version }));
    expect(done).toMatchObject({ status: 'done', doneAt: new Date(DEFAULT_NOW).toISOString(), what: 'Post the hallway rota', version: actionItem.version + 1 });
    expectProblem(await k.jefferson.call('PATCH', url, { status: 'open', version: actionItem.version }), { status: 409, code: 'council.stale' });
    expect(ok(await k.viewer.call('GET', urls(k).actionItems('?status=open')))).toEqual([]);
    expect(ok(await k.viewer.call('GET', urls(k).actionItems('?status=done'))).map((a: { id: number }) => a.id)).toEqual([actionItem.id]);
  });
});
