import { describe, expect, it } from 'vitest';
import {
  assertNoParentCycle,
  spaceFamily,
  validateOpenHours,
  type SpaceRule,
} from '../../server/domain/spaces.js';
import { fieldOf } from '../helpers/errors.js';

function space(id: number, name: string, parentId: number | null = null): SpaceRule {
  return { id, name, kind: 'room', capacity: 30, parentId, setupMinutes: 0, teardownMinutes: 0, openHours: null, archived: false };
}

function spacesOf(...rules: SpaceRule[]): Map<number, SpaceRule> {
  return new Map(rules.map((r) => [r.id, r]));
}

// building(1) ⊃ gym(2) ⊃ { half A(3), half B(4) }; library(5) stands alone.
const BUILDING = 1;
const GYM = 2;
const HALF_A = 3;
const HALF_B = 4;
const LIBRARY = 5;
const spaces = spacesOf(
  space(BUILDING, 'Whole building'),
  space(GYM, 'Gym', BUILDING),
  space(HALF_A, 'Gym half A', GYM),
  space(HALF_B, 'Gym half B', GYM),
  space(LIBRARY, 'Library'),
);

describe('validateOpenHours', () => {
  it('accepts windows that end at 24:00 and returns them sorted by opening time', () => {
    const input = { mon: [{ open: '18:00', close: '24:00' }, { open: '07:00', close: '12:00' }], sat: [] };
    expect(validateOpenHours(input)).toEqual({
      mon: [{ open: '07:00', close: '12:00' }, { open: '18:00', close: '24:00' }],
      sat: [],
    });
  });

  it('merges windows that touch (close 12:00, open 12:00) into one, because they are one stretch of open time', () => {
    const input = { tue: [{ open: '12:00', close: '17:00' }, { open: '07:00', close: '12:00' }] };
    expect(validateOpenHours(input)).toEqual({ tue: [{ open: '07:00', close: '17:00' }] });
  });

  it.each([
    ['an hour without a leading zero', { mon: [{ open: '7:00', close: '12:00' }] }, 'openHours/mon/0'],
    ['hour 25', { mon: [{ open: '07:00', close: '25:00' }] }, 'openHours/mon/0'],
    ['minute 60', { mon: [{ open: '07:60', close: '12:00' }] }, 'openHours/mon/0'],
    ['24:30 as a close time', { mon: [{ open: '07:00', close: '24:30' }] }, 'openHours/mon/0'],
    ['24:00 as an open time (nothing is left of the day)', { mon: [{ open: '24:00', close: '24:00' }] }, 'openHours/mon/0'],
    ['open equal to close (an empty window)', { wed: [{ open: '09:00', close: '09:00' }] }, 'openHours/wed/0'],
    ['open after close', { wed: [{ open: '10:00', close: '09:00' }] }, 'openHours/wed/0'],
    ['a window that is not an object', { fri: ['07:00-12:00'] }, 'openHours/fri/0'],
    ['the second window overlapping the first by one minute', { thu: [{ open: '07:00', close: '12:01' }, { open: '12:00', close: '15:00' }] }, 'openHours/thu/1'],
    ['the first-listed window lying inside a later-listed one', { thu: [{ open: '09:00', close: '10:00' }, { open: '08:00', close: '11:00' }] }, 'openHours/thu/0'],
    ['an unknown weekday key', { funday: [] }, 'openHours/funday'],
    ['a day that is not a list', { sun: { open: '07:00', close: '12:00' } }, 'openHours/sun'],
    ['null (always-open is the caller\'s null, not an invalid object)', null, 'openHours'],
    ['a list instead of an object', [], 'openHours'],
  ])('rejects %s', (_name, input, field) => {
    expect(fieldOf(() => validateOpenHours(input))).toBe(field);
  });
});

describe('spaceFamily', () => {
  it.each([
    ['the whole gym blocks both halves and the building it is in', GYM, [BUILDING, GYM, HALF_A, HALF_B]],
    ['half A blocks the gym and the building, but not its sibling half B', HALF_A, [BUILDING, GYM, HALF_A]],
    ['half B blocks the gym and the building, but not its sibling half A', HALF_B, [BUILDING, GYM, HALF_B]],
    ['the whole building blocks everything inside it, however deep', BUILDING, [BUILDING, GYM, HALF_A, HALF_B]],
    ['a stand-alone library is a family of one', LIBRARY, [LIBRARY]],
  ])('%s', (_name, id, expected) => {
    const family = spaceFamily(id, spaces);
    expect(family[0]).toBe(id);
    expect([...family].sort((a, b) => a - b)).toEqual(expected);
  });

  it('terminates on a parent cycle already stored in the data', () => {
    const corrupt = spacesOf({ ...space(1, 'A'), parentId: 2 }, space(2, 'B', 1));
    expect([...spaceFamily(1, corrupt)].sort()).toEqual([1, 2]);
  });
});

describe('assertNoParentCycle', () => {
  it.each([
    ['no parent at all', LIBRARY, null],
    ['moving the library under the building', LIBRARY, BUILDING],
    ['moving half A from the gym straight under the building', HALF_A, BUILDING],
    ['making half A a child of its sibling half B', HALF_A, HALF_B],
  ])('allows %s', (_name, id, parent) => {
    expect(() => assertNoParentCycle(id, parent, spaces)).not.toThrow();
  });

  it.each([
    ['a space as its own parent', GYM, GYM],
    ['the gym under its own half (a child)', GYM, HALF_A],
    ['the building under a half of its gym (a grandchild)', BUILDING, HALF_B],
    ['a parent that does not exist', LIBRARY, 99],
  ])('refuses %s with a parentId field error', (_name, id, parent) => {
    expect(fieldOf(() => assertNoParentCycle(id, parent, spaces))).toBe('parentId');
  });
});
