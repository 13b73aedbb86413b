/**
 * Default chair and note-taker of a meeting: chair = schools[k mod n], note-taker =
 * schools[(k + 1) mod n], schools ordered by location code. Either may be changed per meeting;
 * this is only who it falls to when nobody changes it.
 */
import { rotationOrder, type MemberSchool } from './rotation.js';

export interface MeetingRoles {
  chairSchoolId: number | null;
  noteTakerSchoolId: number | null;
}

/** With one school it does both; with none (a campus not set up yet) nobody does. */
export function defaultChairAndNoteTaker(memberSchoolsOrderedByCode: readonly MemberSchool[], sequence: number): MeetingRoles {
  const order = rotationOrder(memberSchoolsOrderedByCode, sequence);
  const chairSchoolId = order[0] ?? null;
  return { chairSchoolId, noteTakerSchoolId: order[1] ?? chairSchoolId };
}
