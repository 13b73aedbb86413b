import type { AgendaItemView, AgendaView, MinutesItemView, MinutesView } from '../../server/council-export/view-model.js';
import { AGENDA_TEXT_EN, line } from '../../server/domain/council/agenda-text.js';

/** A made-up Tuesday meeting of the demo campus. User text is deliberately mixed: some typed in English, some in Spanish. */
export const ENGLISH_USER_TITLE = 'Gym floor refinishing in spring';
export const SPANISH_USER_TITLE = 'Horario de la biblioteca después de clases';
/** A standing topic the campus reworded: not a default one, so printed as written. */
export const CUSTOM_STANDING_TOPIC = 'Security cameras in the parking lot';

/** The generated lines as the agenda drafts them (English text, key and parameters). */
const ownerLine = line('agenda.actionItemOwner', { owner: 'Dana Okafor', school: '1931', due: '2026-12-08' });
const comingLines = [
  line('agenda.highImpactBooking', {
    when: '2026-12-08 18:00–20:30',
    start: '2026-12-08T18:00',
    end: '2026-12-08T20:30',
    space: 'Auditorium',
    title: 'Winter showcase',
    school: '1931',
    attendees: '400',
  }),
  line('agenda.highImpactClosure', { when: '2026-12-11', start: '2026-12-11T00:00', end: '2026-12-12T00:00', reason: 'maintenance', spaces: 'Field, Track' }),
  line('agenda.closureNote', { note: 'Re-seeding the grass' }),
  line('agenda.highImpactBuildingClosure', { when: '2026-12-14 – 2026-12-15', start: '2026-12-14T00:00', end: '2026-12-16T00:00', reason: 'testing' }),
];

function item(position: number, start: string, end: string, minutes: number, over: Partial<MinutesItemView>): MinutesItemView {
  return {
    position,
    title: '',
    titleKey: null,
    titleParams: null,
    detail: '',
    detailLines: null,
    minutes,
    start,
    end,
    schoolCode: null,
    source: 'submitted',
    notes: '',
    motions: [],
    ...over,
  };
}

export const minutesItems: MinutesItemView[] = [
  item(1, '07:30', '07:35', 5, {
    source: 'minutes_approval',
    title: 'Approve the minutes of 2026-11-24',
    titleKey: 'agenda.minutesApproval',
    titleParams: { date: '2026-11-24' },
    detailLines: [],
    notes: 'No corrections were requested.',
    motions: [
      {
        text: 'To approve the minutes of November 24 as circulated.',
        mover: 'Dana Okafor (1931)',
        seconder: 'Luis Pérez (1944)',
        votes: [
          { schoolCode: '1930', vote: 'yes' },
          { schoolCode: '1931', vote: 'yes' },
          { schoolCode: '1944', vote: 'yes' },
          { schoolCode: '1957', vote: 'abstain' },
          { schoolCode: '8547', vote: 'no' },
        ],
        yes: 3,
        no: 1,
        abstain: 1,
        result: 'carried',
        decision: null,
      },
    ],
  }),
  item(2, '07:35', '07:38', 3, {
    source: 'action_item',
    title: 'Action item: Order new stage curtains',
    titleKey: 'agenda.actionItem',
    titleParams: { what: 'Order new stage curtains' },
    detail: ownerLine.text,
    detailLines: [ownerLine],
    notes: 'Quote received; waiting for the district.',
  }),
  item(3, '07:38', '07:43', 5, {
    source: 'high_impact',
    title: AGENDA_TEXT_EN['agenda.highImpact'],
    titleKey: 'agenda.highImpact',
    titleParams: {},
    detail: comingLines.map((l) => l.text).join('\n'),
    detailLines: comingLines,
  }),
  item(4, '07:43', '07:53', 10, {
    title: ENGLISH_USER_TITLE,
    schoolCode: '1978',
    detail: 'The gym would be closed for a week in March.',
    notes: 'The STEM Academy asks for the week after spring testing.\nFacilities will confirm the dates.',
    motions: [
      {
        text: 'To close the gym for refinishing from March 22 to March 26.',
        mover: 'Kim Tran (1978)',
        seconder: null,
        votes: [
          { schoolCode: '1930', vote: 'no' },
          { schoolCode: '1931', vote: 'no' },
          { schoolCode: '1944', vote: 'yes' },
          { schoolCode: '1978', vote: 'yes' },
        ],
        yes: 2,
        no: 2,
        abstain: 0,
        result: 'failed',
        decision: 'Facilities will propose two other weeks.',
      },
    ],
  }),
  item(5, '07:53', '08:03', 10, {
    title: SPANISH_USER_TITLE,
    schoolCode: '2016',
    notes: 'Se propone abrir la biblioteca hasta las 17:00 los miércoles.',
  }),
  item(6, '08:03', '08:08', 5, {
    source: 'standing',
    title: 'Security',
    titleKey: 'agenda.standing.security',
    titleParams: {},
  }),
  item(7, '08:08', '08:13', 5, {
    source: 'standing',
    title: 'Arrival and departure times',
    titleKey: 'agenda.standing.arrivalDeparture',
    titleParams: {},
  }),
  item(8, '08:13', '08:18', 5, {
    source: 'standing',
    title: CUSTOM_STANDING_TOPIC,
    titleKey: null,
    titleParams: {},
  }),
];

export const agendaView: AgendaView = {
  campusName: 'Westlake Commons Campus',
  timeZone: 'America/Los_Angeles',
  meeting: {
    localStart: '2026-12-01T07:30',
    localEnd: '2026-12-01T08:30',
    spaceName: 'Library',
    chair: { schoolCode: '1931', schoolName: 'Arts & Media SLC' },
    noteTaker: { schoolCode: '1944', schoolName: 'Health Academy' },
  },
  items: minutesItems.map(({ notes: _notes, motions: _motions, ...rest }): AgendaItemView => rest),
  totalMinutes: 48,
  plannedEnd: '08:18',
};

export const minutesView: MinutesView = {
  ...agendaView,
  items: minutesItems,
  status: 'draft',
  attendance: [
    { schoolCode: '1930', schoolName: 'Building Office', status: 'present', note: null },
    { schoolCode: '1931', schoolName: 'Arts & Media SLC', status: 'present', note: null },
    { schoolCode: '1944', schoolName: 'Health Academy', status: 'represented', note: 'Alternate: Luis Pérez' },
    { schoolCode: '1957', schoolName: 'Social Justice Humanitas', status: 'present', note: null },
    { schoolCode: '1978', schoolName: 'STEM Academy', status: 'present', note: null },
    { schoolCode: '2016', schoolName: 'Newcomer International SLC', status: 'absent', note: null },
    { schoolCode: '8547', schoolName: 'Westlake Community Leadership School', status: 'present', note: null },
  ],
  quorum: { present: 6, required: 4, met: true },
  actionItems: [
    { what: 'Ask the district for the curtain order number', ownerName: 'Dana Okafor', ownerSchoolCode: '1931', dueDate: '2026-12-08', status: 'open' },
    { what: 'Post the winter showcase set-up times', ownerName: 'Kim Tran', ownerSchoolCode: '1978', dueDate: null, status: 'done' },
  ],
  amendments: [],
};
