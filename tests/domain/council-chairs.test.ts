import { describe, expect, it } from 'vitest';
import { defaultChairAndNoteTaker } from '../../server/domain/council/chairs.js';

const FOUR = [
  { id: 1, code: '1930' },
  { id: 2, code: '1931' },
  { id: 3, code: '1944' },
  { id: 4, code: '8547' },
];

describe('defaultChairAndNoteTaker', () => {
  it.each([
    ['meeting 0: the first school chairs, the next takes notes', FOUR, 0, 1, 2],
    ['meeting 1', FOUR, 1, 2, 3],
    ['meeting 3: the note-taker wraps round to the first school', FOUR, 3, 4, 1],
    ['meeting 4 starts the round again', FOUR, 4, 1, 2],
    ['two schools take turns', FOUR.slice(0, 2), 1, 2, 1],
    ['one school does both', FOUR.slice(0, 1), 5, 1, 1],
    ['no schools: nobody', [], 2, null, null],
  ])('%s', (_name, schools, sequence, chair, noteTaker) => {
    expect(defaultChairAndNoteTaker(schools, sequence)).toEqual({ chairSchoolId: chair, noteTakerSchoolId: noteTaker });
  });

  it('gives every school the chair once and the notes once in n meetings, never both at one meeting', () => {
    const roles = [0, 1, 2, 3].map((k) => defaultChairAndNoteTaker(FOUR, k));
    expect(roles.map((r) => r.chairSchoolId).sort()).toEqual([1, 2, 3, 4]);
    expect(roles.map((r) => r.noteTakerSchoolId).sort()).toEqual([1, 2, 3, 4]);
    for (const r of roles) expect(r.chairSchoolId).not.toBe(r.noteTakerSchoolId);
  });
});
