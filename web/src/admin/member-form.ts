/** Adding a person's role on the campus: the form's state, its checks, and the body. Pure. */
import type { Member, RoleName, School } from '../api/types.js';
import type { Issue } from './form-errors.js';

/** The server's shortest password (server/domain/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 8;

export const ROLE_NAMES: readonly RoleName[] = ['admin', 'principal', 'lead', 'council', 'viewer'];

/** Leads, council members and the principal act for a school (server/domain/permissions.ts). */
export function needsSchool(role: string): boolean {
  return role === 'lead' || role === 'council' || role === 'principal';
}

/** The schools a role may act for: the principal the building office, the others an SLC or small school. */
export function schoolsForRole(role: string, schools: readonly School[]): School[] {
  if (!needsSchool(role)) return [];
  return schools.filter((s) => !s.archived && (role === 'principal' ? s.kind === 'building' : s.kind !== 'building'));
}

export interface MemberDraft {
  email: string;
  name: string;
  role: string;
  schoolId: string;
  password: string;
}

export interface AddMemberInput {
  email: string;
  name?: string;
  password?: string;
  role: RoleName;
  schoolId: number | null;
}

export const emptyMemberDraft = (): MemberDraft => ({ email: '', name: '', role: '', schoolId: '', password: '' });

export function validateMemberDraft(draft: MemberDraft): Issue[] {
  const issues: Issue[] = [];
  const email = draft.email.trim();
  if (!email) issues.push({ field: 'email', key: 'admin.errors.required' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) issues.push({ field: 'email', key: 'admin.errors.email' });
  if (!(ROLE_NAMES as readonly string[]).includes(draft.role)) issues.push({ field: 'role', key: 'admin.errors.required' });
  else if (needsSchool(draft.role) && !draft.schoolId) issues.push({ field: 'schoolId', key: 'admin.errors.schoolRequired' });
  if (draft.password && draft.password.length < MIN_PASSWORD_LENGTH) issues.push({ field: 'password', key: 'admin.errors.passwordShort', values: { count: MIN_PASSWORD_LENGTH } });
  return issues;
}

export function memberInputFromDraft(draft: MemberDraft): AddMemberInput {
  const input: AddMemberInput = {
    email: draft.email.trim(),
    role: draft.role as RoleName,
    schoolId: needsSchool(draft.role) && draft.schoolId ? Number(draft.schoolId) : null,
  };
  if (draft.name.trim()) input.name = draft.name.trim();
  if (draft.password) input.password = draft.password;
  return input;
}

/** People by name; one person's roles in the order of ROLE_NAMES. */
export function sortMembers(members: readonly Member[]): Member[] {
  return [...members].sort((a, b) => a.user.name.localeCompare(b.user.name) || ROLE_NAMES.indexOf(a.role as RoleName) - ROLE_NAMES.indexOf(b.role as RoleName) || a.id - b.id);
}
