import { describe, expect, it } from 'vitest';
import { approvableMeetings, buildMotion, defaultMotionForm, formFieldOf, type MotionForm } from '../../web/src/council/meeting/motion-form.js';

const meetings = [
  { id: 10, sequence: 0, cancelled: false, minutesStatus: 'locked' as const },
  { id: 11, sequence: 1, cancelled: false, minutesStatus: 'circulated' as const },
  { id: 12, sequence: 2, cancelled: true, minutesStatus: 'circulated' as const },
  { id: 13, sequence: 3, cancelled: false, minutesStatus: 'draft' as const },
  { id: 14, sequence: 4, cancelled: false, minutesStatus: 'draft' as const },
  { id: 15, sequence: 5, cancelled: false, minutesStatus: 'circulated' as const },
];

function form(over: Partial<MotionForm> = {}): MotionForm {
  return { ...defaultMotionForm({ source: 'submitted' }, [2], []), text: 'Share the gym on Fridays', ...over };
}

describe('approvableMeetings', () => {
  it('lists earlier meetings whose minutes were circulated (not cancelled ones)', () => {
    expect(approvableMeetings(meetings, { sequence: 4 }).map((m) => m.id)).toEqual([11]);
  });
});

describe('defaultMotionForm', () => {
  it('moves in the name of the first school the person sits for', () => {
    expect(defaultMotionForm({ source: 'standing' }, [4, 2], [])).toMatchObject({ moverSchoolId: '4', kind: 'none', scope: 'occurrence' });
    expect(defaultMotionForm({ source: 'standing' }, [], []).moverSchoolId).toBe('');
  });

  it('an item approving minutes proposes approving them', () => {
    const approvable = approvableMeetings(meetings, { sequence: 4 });
    expect(defaultMotionForm({ source: 'minutes_approval', sourceId: 11 }, [2], approvable)).toMatchObject({ kind: 'minutes', minutesMeetingId: '11' });
    // minutes not circulated (yet): nothing chosen for the person
    expect(defaultMotionForm({ source: 'minutes_approval', sourceId: 13 }, [2], [])).toMatchObject({ kind: 'none' });
  });
});

describe('buildMotion', () => {
  it('a plain motion', () => {
    expect(buildMotion(form({ seconderSchoolId: '3' }), 7)).toEqual({ input: { agendaItemId: 7, text: 'Share the gym on Fridays', moverSchoolId: 2, seconderSchoolId: 3, decision: null } });
  });

  it('needs the text and a mover, and another school as seconder', () => {
    expect(buildMotion(form({ text: '  ', moverSchoolId: '', seconderSchoolId: '' }), 7)).toEqual({ errors: { text: 'text', moverSchoolId: 'mover' } });
    expect(buildMotion(form({ seconderSchoolId: '2' }), 7)).toEqual({ errors: { seconderSchoolId: 'seconderSame' } });
  });

  it('cancels a booking: one date, this and following, or the whole series', () => {
    expect(buildMotion(form({ kind: 'booking', bookingId: '38', occurrenceId: '2447', scope: 'occurrence' }), 7)).toMatchObject({
      input: { decision: { kind: 'booking', bookingId: 38, occurrenceId: 2447, action: 'cancel', scope: 'occurrence' } },
    });
    expect(buildMotion(form({ kind: 'booking', bookingId: '38', scope: 'series' }), 7)).toMatchObject({ input: { decision: { kind: 'booking', bookingId: 38, action: 'cancel', scope: 'series' } } });
    expect(buildMotion(form({ kind: 'booking', bookingId: '38', scope: 'following' }), 7)).toEqual({ errors: { occurrenceId: 'occurrenceRequired' } });
    expect(buildMotion(form({ kind: 'booking', bookingId: 'x', occurrenceId: '0' }), 7)).toEqual({ errors: { bookingId: 'bookingId', occurrenceId: 'occurrenceId' } });
  });

  it('lifts a closure, approves minutes, adopts a policy', () => {
    expect(buildMotion(form({ kind: 'closure', closureId: '4' }), 7)).toMatchObject({ input: { decision: { kind: 'closure', closureId: 4, action: 'lift' } } });
    expect(buildMotion(form({ kind: 'closure' }), 7)).toEqual({ errors: { closureId: 'closure' } });
    expect(buildMotion(form({ kind: 'minutes', minutesMeetingId: '11' }), 7)).toMatchObject({ input: { decision: { kind: 'minutes', meetingId: 11 } } });
    expect(buildMotion(form({ kind: 'minutes' }), 7)).toEqual({ errors: { minutesMeetingId: 'minutes' } });
    expect(buildMotion(form({ kind: 'policy', policyText: ' Gym keys at the office ' }), 7)).toMatchObject({ input: { decision: { kind: 'policy', text: 'Gym keys at the office' } } });
    expect(buildMotion(form({ kind: 'policy' }), 7)).toEqual({ errors: { policyText: 'policy' } });
  });

  it('ignores the fields of decisions not chosen', () => {
    expect(buildMotion(form({ kind: 'none', bookingId: 'junk', closureId: 'junk' }), 7)).toMatchObject({ input: { decision: null } });
  });
});

it('maps the server’s field paths to the form', () => {
  expect(formFieldOf('decision/bookingId')).toBe('bookingId');
  expect(formFieldOf('/body/text')).toBe('text');
  expect(formFieldOf('decision/meetingId')).toBe('minutesMeetingId');
  expect(formFieldOf('agendaItemId')).toBeNull();
});
