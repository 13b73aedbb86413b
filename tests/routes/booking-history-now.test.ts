import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { book, createCampusFixture, createSpace, type BookingView, type OccurrenceView } from '../helpers/fixtures.js';

/** What has started is history, whatever the scope of the edit or the cancellation. */

let t: TestApp;
afterEach(() => t.close());

const active = (b: BookingView) => b.occurrences.filter((o: OccurrenceView) => o.status === 'active').map((o) => o.localStart);

/** A weekly series of `count` on Tuesdays from 2026-09-01 at `time`, on an app whose clock reads `now`. */
async function seriesAt(now: string, time: string, count = 4) {
  t = await buildTestApp({ now: Date.parse(now) });
  const c = await createCampusFixture(t.call);
  const spaceId = await createSpace(t.call, c.campusId, { name: 'History room', kind: 'classroom', capacity: 100 });
  const [h, m] = time.split(':').map(Number);
  const end = `${String(h! + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return book(t.call, c, { spaceId, title: 'Seminar', start: `2026-09-01T${time}`, end: `2026-09-01T${end}`, rrule: `FREQ=WEEKLY;COUNT=${count}` });
}

describe('a series edit on the day of an occurrence', () => {
  it('adds no second occurrence on a day whose occurrence already took place', async () => {
    const b = await seriesAt('2026-09-08T19:30:00Z', '08:00'); // 12:30 in Los Angeles
    const res = await t.call('PATCH', `/api/bookings/${b.id}?scope=series`, { start: '2026-09-01T16:00' });
    expect(res.status, res.raw).toBe(200);
    expect(active(res.body)).toEqual(['2026-09-01T08:00', '2026-09-08T08:00', '2026-09-15T16:00', '2026-09-22T16:00']);
  });

  it('does not move an occurrence that is under way', async () => {
    const b = await seriesAt('2026-09-08T23:30:00Z', '16:00'); // 16:30 in Los Angeles
    const res = await t.call('PATCH', `/api/bookings/${b.id}?scope=series`, { start: '2026-09-01T18:00' });
    expect(res.status, res.raw).toBe(200);
    expect(active(res.body)).toEqual(['2026-09-01T16:00', '2026-09-08T16:00', '2026-09-15T18:00', '2026-09-22T18:00']);
  });
});

describe('single occurrences that have started', () => {
  it('cannot be edited nor cancelled (409), and stay as they were', async () => {
    const b = await seriesAt('2026-09-10T12:00:00Z', '16:00');
    const past = b.occurrences[1]!; // 2026-09-08
    expectProblem(await t.call('PATCH', `/api/bookings/${b.id}?scope=occurrence&occurrenceId=${past.id}`, { title: 'Rewritten' }), { status: 409, code: 'state' });
    expectProblem(await t.call('DELETE', `/api/bookings/${b.id}?scope=occurrence&occurrenceId=${past.id}`), { status: 409, code: 'state' });
    expect((await t.call('GET', `/api/bookings/${b.id}`)).body.occurrences[1]).toEqual(past);
  });

  it('"cancel this and following" from a past occurrence cancels only the coming ones', async () => {
    const b = await seriesAt('2026-09-10T12:00:00Z', '16:00');
    const res = await t.call('DELETE', `/api/bookings/${b.id}?scope=following&occurrenceId=${b.occurrences[0]!.id}`);
    expect(res.status, res.raw).toBe(200);
    expect(active(res.body)).toEqual(['2026-09-01T16:00', '2026-09-08T16:00']);
  });
});

describe('"cancel this and following" ends the rule too', () => {
  it('so that a later series edit cannot bring the cancelled dates back', async () => {
    const b = await seriesAt('2026-08-20T12:00:00Z', '16:00');
    const cancelled = await t.call('DELETE', `/api/bookings/${b.id}?scope=following&occurrenceId=${b.occurrences[2]!.id}`);
    expect(cancelled.body.rrule).toBe('FREQ=WEEKLY;UNTIL=20260908');
    const moved = await t.call('PATCH', `/api/bookings/${b.id}?scope=series`, { start: '2026-09-02T16:00' });
    expect(moved.status, moved.raw).toBe(200);
    expect(active(moved.body)).toEqual(['2026-09-02T16:00']);
  });
});
