/**
 * The life of a meeting's minutes: draft → circulated → approved → locked, one way only.
 * Approved minutes are the council's record: from then on nothing is edited in place, and a
 * correction is an amendment appended beside them, so every reader sees what changed and who
 * changed it. Which meeting may approve (a later one, by a carried motion) is the use case's
 * check; this module only knows which step may follow which.
 */
import { DomainError } from '../errors.js';

export const MINUTES_STATUSES = ['draft', 'circulated', 'approved', 'locked'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const MINUTES_EVENTS = ['circulate', 'approve', 'lock'] as const;
export type MinutesEvent = (typeof MINUTES_EVENTS)[number];

/** A correction to approved or locked minutes; `at` is epoch ms from the caller's clock. */
export interface Amendment {
  text: string;
  byUserId: number;
  at: number;
}

const STEPS: Record<MinutesEvent, { from: MinutesStatus; to: MinutesStatus; done: string }> = {
  circulate: { from: 'draft', to: 'circulated', done: 'circulated' },
  approve: { from: 'circulated', to: 'approved', done: 'approved' },
  lock: { from: 'approved', to: 'locked', done: 'locked' },
};

/** The status after `event`, or DomainError('state') when the minutes are not at the step it follows. */
export function nextMinutesStatus(current: MinutesStatus, event: MinutesEvent): MinutesStatus {
  const step = STEPS[event];
  if (!step) throw new RangeError(`unknown minutes event: ${String(event)}`);
  if (current !== step.from) {
    throw new DomainError(
      'state',
      `Minutes that are ${current} cannot be ${step.done}: only ${step.from} minutes can be ${step.done}.`,
      { minutesStatus: current, event },
    );
  }
  return step.to;
}

/** Notes, motions, attendance and action items may change (versioned) until the minutes are approved. */
export function mayEditMinutes(status: MinutesStatus): boolean {
  return status === 'draft' || status === 'circulated';
}

/** Amendments are how approved and locked minutes change; earlier, the minutes are simply edited. */
export function mayAmendMinutes(status: MinutesStatus): boolean {
  return status === 'approved' || status === 'locked';
}
