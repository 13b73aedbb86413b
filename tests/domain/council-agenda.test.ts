import { describe, expect, it } from 'vitest';
import {
  AGENDA_SOURCES,
  DEFAULT_STANDING_TOPIC_KEYS,
  DEFAULT_STANDING_TOPICS,
  agendaTimes,
  draftAgenda,
  rotationOrder,
  standingTopicKey,
  whenText,
  type AgendaInput,
  type DraftItem,
  type HighImpactEntry,
  type MemberSchool,
  type SubmittedItem,
} from '../../server/domain/council/agenda.js';
import { AGENDA_TEXT_EN, renderEnglish, STANDING_TOPICS_EN, type AgendaTextKey } from '../../server/domain/council/agenda-text.js';
import { fieldOf } from '../helpers/errors.js';

// Ids deliberately out of code order: the rotation must follow the location codes.
const OFFICE = 40, ARTS = 30, HEALTH = 20, LEADERSHIP = 10;
const SCHOOLS: MemberSchool[] = [
  { id: LEADERSHIP, code: '8547' },
  { id: HEALTH, code: '1944' },
  { id: OFFICE, code: '1930' },
  { id: ARTS, code: '1931' },
];
const BY_CODE = [OFFICE, ARTS, HEALTH, LEADERSHIP];

const T0 = Date.UTC(2026, 10, 10, 15, 0);
const submitted = (id: number, schoolId: number, minutesAfterT0: number, title = `item ${id}`): SubmittedItem => ({
  id,
  title,
  detail: `detail of ${id}`,
  schoolId,
  schoolCode: SCHOOLS.find((s) => s.id === schoolId)?.code ?? '0000',
  submittedAt: T0 + minutesAfterT0 * 60_000,
});

const concert: HighImpactEntry = {
  kind: 'booking',
  occurrenceId: 501,
  bookingId: 50,
  title: 'Winter concert',
  schoolCode: '1931',
  spaceName: 'Auditorium',
  localStart: '2026-11-26T18:00',
  localEnd: '2026-11-26T20:30',
  attendees: 350,
};
const thanksgiving: HighImpactEntry = {
  kind: 'closure',
  closureId: 7,
  reason: 'Thanksgiving break',
  note: null,
  localStart: '2026-11-25T00:00',
  localEnd: '2026-11-28T00:00',
  spaceNames: null,
};
const gymFloor: HighImpactEntry = {
  kind: 'closure',
  closureId: 8,
  reason: 'Floor refinishing',
  note: '  Keep equipment off the floor  ',
  localStart: '2026-11-20T15:00',
  localEnd: '2026-11-20T22:00',
  spaceNames: ['Gym', 'Gym north half'],
};
const fieldDay: HighImpactEntry = { ...concert, occurrenceId: 502, bookingId: 51, title: 'Field day', schoolCode: '1944', spaceName: 'Field', localStart: '2026-11-20T15:00', localEnd: '2026-11-20T17:00', attendees: 400 };

function state(over: Partial<AgendaInput> = {}): AgendaInput {
  return {
    meeting: { id: 12, sequence: 1, localStart: '2026-11-17T07:30', localEnd: '2026-11-17T08:30' },
    previousMeeting: { id: 11, localStart: '2026-11-10T07:30', minutesStatus: 'circulated' },
    openActionItems: [
      { id: 3, what: 'Ask the district about the copier contract', ownerName: 'Ana Ruiz', ownerSchoolCode: '1944', dueDate: null },
      { id: 2, what: 'Post the gym schedule', ownerName: 'Ben Cho', ownerSchoolCode: '1930', dueDate: '2026-11-20' },
    ],
    councilMatters: [{ sourceType: 'conflict', sourceId: 91, title: 'Gym, Thursdays 15:00', detail: 'Arts and Health both hold the gym.' }],
    highImpact: [concert, thanksgiving],
    standingTopics: ['Security', 'Shared staff'],
    submitted: [submitted(1, OFFICE, 0), submitted(2, ARTS, 5)],
    memberSchools: SCHOOLS,
    ...over,
  };
}

const summary = (items: DraftItem[]) => items.map((i) => [i.source, i.sourceId, i.title, i.minutes]);

describe('draftAgenda', () => {
  it('drafts the agenda in the order of the design, each item with its default time-box', () => {
    expect(summary(draftAgenda(state()))).toEqual([
      ['minutes_approval', 11, 'Approve the minutes of 2026-11-10', 5],
      ['action_item', 2, 'Action item: Post the gym schedule', 3],
      ['action_item', 3, 'Action item: Ask the district about the copier contract', 3],
      ['council_matter', 91, 'Gym, Thursdays 15:00', 10],
      ['high_impact', null, 'Coming two weeks: high-impact bookings and closures', 5],
      // sequence 1 over 4 schools: ARTS speaks first, OFFICE last
      ['submitted', 2, 'item 2', 10],
      ['submitted', 1, 'item 1', 10],
      ['standing', null, 'Security', 5],
      ['standing', null, 'Shared staff', 5],
    ]);
  });

  it.each<[string, Partial<AgendaInput>, string[]]>([
    ['no previous meeting: no minutes to approve', { previousMeeting: null }, ['action_item', 'action_item', 'council_matter', 'high_impact', 'submitted', 'submitted', 'standing', 'standing']],
    ['approved minutes need no approval', { previousMeeting: { id: 11, localStart: '2026-11-10T07:30', minutesStatus: 'approved' } }, ['action_item', 'action_item', 'council_matter', 'high_impact', 'submitted', 'submitted', 'standing', 'standing']],
    ['locked minutes need no approval', { previousMeeting: { id: 11, localStart: '2026-11-10T07:30', minutesStatus: 'locked' } }, ['action_item', 'action_item', 'council_matter', 'high_impact', 'submitted', 'submitted', 'standing', 'standing']],
    ['nothing high-impact in the coming two weeks: no "Coming two weeks" item', { highImpact: [] }, ['minutes_approval', 'action_item', 'action_item', 'council_matter', 'submitted', 'submitted', 'standing', 'standing']],
    ['no council matters today (the conflict queue supplies none yet)', { councilMatters: [] }, ['minutes_approval', 'action_item', 'action_item', 'high_impact', 'submitted', 'submitted', 'standing', 'standing']],
    ['blank standing topics are skipped', { standingTopics: ['  ', '', 'Security'] }, ['minutes_approval', 'action_item', 'action_item', 'council_matter', 'high_impact', 'submitted', 'submitted', 'standing']],
    ['an empty campus gets an empty agenda', { previousMeeting: null, openActionItems: [], councilMatters: [], highImpact: [], standingTopics: [], submitted: [] }, []],
  ])('%s', (_name, over, sources) => {
    expect(draftAgenda(state(over)).map((i) => i.source)).toEqual(sources);
  });

  it('lists draft minutes for approval, with a line saying they must be circulated first', () => {
    const [item] = draftAgenda(state({ previousMeeting: { id: 11, localStart: '2026-11-10T07:30', minutesStatus: 'draft' } }));
    expect(item).toMatchObject({ source: 'minutes_approval', sourceId: 11, detail: AGENDA_TEXT_EN['agenda.minutesNotCirculated'] });
    expect(draftAgenda(state())[0]?.detail).toBe('');
  });

  it('carries open action items soonest due first, undated last, with owner and the owner\'s school', () => {
    const items = draftAgenda(state({
      previousMeeting: null,
      openActionItems: [
        { id: 9, what: 'c', ownerName: 'C', ownerSchoolCode: '8547', dueDate: null },
        { id: 8, what: 'b', ownerName: 'B', ownerSchoolCode: '1931', dueDate: '2026-12-01' },
        { id: 5, what: 'a', ownerName: 'A', ownerSchoolCode: '9999', dueDate: '2026-11-03' },
        { id: 4, what: 'd', ownerName: 'D', ownerSchoolCode: '1930', dueDate: null },
      ],
    })).filter((i) => i.source === 'action_item');
    expect(items.map((i) => [i.sourceId, i.schoolId, i.detail])).toEqual([
      [5, null, 'Owner: A (9999), due 2026-11-03'], // an owner school that is no longer a member: no school id
      [8, ARTS, 'Owner: B (1931), due 2026-12-01'],
      [4, OFFICE, 'Owner: D (1930), no due date'],
      [9, LEADERSHIP, 'Owner: C (8547), no due date'],
    ]);
  });

  it('keeps a council matter as its source wrote it, naming the kind of source', () => {
    const keyed = { sourceType: 'decision', sourceId: 4, title: 'Ratify: gym swap', detail: '', titleKey: 'conflicts.ratify', titleParams: { space: 'Gym' } };
    const items = draftAgenda(state({ councilMatters: [...state().councilMatters, keyed] })).filter((i) => i.source === 'council_matter');
    expect(items.map((i) => [i.sourceType, i.sourceId, i.title, i.detail, i.titleKey, i.titleParams, i.detailLines])).toEqual([
      ['conflict', 91, 'Gym, Thursdays 15:00', 'Arts and Health both hold the gym.', null, {}, null],
      ['decision', 4, 'Ratify: gym swap', '', 'conflicts.ratify', { space: 'Gym' }, null],
    ]);
  });

  it('lists the coming two weeks in time order, a closure before a booking that starts with it', () => {
    const [item] = draftAgenda(state({ highImpact: [concert, thanksgiving, fieldDay, gymFloor] })).filter((i) => i.source === 'high_impact');
    expect(item?.detail.split('\n')).toEqual([
      '2026-11-20 15:00–22:00 · Closed (Gym, Gym north half): Floor refinishing',
      'Note: Keep equipment off the floor',
      '2026-11-20 15:00–17:00 · Field · Field day (1944; attendees: 400)',
      '2026-11-25 – 2026-11-27 · Building closed: Thanksgiving break',
      '2026-11-26 18:00–20:30 · Auditorium · Winter concert (1931; attendees: 350)',
    ]);
    expect(item?.detailLines?.map((l) => l.key)).toEqual([
      'agenda.highImpactClosure',
      'agenda.closureNote',
      'agenda.highImpactBooking',
      'agenda.highImpactBuildingClosure',
      'agenda.highImpactBooking',
    ]);
    // The raw wall times travel with each line, so the SPA can format them for its language.
    expect(item?.detailLines?.[4]?.params).toMatchObject({ start: '2026-11-26T18:00', end: '2026-11-26T20:30' });
  });

  it('gives every generated title and detail line a key and parameters that render to the English text', () => {
    const items = draftAgenda(state({ previousMeeting: { id: 11, localStart: '2026-11-10T07:30', minutesStatus: 'draft' }, highImpact: [concert, thanksgiving, gymFloor] }));
    const generated = items.filter((i) => ['minutes_approval', 'action_item', 'high_impact'].includes(i.source));
    expect(generated).toHaveLength(4);
    for (const item of generated) {
      expect(renderEnglish(item.titleKey as AgendaTextKey, item.titleParams)).toBe(item.title);
      expect(item.detailLines?.map((l) => renderEnglish(l.key, l.params)).join('\n')).toBe(item.detail);
    }
    expect(items[0]).toMatchObject({ titleKey: 'agenda.minutesApproval', titleParams: { date: '2026-11-10' } });
  });

  it('keeps what people wrote untranslated: submitted items have no key', () => {
    const written = draftAgenda(state()).filter((i) => i.source === 'submitted');
    expect(written.map((i) => [i.titleKey, i.titleParams, i.detailLines])).toEqual(written.map(() => [null, {}, null]));
    expect(written.find((i) => i.sourceId === 2)).toMatchObject({ title: 'item 2', detail: 'detail of 2', schoolId: ARTS });
  });

  it('uses the design\'s English standing topics by default, each with a stable key', () => {
    expect(DEFAULT_STANDING_TOPICS).toEqual([
      'Scheduling use of space',
      'Security',
      'Janitorial and maintenance',
      'Arrival and departure times',
      'Shared staff',
      'Equipment use',
      'District supplies and services',
      'Professional-development funds',
    ]);
    expect(DEFAULT_STANDING_TOPIC_KEYS).toEqual({
      'Scheduling use of space': 'agenda.standing.spaceScheduling',
      Security: 'agenda.standing.security',
      'Janitorial and maintenance': 'agenda.standing.janitorialMaintenance',
      'Arrival and departure times': 'agenda.standing.arrivalDeparture',
      'Shared staff': 'agenda.standing.sharedStaff',
      'Equipment use': 'agenda.standing.equipmentUse',
      'District supplies and services': 'agenda.standing.districtSupplies',
      'Professional-development funds': 'agenda.standing.professionalDevelopment',
    });
    for (const [key, text] of Object.entries(STANDING_TOPICS_EN)) expect(DEFAULT_STANDING_TOPIC_KEYS[text]).toBe(key);
  });

  it('gives an unchanged default standing topic its key, so it can be printed in another language', () => {
    const items = draftAgenda(state({ standingTopics: DEFAULT_STANDING_TOPICS })).filter((i) => i.source === 'standing');
    expect(items.map((i) => i.title)).toEqual(DEFAULT_STANDING_TOPICS);
    expect(items.map((i) => i.titleKey)).toEqual(DEFAULT_STANDING_TOPICS.map((t) => DEFAULT_STANDING_TOPIC_KEYS[t]));
    expect(items.map((i) => [i.titleParams, i.detail, i.detailLines])).toEqual(items.map(() => [{}, '', null]));
  });

  it('prints an edited or new standing topic as written: no key', () => {
    const topics = ['  Security  ', 'security', 'Security and safety', 'Scheduling the use of space', 'Recycling', 'constructor', '__proto__', 'toString'];
    const items = draftAgenda(state({ standingTopics: topics })).filter((i) => i.source === 'standing');
    expect(items.map((i) => [i.title, i.titleKey])).toEqual([
      ['Security', 'agenda.standing.security'], // surrounding spaces are trimmed before comparing
      ['security', null],
      ['Security and safety', null],
      ['Scheduling the use of space', null],
      ['Recycling', null],
      ['constructor', null],
      ['__proto__', null],
      ['toString', null],
    ]);
    expect(standingTopicKey('Shared staff')).toBe('agenda.standing.sharedStaff');
    expect(standingTopicKey('hasOwnProperty')).toBeNull();
  });

  it('names every source it produces in AGENDA_SOURCES, in agenda order', () => {
    const sources = [...new Set(draftAgenda(state()).map((i) => i.source))];
    expect(sources).toEqual([...AGENDA_SOURCES]);
  });
});

describe('submitted items in rotation order', () => {
  // OFFICE submits three items early; the others one each, later.
  const items = [
    submitted(1, OFFICE, 0),
    submitted(2, OFFICE, 1),
    submitted(3, OFFICE, 2),
    submitted(7, HEALTH, 30),
    submitted(6, ARTS, 20),
    submitted(5, LEADERSHIP, 10),
    submitted(4, ARTS, 20), // same minute as 6: the lower id first
  ];

  it.each([
    [0, [1, 4, 7, 5, 2, 6, 3]],
    [1, [4, 7, 5, 1, 6, 2, 3]],
    [2, [7, 5, 1, 4, 2, 6, 3]],
    [3, [5, 1, 4, 7, 2, 6, 3]],
    [4, [1, 4, 7, 5, 2, 6, 3]],
  ])('meeting %i takes one item per school per round, starting with the school whose turn it is: %j', (sequence, ids) => {
    const agenda = draftAgenda(state({ meeting: { id: 1, sequence, localStart: '2026-11-17T07:30', localEnd: '2026-11-17T08:30' }, submitted: items }));
    expect(agenda.filter((i) => i.source === 'submitted').map((i) => i.sourceId)).toEqual(ids);
  });

  it('puts items of a school that is no longer a member last, oldest first', () => {
    const gone = [submitted(9, 99, 1), submitted(8, 99, 0)];
    const agenda = draftAgenda(state({ submitted: [...gone, submitted(1, OFFICE, 50)] }));
    expect(agenda.filter((i) => i.source === 'submitted').map((i) => i.sourceId)).toEqual([1, 8, 9]);
  });
});

describe('rotationOrder', () => {
  it.each([
    [0, [OFFICE, ARTS, HEALTH, LEADERSHIP]],
    [1, [ARTS, HEALTH, LEADERSHIP, OFFICE]],
    [2, [HEALTH, LEADERSHIP, OFFICE, ARTS]],
    [3, [LEADERSHIP, OFFICE, ARTS, HEALTH]],
    [4, [OFFICE, ARTS, HEALTH, LEADERSHIP]],
    [1001, [ARTS, HEALTH, LEADERSHIP, OFFICE]],
  ])('meeting %i: %j (schools by location code, rotated by the sequence)', (sequence, order) => {
    expect(rotationOrder(SCHOOLS, sequence)).toEqual(order);
  });

  it.each([
    ['one school', [{ id: 5, code: 'A' }], 7, [5]],
    ['no schools', [], 3, []],
    ['codes compared by code unit, not numerically (as SQLite orders text)', [{ id: 1, code: '999' }, { id: 2, code: '1930' }], 0, [2, 1]],
    ['equal codes fall back to the id', [{ id: 2, code: 'X' }, { id: 1, code: 'X' }], 0, [1, 2]],
  ])('%s', (_name, schools, sequence, order) => {
    expect(rotationOrder(schools, sequence)).toEqual(order);
  });

  it.each([-1, 1.5, Number.NaN])('refuses sequence %s', (sequence) => {
    expect(() => rotationOrder(SCHOOLS, sequence)).toThrow(RangeError);
  });

  it.each([1, 2, 3, 4, 7, 11])('with %i schools, over any n consecutive meetings every school is first once and last once', (n) => {
    const schools = Array.from({ length: n }, (_, i) => ({ id: 100 + i, code: String(2000 - i) }));
    for (const from of [0, 1, n, 5 * n + 3]) {
      const orders = Array.from({ length: n }, (_, k) => rotationOrder(schools, from + k));
      expect(new Set(orders.map((o) => o[0])).size).toBe(n);
      expect(new Set(orders.map((o) => o[n - 1])).size).toBe(n);
      for (const order of orders) expect([...order].sort()).toEqual(schools.map((s) => s.id).sort());
    }
  });

  it('never leaves a school always last: each one is last in some meeting and not last in another', () => {
    const lasts = Array.from({ length: 8 }, (_, k) => rotationOrder(SCHOOLS, k).at(-1));
    for (const id of BY_CODE) {
      expect(lasts).toContain(id);
      expect(lasts.filter((l) => l !== id).length).toBeGreaterThan(0);
    }
  });
});

describe('agendaTimes', () => {
  it.each<[string, number[], string, Array<[string, string]>, number, string]>([
    ['across the hour', [5, 3, 10, 10, 5], '07:30', [['07:30', '07:35'], ['07:35', '07:38'], ['07:38', '07:48'], ['07:48', '07:58'], ['07:58', '08:03']], 33, '08:03'],
    ['an item of zero minutes starts and ends together', [10, 0, 5], '16:55', [['16:55', '17:05'], ['17:05', '17:05'], ['17:05', '17:10']], 15, '17:10'],
    ['an empty agenda ends as it starts', [], '07:30', [], 0, '07:30'],
    ['from midnight', [15], '00:00', [['00:00', '00:15']], 15, '00:15'],
    ['ending exactly at midnight is allowed, written 24:00 as open hours are', [30, 29, 1], '23:00', [['23:00', '23:30'], ['23:30', '23:59'], ['23:59', '24:00']], 60, '24:00'],
  ])('%s', (_name, minutes, start, slots, total, end) => {
    const times = agendaTimes(minutes.map((m) => ({ minutes: m })), start);
    expect(times).toEqual({ items: slots.map(([s, e]) => ({ start: s, end: e })), totalMinutes: total, plannedEnd: end });
  });

  it.each<[string, number[], string, string]>([
    ['running one minute past midnight is refused', [30, 31], '23:00', 'items'],
    ['a long agenda late in the evening is refused', [600], '20:00', 'items'],
    ['a start with seconds', [5], '07:30:00', 'start'],
    ['a start of 24:00 (nothing is left of the day)', [5], '24:00', 'start'],
    ['a full date-time as start (the meeting\'s time of day is wanted)', [5], '2026-11-17T07:30', 'start'],
    ['a negative time-box', [5, -3], '07:30', 'items/1/minutes'],
    ['a fractional time-box', [2.5], '07:30', 'items/0/minutes'],
  ])('%s', (_name, minutes, start, field) => {
    expect(fieldOf(() => agendaTimes(minutes.map((m) => ({ minutes: m })), start))).toBe(field);
  });

  it('reading an agenda that already runs past midnight gives the times after it on the next day’s clock', () => {
    const times = agendaTimes([{ minutes: 30 }, { minutes: 45 }, { minutes: 1440 }], '23:30', { pastMidnight: 'wrap' });
    expect(times).toEqual({
      items: [
        { start: '23:30', end: '24:00' },
        { start: '24:00', end: '00:45' },
        { start: '00:45', end: '00:45' },
      ],
      totalMinutes: 1515,
      plannedEnd: '00:45',
    });
    // Wrapping is for reading only: the bad inputs are still refused.
    expect(fieldOf(() => agendaTimes([{ minutes: -1 }], '23:30', { pastMidnight: 'wrap' }))).toBe('items/0/minutes');
  });

  it('times the drafted agenda of the 07:30 meeting', () => {
    const times = agendaTimes(draftAgenda(state()), '07:30');
    expect(times.totalMinutes).toBe(5 + 3 + 3 + 10 + 5 + 10 + 10 + 5 + 5);
    expect(times.plannedEnd).toBe('08:26');
  });
});

describe('whenText', () => {
  it.each([
    ['2026-11-26T18:00', '2026-11-26T20:30', '2026-11-26 18:00–20:30'],
    ['2026-11-26T00:00', '2026-11-27T00:00', '2026-11-26'],
    ['2026-11-25T00:00', '2026-11-28T00:00', '2026-11-25 – 2026-11-27'],
    ['2026-11-26T18:00', '2026-11-27T02:00', '2026-11-26 18:00 – 2026-11-27 02:00'],
    ['2026-12-31T00:00', '2027-01-01T00:00', '2026-12-31'],
  ])('%s → %s: %s', (start, end, text) => {
    expect(whenText(start, end)).toBe(text);
  });
});
