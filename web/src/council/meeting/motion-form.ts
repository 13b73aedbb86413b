/**
 * The "propose a motion" form: its state, the defaults an agenda item suggests, and the motion it
 * sends (or, field by field, why it cannot yet). Errors are dictionary keys under
 * meeting.motion.errors, so they follow a language switch. Pure.
 */
import type { CouncilMeeting, Decision, MotionInput, Scope } from './meeting.types.js';

export type DecisionKind = 'none' | 'booking' | 'closure' | 'minutes' | 'policy';
export const DECISION_KINDS: readonly DecisionKind[] = ['none', 'booking', 'closure', 'minutes', 'policy'];
export const SCOPES: readonly Scope[] = ['series', 'following', 'occurrence'];

export interface MotionForm {
  text: string;
  moverSchoolId: string;
  /** '' for no seconder. */
  seconderSchoolId: string;
  kind: DecisionKind;
  bookingId: string;
  /** '' for none (only with scope "series"). */
  occurrenceId: string;
  scope: Scope;
  closureId: string;
  minutesMeetingId: string;
  policyText: string;
}

export type MotionField = 'text' | 'moverSchoolId' | 'seconderSchoolId' | 'bookingId' | 'occurrenceId' | 'closureId' | 'minutesMeetingId' | 'policyText';
export type MotionErrors = Partial<Record<MotionField, string>>;

/** Earlier meetings whose minutes were circulated: the ones a motion here may approve. */
export function approvableMeetings<M extends Pick<CouncilMeeting, 'id' | 'sequence' | 'cancelled' | 'minutesStatus'>>(meetings: readonly M[], current: { sequence: number }): M[] {
  return meetings.filter((m) => !m.cancelled && m.sequence < current.sequence && m.minutesStatus === 'circulated');
}

/**
 * A fresh form. An item that asks to approve earlier minutes proposes just that; the mover is the
 * first school the person sits for.
 */
export function defaultMotionForm(item: { source: string; sourceId?: number | null }, mySchoolIds: readonly number[], approvable: ReadonlyArray<{ id: number }>): MotionForm {
  const form: MotionForm = {
    text: '',
    moverSchoolId: mySchoolIds[0] === undefined ? '' : String(mySchoolIds[0]),
    seconderSchoolId: '',
    kind: 'none',
    bookingId: '',
    occurrenceId: '',
    scope: 'occurrence',
    closureId: '',
    minutesMeetingId: '',
    policyText: '',
  };
  if (item.source === 'minutes_approval') {
    const target = approvable.find((m) => m.id === item.sourceId) ?? approvable[approvable.length - 1];
    if (target) return { ...form, kind: 'minutes', minutesMeetingId: String(target.id) };
  }
  return form;
}

const ID = /^\s*[1-9]\d{0,9}\s*$/;
const id = (text: string): number | null => (ID.test(text) ? Number(text.trim()) : null);

/** The motion to send, or the fields at fault (keys under meeting.motion.errors). */
export function buildMotion(form: MotionForm, agendaItemId: number): { input: MotionInput } | { errors: MotionErrors } {
  const errors: MotionErrors = {};
  const text = form.text.trim();
  if (text === '') errors.text = 'text';
  const mover = id(form.moverSchoolId);
  if (mover === null) errors.moverSchoolId = 'mover';
  const seconder = form.seconderSchoolId === '' ? null : id(form.seconderSchoolId);
  if (seconder !== null && seconder === mover) errors.seconderSchoolId = 'seconderSame';

  let decision: Decision | null = null;
  switch (form.kind) {
    case 'booking': {
      const bookingId = id(form.bookingId);
      if (bookingId === null) errors.bookingId = 'bookingId';
      const occurrenceId = form.occurrenceId.trim() === '' ? null : id(form.occurrenceId);
      if (form.occurrenceId.trim() !== '' && occurrenceId === null) errors.occurrenceId = 'occurrenceId';
      else if (occurrenceId === null && form.scope !== 'series') errors.occurrenceId = 'occurrenceRequired';
      if (bookingId !== null) decision = { kind: 'booking', bookingId, ...(occurrenceId === null ? {} : { occurrenceId }), action: 'cancel', scope: form.scope };
      break;
    }
    case 'closure': {
      const closureId = id(form.closureId);
      if (closureId === null) errors.closureId = 'closure';
      else decision = { kind: 'closure', closureId, action: 'lift' };
      break;
    }
    case 'minutes': {
      const meetingId = id(form.minutesMeetingId);
      if (meetingId === null) errors.minutesMeetingId = 'minutes';
      else decision = { kind: 'minutes', meetingId };
      break;
    }
    case 'policy': {
      const policy = form.policyText.trim();
      if (policy === '') errors.policyText = 'policy';
      else decision = { kind: 'policy', text: policy };
      break;
    }
    case 'none':
      break;
  }
  if (Object.keys(errors).length > 0 || mover === null) return { errors };
  return { input: { agendaItemId, text, moverSchoolId: mover, seconderSchoolId: seconder, decision } };
}

/** The server's field path (decision/bookingId, body/text…) as the form's field. */
export function formFieldOf(serverField: string): MotionField | null {
  const path = serverField.replace(/^\/?(body\/)?/, '');
  const map: Record<string, MotionField> = {
    text: 'text',
    moverSchoolId: 'moverSchoolId',
    seconderSchoolId: 'seconderSchoolId',
    'decision/bookingId': 'bookingId',
    'decision/occurrenceId': 'occurrenceId',
    'decision/scope': 'occurrenceId',
    'decision/closureId': 'closureId',
    'decision/meetingId': 'minutesMeetingId',
    'decision/text': 'policyText',
  };
  return map[path] ?? null;
}
