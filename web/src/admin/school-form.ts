/** The school form's state, its checks, and the body it sends. Pure. */
import type { School } from '../api/types.js';
import { wholeNumber, type Issue } from './form-errors.js';

export const SCHOOL_KINDS = ['slc', 'autonomous', 'building'] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export interface SchoolDraft {
  name: string;
  locationCode: string;
  kind: string;
  enrollment: string;
}

export interface SchoolInput {
  name: string;
  locationCode: string;
  kind: SchoolKind;
  enrollment: number;
}

export function draftFromSchool(school: School | null): SchoolDraft {
  if (!school) return { name: '', locationCode: '', kind: 'slc', enrollment: '' };
  return { name: school.name, locationCode: school.locationCode, kind: school.kind, enrollment: String(school.enrollment) };
}

export function validateSchoolDraft(draft: SchoolDraft): Issue[] {
  const issues: Issue[] = [];
  if (!draft.name.trim()) issues.push({ field: 'name', key: 'admin.errors.required' });
  if (!draft.locationCode.trim()) issues.push({ field: 'locationCode', key: 'admin.errors.required' });
  else if (draft.locationCode.trim().length > 32) issues.push({ field: 'locationCode', key: 'admin.errors.tooLong', values: { max: 32 } });
  if (!(SCHOOL_KINDS as readonly string[]).includes(draft.kind)) issues.push({ field: 'kind', key: 'admin.errors.required' });
  if (!draft.enrollment.trim()) issues.push({ field: 'enrollment', key: 'admin.errors.required' });
  else if (wholeNumber(draft.enrollment, 0, 100_000) === null) issues.push({ field: 'enrollment', key: 'admin.errors.wholeNumber', values: { min: 0, max: 100_000 } });
  return issues;
}

export function schoolInputFromDraft(draft: SchoolDraft): SchoolInput {
  return { name: draft.name.trim(), locationCode: draft.locationCode.trim(), kind: draft.kind as SchoolKind, enrollment: Number(draft.enrollment.trim()) };
}
