import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  formatLongDate,
  formatMeetingWhen,
  formatShortDate,
  formatTime,
  itemDetail,
  itemTitle,
  voteGroups,
} from '../../server/council-export/format.js';
import { exportLabels } from '../../server/council-export/labels.js';
import type { DetailLineView } from '../../server/council-export/view-model.js';

// Intl separates "7:30" from "AM" with U+202F and a range's dash with U+2009: compare words.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('dates and times', () => {
  it('print campus wall-clock digits in either language', () => {
    expect(plain(formatMeetingWhen('2026-12-01T07:30', '2026-12-01T08:30', 'en'))).toBe('Tuesday, December 1, 2026, 7:30 – 8:30 AM');
    expect(plain(formatMeetingWhen('2026-12-01T07:30', '2026-12-01T08:30', 'es'))).toBe('martes, 1 de diciembre de 2026, 7:30–8:30 a.m.');
    expect(plain(formatTime('16:05', 'en'))).toBe('4:05 PM');
    expect(plain(formatTime('16:05', 'es'))).toBe('4:05 p.m.');
    expect(formatLongDate('2026-11-24', 'es')).toBe('24 de noviembre de 2026');
    expect(formatShortDate('2026-12-08', 'en')).toBe('Dec 8, 2026');
    expect(formatShortDate('2026-12-08', 'es')).toBe('8 dic 2026');
  });

  it('do not depend on the zone the server runs in', () => {
    const before = process.env.TZ;
    const sample = () => [formatMeetingWhen('2027-03-14T02:30', '2027-03-14T03:15', 'en'), formatShortDate('2027-01-01', 'es')];
    const inUtc = sample();
    try {
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: any local-time slip changes the date
      expect(sample()).toEqual(inUtc);
      process.env.TZ = 'America/Los_Angeles'; // 02:30 on 2027-03-14 does not exist there
      expect(sample()).toEqual(inUtc);
    } finally {
      process.env.TZ = before;
    }
    expect(plain(inUtc[0] ?? '')).toBe('Sunday, March 14, 2027, 2:30 – 3:15 AM');
  });

  it('print an instant in the campus zone', () => {
    expect(plain(formatInstant('2026-12-09T23:15:00Z', 'America/Los_Angeles', 'en'))).toBe('Dec 9, 2026, 3:15 PM');
    expect(plain(formatInstant('2026-12-09T23:15:00Z', 'America/Los_Angeles', 'es'))).toBe('9 dic 2026, 3:15 p.m.');
  });
});

describe('itemTitle', () => {
  const generated = { title: 'Approve the minutes of 2026-11-24', titleKey: 'agenda.minutesApproval', titleParams: { date: '2026-11-24' } };

  it('translates generated titles and formats a date parameter', () => {
    expect(itemTitle(generated, 'en')).toBe('Approve the minutes of November 24, 2026');
    expect(itemTitle(generated, 'es')).toBe('Aprobación del acta del 24 de noviembre de 2026');
    expect(itemTitle({ title: 'Security', titleKey: 'agenda.standing.security', titleParams: null }, 'es')).toBe('Seguridad');
    expect(itemTitle({ title: 'Arrival and departure times', titleKey: 'agenda.standing.arrivalDeparture', titleParams: {} }, 'en')).toBe('Arrival and departure times');
    expect(itemTitle({ title: 'Coming two weeks: high-impact bookings and closures', titleKey: 'agenda.highImpact', titleParams: {} }, 'es')).toBe(
      'Próximas dos semanas: reservas de gran impacto y cierres',
    );
  });

  it('keeps the user text inside a generated title as written', () => {
    const action = { title: 'x', titleKey: 'agenda.actionItem', titleParams: { what: 'Fix the gym lights' } };
    expect(itemTitle(action, 'es')).toBe('Tarea pendiente: Fix the gym lights');
  });

  it('prints what people typed, and any title whose key it does not know, as written', () => {
    expect(itemTitle({ title: 'Gym floor', titleKey: null, titleParams: null }, 'es')).toBe('Gym floor');
    expect(itemTitle({ title: 'From a newer version', titleKey: 'agenda.notYetKnown', titleParams: null }, 'es')).toBe('From a newer version');
    expect(itemTitle({ title: 'Not an agenda title', titleKey: 'footer.page', titleParams: null }, 'es')).toBe('Not an agenda title');
  });
});

describe('itemDetail', () => {
  const lines: DetailLineView[] = [
    { key: 'agenda.actionItemOwner', params: { owner: 'Ana Ruiz', school: '1944', due: '2026-12-08' }, text: 'Owner: Ana Ruiz (1944), due 2026-12-08' },
    { key: 'agenda.highImpactBuildingClosure', params: { when: '2026-11-26', start: '2026-11-26T00:00', end: '2026-11-27T00:00', reason: 'holiday' }, text: '2026-11-26 · Building closed: holiday' },
    { key: 'agenda.highImpactClosure', params: { when: '2026-11-20 15:00–22:00', spaces: 'Gym', reason: 'Floor refinishing' }, text: '2026-11-20 15:00–22:00 · Closed (Gym): Floor refinishing' },
    { key: 'agenda.fromANewerVersion', params: {}, text: 'Something new' },
  ];

  it('prints generated lines in the export\'s language: due dates formatted, closure reasons named, `when` as given', () => {
    expect(itemDetail({ detail: 'ignored', detailLines: lines }, 'es').split('\n')).toEqual([
      'Responsable: Ana Ruiz (1944); fecha límite: 8 de diciembre de 2026',
      '2026-11-26 · Cierre de todo el edificio: Día feriado',
      '2026-11-20 15:00–22:00 · Cierre (Gym): Floor refinishing', // a reason that is no code: as written
      'Something new', // a key the dictionary lacks: the line's English text
    ]);
    expect(itemDetail({ detail: 'ignored', detailLines: lines.slice(0, 2) }, 'en')).toBe(
      'Owner: Ana Ruiz (1944), due December 8, 2026\n2026-11-26 · Building closed: Holiday',
    );
  });

  it('prints a written detail as written, and nothing for no lines', () => {
    expect(itemDetail({ detail: 'Typed by a person\non two lines', detailLines: null }, 'es')).toBe('Typed by a person\non two lines');
    expect(itemDetail({ detail: '', detailLines: [] }, 'es')).toBe('');
  });

  it('does not take a reason for a dictionary path', () => {
    const line = { key: 'agenda.highImpactBuildingClosure', params: { when: '2026-11-26', reason: 'toString' }, text: 'x' };
    expect(itemDetail({ detail: '', detailLines: [line] }, 'es')).toBe('2026-11-26 · Cierre de todo el edificio: toString');
  });
});

describe('voteGroups', () => {
  it('groups the vote by answer and lists the schools that did not vote', () => {
    const motion = { votes: [{ schoolCode: '1931', vote: 'yes' as const }, { schoolCode: '1944', vote: 'abstain' as const }, { schoolCode: '1930', vote: 'yes' as const }] };
    expect(voteGroups(motion, ['1930', '1931', '1944', '2016'], exportLabels.en)).toEqual([
      { label: 'Yes', schoolCodes: ['1931', '1930'] },
      { label: 'Abstain', schoolCodes: ['1944'] },
      { label: 'Did not vote', schoolCodes: ['2016'] },
    ]);
  });
});
