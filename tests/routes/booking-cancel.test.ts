import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOW, buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { book, createCampusFixture, createSpace, type BookingView, type Campus, type OccurrenceView } from '../helpers/fixtures.js';

let t: TestApp;
let c: Campus;
beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
});
afterAll(() => t.close());

const NOW_ISO = new Date(DEFAULT_NOW).toISOString();
const cancel = (id: number, query = '') => t.call('DELETE', `/api/bookings/${id}${query}`);
const read = async (id: number): Promise<BookingView> => (await t.call('GET', `/api/bookings/${id}`)).body;
const statuses = (b: { occurrences: OccurrenceView[] }) => b.occurrences.map((o) => o.status);

/** A weekly series of four on Thursdays 15:00–16:00 from `date`, in a room of its own. */
async function weekly(app: TestApp, campus: Campus, date: string, title: string) {
  const spaceId = await createSpace(app.call, campus.campusId, { name: `Room for ${title}`, kind: 'classroom', capacity: 200 });
  return book(app.call, campus, { spaceId, title, start: `${date}T15:00`, end: `${date}T16:00`, rrule: 'FREQ=WEEKLY;COUNT=4' });
}

async function listed(spaceId: number, includeCancelled: boolean) {
  const res = await t.call('GET', `/api/campuses/${c.campusId}/occurrences?from=2026-09-01&to=2026-12-01&spaceId=${spaceId}&includeCancelled=${includeCancelled}`);
  return (res.body as Array<{ status: string }>).map((o) => o.status);
}

describe('DELETE /api/bookings/:bookingId (scope=series, the default)', () => {
  it('cancels every occurrence but deletes nothing: status, cancelledAt kept; the slot is free again', async () => {
    const b = await weekly(t, c, '2026-09-03', 'Chess');
    const res = await cancel(b.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: b.id, status: 'cancelled', cancelledAt: NOW_ISO, version: b.version + 1 });
    expect(res.body.occurrences.map((o: OccurrenceView) => o.id)).toEqual(b.occurrences.map((o) => o.id));
    expect(res.body.occurrences.every((o: OccurrenceView) => o.status === 'cancelled' && o.cancelledAt === NOW_ISO)).toBe(true);
    expect(await read(b.id)).toEqual(res.body);

    expect(await listed(b.spaceId, false)).toEqual([]);
    expect(await listed(b.spaceId, true)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    await book(t.call, c, { spaceId: b.spaceId, start: '2026-09-10T15:00', end: '2026-09-10T16:00' });
  });

  it('cancelling again is 409 state, and changes nothing', async () => {
    const b = await weekly(t, c, '2026-09-03', 'Go');
    const first = (await cancel(b.id)).body;
    expectProblem(await cancel(b.id), { status: 409, code: 'state' });
    expect(await read(b.id)).toEqual(first);
  });

  it('leaves occurrences that already ended as they were', async () => {
    const mid = await buildTestApp({ now: Date.parse('2026-09-15T12:00:00Z') });
    try {
      const campus = await createCampusFixture(mid.call);
      const b = await weekly(mid, campus, '2026-09-03', 'Past and future'); // 09-03 and 09-10 are over
      const res = await mid.call('DELETE', `/api/bookings/${b.id}`);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
      expect(statuses(res.body)).toEqual(['active', 'active', 'cancelled', 'cancelled']);
    } finally {
      await mid.close();
    }
  });
});

describe('DELETE /api/bookings/:bookingId?scope=occurrence', () => {
  it('cancels one occurrence; the series stays active and the slot can be taken', async () => {
    const b = await weekly(t, c, '2026-10-01', 'Robotics');
    const second = b.occurrences[1]!;
    const res = await cancel(b.id, `?scope=occurrence&occurrenceId=${second.id}&version=${b.version}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', cancelledAt: null, version: b.version + 1 });
    expect(statuses(res.body)).toEqual(['active', 'cancelled', 'active', 'active']);
    expect(res.body.occurrences[1]).toMatchObject({ id: second.id, cancelledAt: NOW_ISO });
    const taker = await book(t.call, c, { spaceId: b.spaceId, schoolId: c.schools.lincoln, start: '2026-10-08T15:00', end: '2026-10-08T16:00' });
    expect(taker.occurrences[0]!.status).toBe('active');
  });

  it('cancelling that occurrence again is 409 state', async () => {
    const b = await weekly(t, c, '2026-10-01', 'Twice');
    const occ = b.occurrences[0]!.id;
    await cancel(b.id, `?scope=occurrence&occurrenceId=${occ}`);
    expectProblem(await cancel(b.id, `?scope=occurrence&occurrenceId=${occ}`), { status: 409, code: 'state' });
  });

  it('cancelling the last active occurrence cancels the booking', async () => {
    const spaceId = await createSpace(t.call, c.campusId, { name: 'Single room', kind: 'classroom', capacity: 150 });
    const b = await book(t.call, c, { spaceId, start: '2026-10-02T09:00', end: '2026-10-02T10:00' });
    const res = await cancel(b.id, `?scope=occurrence&occurrenceId=${b.occurrences[0]!.id}`);
    expect(res.body.status).toBe('cancelled');
  });
});

describe('DELETE /api/bookings/:bookingId?scope=following', () => {
  it('cancels the chosen occurrence and those after it', async () => {
    const b = await weekly(t, c, '2026-11-05', 'Band');
    const res = await cancel(b.id, `?scope=following&occurrenceId=${b.occurrences[2]!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('active');
    expect(statuses(res.body)).toEqual(['active', 'active', 'cancelled', 'cancelled']);
    expect(await listed(b.spaceId, false)).toEqual(['active', 'active']);
  });

  it('from the first occurrence it cancels the whole booking', async () => {
    const b = await weekly(t, c, '2026-11-05', 'Orchestra');
    const res = await cancel(b.id, `?scope=following&occurrenceId=${b.occurrences[0]!.id}`);
    expect(res.body.status).toBe('cancelled');
    expect(statuses(res.body)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
  });
});

describe('refusals', () => {
  it.each([
    ['no occurrenceId for scope=occurrence', '?scope=occurrence', 400, 'occurrenceId'],
    ['no occurrenceId for scope=following', '?scope=following', 400, 'occurrenceId'],
    ['an occurrence of another booking', '?scope=occurrence&occurrenceId=OTHER', 400, 'occurrenceId'],
    ['an unknown scope', '?scope=all', 400, 'scope'],
    ['a dryRun (not offered for cancel)', '?dryRun=true', 400, 'dryRun'],
    ['an occurrenceId that is not a number', '?scope=occurrence&occurrenceId=first', 400, 'occurrenceId'],
  ])('%s is a 400 naming the field, and changes nothing', async (_label, query, status, field) => {
    const b = await weekly(t, c, '2026-12-03', 'Refused');
    const other = await weekly(t, c, '2026-12-03', 'Other');
    const res = await cancel(b.id, query.replace('OTHER', String(other.occurrences[0]!.id)));
    expectProblem(res, { status, code: 'validation', field });
    expect(await read(b.id)).toEqual(b);
    expect(await read(other.id)).toEqual(other);
  });

  it('a stale version is 409 booking.stale, and changes nothing', async () => {
    const b = await weekly(t, c, '2026-12-10', 'Stale');
    await t.call('PATCH', `/api/bookings/${b.id}`, { title: 'Stale (renamed)' });
    const current = await read(b.id);
    const res = await cancel(b.id, `?version=${b.version}`);
    expectProblem(res, { status: 409, code: 'booking.stale' });
    expect(res.body.currentVersion).toBe(current.version);
    expect(await read(b.id)).toEqual(current);
  });

  it('unknown bookings are 404, malformed ids 400', async () => {
    expectProblem(await cancel(987654), { status: 404, code: 'not_found' });
    for (const id of ['0', '-1', 'abc', '99999999999999999999']) {
      expectProblem(await t.call('DELETE', `/api/bookings/${id}`), { status: 400, code: 'validation', field: 'bookingId' });
    }
  });
});
