import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/app.js';
import { book, createCampusFixture, createSpace, type BookingView, type Campus, type OccurrenceView } from '../helpers/fixtures.js';

/**
 * Editing a series never rewrites history nor loses what a person decided: occurrences that
 * already happened stay as they were, dropped ones are cancelled (kept on record), skipped
 * dates follow the new time, and an edit cannot end up holding a slot twice.
 */

// 2026-09-20: the series below (Tuesdays from 2026-09-01) has had three occurrences.
const MID_SEPTEMBER = Date.parse('2026-09-20T12:00:00Z');
let t: TestApp;
let c: Campus;
beforeAll(async () => {
  t = await buildTestApp({ now: MID_SEPTEMBER });
  c = await createCampusFixture(t.call);
});
afterAll(() => t.close());

const patch = (id: number, query: string, body: unknown) => t.call('PATCH', `/api/bookings/${id}${query}`, body);
const read = async (id: number): Promise<BookingView> => (await t.call('GET', `/api/bookings/${id}`)).body;
const starts = (occ: OccurrenceView[]) => occ.map((o) => `${o.localStart}${o.status === 'cancelled' ? ' cancelled' : ''}`);

async function weekly(title: string, over: Record<string, unknown> = {}) {
  const spaceId = await createSpace(t.call, c.campusId, { name: `Room for ${title}`, kind: 'classroom', capacity: 200 });
  return book(t.call, c, { spaceId, title, start: '2026-09-01T16:00', end: '2026-09-01T17:00', rrule: 'FREQ=WEEKLY;COUNT=6', ...over });
}

describe('a series edit after the series has begun', () => {
  it('leaves the occurrences that already happened as they were, and moves only the coming ones', async () => {
    const b = await weekly('Chess');
    const res = await patch(b.id, '?scope=series', { start: '2026-09-01T18:00' });
    expect(res.status, res.raw).toBe(200);
    expect(starts(res.body.occurrences)).toEqual([
      '2026-09-01T16:00', '2026-09-08T16:00', '2026-09-15T16:00',
      '2026-09-22T18:00', '2026-09-29T18:00', '2026-10-06T18:00',
    ]);
  });

  it('cancels, never deletes, the coming occurrences a new rule drops, and creates none in the past', async () => {
    const b = await weekly('Debate');
    const res = await patch(b.id, '?scope=series', { rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=6', start: '2026-09-02T16:00' });
    expect(res.status, res.raw).toBe(200);
    const after = await read(b.id);
    // Every row the booking ever had is still there.
    expect(after.occurrences.map((o) => o.id)).toEqual(expect.arrayContaining(b.occurrences.map((o) => o.id)));
    expect(starts(after.occurrences.filter((o) => b.occurrences.some((x) => x.id === o.id)))).toEqual([
      '2026-09-01T16:00', '2026-09-08T16:00', '2026-09-15T16:00',
      '2026-09-22T16:00 cancelled', '2026-09-29T16:00 cancelled', '2026-10-06T16:00 cancelled',
    ]);
    const added = after.occurrences.filter((o) => !b.occurrences.some((x) => x.id === o.id));
    expect(starts(added)).toEqual(['2026-09-23T16:00', '2026-09-30T16:00', '2026-10-07T16:00']);
  });
});

describe('skipped dates follow a new time of day', () => {
  it('keeps skipping the date when the series moves from 16:00 to 17:00', async () => {
    const b = await weekly('Band', { exdates: ['2026-09-29T16:00'] });
    const res = await patch(b.id, '?scope=series', { start: '2026-09-01T17:00' });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.exdates).toEqual(['2026-09-29T17:00']);
    const active = res.body.occurrences.filter((o: OccurrenceView) => o.status === 'active').map((o: OccurrenceView) => o.localStart);
    expect(active).not.toContain('2026-09-29T17:00');
  });
});

describe('an edit never holds a slot twice', () => {
  it('refuses "this and following" whose new start falls on or before an occurrence that stays', async () => {
    const b = await weekly('Robotics');
    const res = await patch(b.id, `?scope=following&occurrenceId=${b.occurrences[4]!.id}`, { start: '2026-09-22T16:00' });
    expectProblem(res, { status: 400, code: 'validation', field: 'start' });
    expect(await read(b.id)).toEqual({ ...b, occurrences: b.occurrences });
  });

  it('checks a series edit against the booking\'s own exception it keeps', async () => {
    const b = await weekly('Drama');
    const moved = await patch(b.id, `?scope=occurrence&occurrenceId=${b.occurrences[4]!.id}`, { start: '2026-10-07T16:00' });
    expect(moved.status, moved.raw).toBe(200);
    // Tuesdays and Wednesdays: the new Wednesday 2026-10-07 would sit on the moved occurrence.
    const res = await patch(b.id, '?scope=series', { rrule: 'FREQ=WEEKLY;BYDAY=TU,WE;COUNT=12' });
    expectProblem(res, { status: 409, code: 'booking.conflict' });
    expect(res.body.conflicts.map((x: { occurrence: { localStart: string } }) => x.occurrence.localStart)).toContain('2026-10-07T16:00');
  });

  it('ends the first part of a split on its last occurrence that takes place', async () => {
    const b = await weekly('Poetry', { start: '2026-10-06T16:00', end: '2026-10-06T17:00', rrule: 'FREQ=WEEKLY;COUNT=4', exdates: ['2026-10-13'] });
    const third = b.occurrences.find((o) => o.localStart === '2026-10-20T16:00')!;
    const res = await patch(b.id, `?scope=following&occurrenceId=${third.id}`, { title: 'Poetry slam' });
    expect(res.status, res.raw).toBe(200);
    const first = await read(b.id);
    expect(first.rrule).toBe('FREQ=WEEKLY;UNTIL=20261006');
    expect(starts(first.occurrences)).toEqual(['2026-10-06T16:00']);
    expect(starts(res.body.occurrences)).toEqual(['2026-10-20T16:00', '2026-10-27T16:00']);
    // Both parts stay editable.
    expect((await patch(b.id, '', { title: 'Poetry (first week)' })).status).toBe(200);
  });
});
