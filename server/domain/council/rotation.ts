/**
 * Rotation among the member schools (equal standing): who speaks first, who chairs and who
 * takes notes changes from meeting to meeting, so that no school is always first or always last.
 */

export interface MemberSchool {
  id: number;
  code: string;
}

/**
 * Member school ids in the order meeting `sequence` takes them: ordered by location code
 * (compared by code unit, not by locale, so every machine agrees), then rotated left by
 * sequence mod n. Over any n consecutive meetings each school is first once and last once.
 */
export function rotationOrder(memberSchools: readonly MemberSchool[], sequence: number): number[] {
  if (!Number.isInteger(sequence) || sequence < 0) throw new RangeError(`not a meeting sequence: ${sequence}`);
  const ids = [...memberSchools].sort((a, b) => compareCodeUnits(a.code, b.code) || a.id - b.id).map((s) => s.id);
  const offset = ids.length === 0 ? 0 : sequence % ids.length;
  return [...ids.slice(offset), ...ids.slice(0, offset)];
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
