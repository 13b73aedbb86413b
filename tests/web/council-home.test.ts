import { describe, expect, it } from 'vitest';
import {
  beforeDeadline,
  councilSchoolsOf,
  formatDeadline,
  itemKeys,
  matchingItem,
  moved,
  nextMeeting,
  parseMinutes,
  pastMeetings,
  positionAfterMove,
  withTimes,
} from '../../web/src/council/council-home.js';
import type { AgendaItem, CouncilMeeting } from '../../web/src/council/council.types.js';

const meeting = (id: number, localStart: string, extra: Partial<CouncilMeeting> = {}): CouncilMeeting => ({
  id, bookingId: 1, sequence: id, localStart, localEnd: `${localStart.slice(0, 11)}08:30`, startUtc: '', endUtc: '', cancelled: false, spaceId: 12,
  chairSchoolId: 1, noteTakerSchoolId: 2, status: 'scheduled', minutesStatus: 'draft', version: null, ...extra,
});

const item = (title: string, extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: null, position: 0, source: 'standing', sourceType: null, sourceId: null, title, titleKey: null, titleParams: null, detail: '', detailLines: null,
  schoolId: null, minutes: 5, start: '00:00', end: '00:00', notes: '', merged: [], version: null, ...extra,
});

describe('who sits on the council', () => {
  it('is a lead, council member or principal of a school, once per school', () => {
    const schools = [
      { id: 2, role: 'lead' },
      { id: 1, role: 'principal' },
      { id: 5, role: 'viewer' },
      { id: 3, role: 'council' },
      { id: 2, role: 'council' },
    ];
    expect(councilSchoolsOf(schools).map((s) => s.id)).toEqual([2, 1, 3]);
    expect(councilSchoolsOf([])).toEqual([]);
  });
});

describe('next and past meetings', () => {
  const meetings = [
    meeting(1, '2026-11-17T07:30', { minutesStatus: 'circulated' }),
    meeting(2, '2026-11-24T07:30', { cancelled: true }),
    meeting(3, '2026-12-01T07:30'),
    meeting(4, '2026-12-08T07:30'),
  ];

  it('the next one starts after now and is not cancelled', () => {
    expect(nextMeeting(meetings, '2026-11-23T10:00')?.id).toBe(3);
    expect(nextMeeting(meetings, '2026-11-10T10:00')?.id).toBe(1);
    // A meeting that has begun is no longer "next".
    expect(nextMeeting(meetings, '2026-12-01T07:30')?.id).toBe(4);
    expect(nextMeeting(meetings, '2026-12-09T00:00')).toBeNull();
  });

  it('past ones have begun, newest first, cancelled ones included', () => {
    expect(pastMeetings(meetings, '2026-11-30T00:00').map((m) => m.id)).toEqual([2, 1]);
    expect(pastMeetings(meetings, '2026-11-01T00:00')).toEqual([]);
  });

  it('submissions close at the deadline', () => {
    const deadline = '2026-11-30T15:30:00.000Z';
    expect(beforeDeadline(deadline, Date.parse('2026-11-30T15:29:59Z'))).toBe(true);
    expect(beforeDeadline(deadline, Date.parse('2026-11-30T15:30:00Z'))).toBe(false);
  });

  it('says the deadline in campus time, with the weekday', () => {
    expect(formatDeadline('2026-11-23T15:30:00.000Z', 'America/Los_Angeles', 'en')).toBe('Mon, Nov 23, 7:30 AM');
    expect(formatDeadline('2026-11-23T15:30:00.000Z', 'America/Los_Angeles', 'es')).toMatch(/lun.*23.*nov.*7:30/);
  });
});

describe('the agenda as members change it', () => {
  it('moves an item by one place, never past the ends', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(positionAfterMove(3, 2, -1)).toBe(2);
    expect(positionAfterMove(3, 0, -1)).toBe(1);
  });

  it('recomputes the times from the meeting start', () => {
    const timed = withTimes([item('a', { minutes: 5 }), item('b', { minutes: 10 }), item('c', { minutes: 50 })], '07:30');
    expect(timed.items.map((i) => `${i.start}-${i.end}`)).toEqual(['07:30-07:35', '07:35-07:45', '07:45-08:35']);
    expect(timed.totalMinutes).toBe(65);
    expect(timed.plannedEnd).toBe('08:35');
  });

  it('recognises an item of the live draft once the agenda is written down', () => {
    const draft = [
      item('Coming two weeks', { source: 'high_impact', titleKey: 'agenda.highImpact' }),
      item('Action item: keys', { source: 'action_item', sourceId: 7 }),
      item('Security'),
      item('Security'),
    ];
    const written = [
      item('Action item: a new one', { source: 'action_item', sourceId: 9, id: 20 }),
      ...draft.map((d, i) => ({ ...d, id: 10 + i, version: 1 })),
    ];
    expect(matchingItem(draft, 0, written)?.id).toBe(10);
    expect(matchingItem(draft, 1, written)?.id).toBe(11);
    // Two alike items stay told apart by their order.
    expect(matchingItem(draft, 3, written)?.id).toBe(13);
    expect(matchingItem(draft, 2, written.slice(0, 1))).toBeNull();
    expect(new Set(itemKeys(draft)).size).toBe(4);
  });

  it('accepts time-boxes the server accepts', () => {
    expect(parseMinutes(' 15 ')).toBe(15);
    expect(parseMinutes('240')).toBe(240);
    for (const bad of ['0', '241', '1.5', '-3', '', 'ten']) expect(parseMinutes(bad)).toBeNull();
  });
});
