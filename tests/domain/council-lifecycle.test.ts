import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors.js';
import {
  MINUTES_EVENTS,
  MINUTES_STATUSES,
  mayAmendMinutes,
  mayEditMinutes,
  nextMinutesStatus,
  type MinutesEvent,
  type MinutesStatus,
} from '../../server/domain/council/lifecycle.js';

function stateError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'state') return e;
    throw e;
  }
  throw new Error('expected a state error');
}

const LEGAL: Array<[MinutesStatus, MinutesEvent, MinutesStatus]> = [
  ['draft', 'circulate', 'circulated'],
  ['circulated', 'approve', 'approved'],
  ['approved', 'lock', 'locked'],
];

describe('nextMinutesStatus', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, event, to) => {
    expect(nextMinutesStatus(from, event)).toBe(to);
  });

  // Every other (status, event) pair: 4 statuses × 3 events − 3 legal steps = 9.
  const illegal = MINUTES_STATUSES.flatMap((from) => MINUTES_EVENTS.map((event) => [from, event] as const)).filter(
    ([from, event]) => !LEGAL.some(([f, e]) => f === from && e === event),
  );

  it('has nine illegal transitions', () => {
    expect(illegal).toHaveLength(9);
  });

  it.each(illegal)('%s --%s--> refused', (from, event) => {
    const error = stateError(() => nextMinutesStatus(from, event));
    expect(error.details).toEqual({ minutesStatus: from, event });
  });

  it.each<[MinutesStatus, MinutesEvent, string]>([
    ['draft', 'approve', 'Minutes that are draft cannot be approved: only circulated minutes can be approved.'],
    ['locked', 'circulate', 'Minutes that are locked cannot be circulated: only draft minutes can be circulated.'],
    ['circulated', 'lock', 'Minutes that are circulated cannot be locked: only approved minutes can be locked.'],
    ['approved', 'approve', 'Minutes that are approved cannot be approved: only circulated minutes can be approved.'],
  ])('says why %s minutes cannot take "%s"', (from, event, message) => {
    expect(stateError(() => nextMinutesStatus(from, event)).message).toBe(message);
  });

  it('walks the whole way from draft to locked and no further', () => {
    let status: MinutesStatus = 'draft';
    for (const event of MINUTES_EVENTS) status = nextMinutesStatus(status, event);
    expect(status).toBe('locked');
    for (const event of MINUTES_EVENTS) stateError(() => nextMinutesStatus(status, event));
  });
});

describe('mayEditMinutes and mayAmendMinutes', () => {
  it.each<[MinutesStatus, boolean, boolean]>([
    ['draft', true, false],
    ['circulated', true, false],
    ['approved', false, true],
    ['locked', false, true],
  ])('%s minutes: edit %s, amend %s', (status, edit, amend) => {
    expect(mayEditMinutes(status)).toBe(edit);
    expect(mayAmendMinutes(status)).toBe(amend);
  });
});
