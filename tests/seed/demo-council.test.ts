import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { systemActor } from '../../server/domain/actor.js';
import { fixedClock } from '../../server/domain/clock.js';
import { seedDemoCampusIfEmpty } from '../../server/seed/demo.js';
import { getAgenda } from '../../server/usecases/council-agenda.js';
import { listMeetings } from '../../server/usecases/council-meetings.js';
import { getMinutes } from '../../server/usecases/council-minutes-read.js';

/** The demo as it starts on a Monday evening in November, with its accounts. */
function seededAt(now: number) {
  const db = openDatabase(':memory:');
  const summary = seedDemoCampusIfEmpty(db, fixedClock(now), { passwordHash: 'not-a-real-hash' })!;
  const ctx = { repos: createRepositories(db), clock: () => now, actor: systemActor };
  return { ctx, campusId: summary.campusId };
}

describe('the demo council', () => {
  const { ctx, campusId } = seededAt(Date.parse('2026-11-24T04:00:00Z')); // Mon 2026-11-23, 20:00 in Los Angeles

  it('meets on the Tuesday council booking', () => {
    const { meetings } = listMeetings(ctx, campusId);
    expect(meetings.length).toBeGreaterThan(30);
    expect(meetings.every((m) => m.occurrence.localStart.endsWith('T07:30'))).toBe(true);
  });

  it('has the minutes of its last two meetings: the older approved at the later and locked, the later circulated', () => {
    const past = listMeetings(ctx, campusId).meetings.filter((m) => m.meeting?.status === 'closed');
    expect(past.map((m) => m.meeting!.minutesStatus)).toEqual(['locked', 'circulated']);
    const older = getMinutes(ctx, campusId, past[0]!.occurrence.occurrenceId);
    expect(older.attendance.quorum.met).toBe(true);
    const motion = older.items.flatMap((i) => i.motions)[0]!;
    expect(motion).toMatchObject({ result: 'carried', status: 'closed' });
    expect(motion.votes.length).toBe(10);
    expect(older.items.some((i) => i.notes.includes('Basketball season'))).toBe(true);
    expect(older.actionItems.map((a) => a.status).sort()).toEqual(['done', 'open']);
  });

  it('carries the open action item and three submitted items to the next agenda', () => {
    const next = listMeetings(ctx, campusId).meetings.find((m) => m.occurrence.startUtc > ctx.clock() && m.occurrence.status === 'active')!;
    const agenda = getAgenda(ctx, campusId, next.occurrence.occurrenceId);
    expect(agenda.items.filter((i) => i.source === 'submitted').map((i) => i.title)).toHaveLength(3);
    expect(agenda.items.filter((i) => i.source === 'action_item').map((i) => i.title)).toEqual(['Action item: Ask the district for the repair of the auditorium sound system']);
  });

  it('seeds without minutes before the school year and after it, and without accounts', () => {
    expect(() => seededAt(Date.parse('2026-07-01T12:00:00Z'))).not.toThrow();
    expect(() => seededAt(Date.parse('2027-08-01T12:00:00Z'))).not.toThrow();
    const db = openDatabase(':memory:');
    expect(seedDemoCampusIfEmpty(db, fixedClock(Date.parse('2026-11-24T04:00:00Z')))).not.toBeNull();
  });
});
