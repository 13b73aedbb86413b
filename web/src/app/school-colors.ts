/**
 * Each school keeps one colour everywhere (calendar, lists, legends). Dark enough that white
 * text on it passes WCAG AA (4.5:1), and told apart by the school's code as well, never by colour
 * alone.
 */
const PALETTE = ['#1f5f99', '#9c2f2f', '#2e6b34', '#6a3d9a', '#8a4b08', '#0f6b6b', '#a1246b', '#4d5a12', '#3f4f7f', '#7a3b2e', '#5b5b5b', '#135e4b'];

export function schoolColor(schoolId: number, orderedSchoolIds: readonly number[]): string {
  const index = orderedSchoolIds.indexOf(schoolId);
  return PALETTE[(index >= 0 ? index : schoolId) % PALETTE.length]!;
}
