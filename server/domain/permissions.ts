/**
 * Who may do what, per campus. Pure: the HTTP layer asks `allows` before a route runs, and use
 * cases ask `mayActForSchool` for object-level checks (a lead books only for their own school).
 * Equal standing: the building principal has no power over another school's bookings.
 */
export const ROLES = ['admin', 'principal', 'lead', 'council', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Membership {
  campusId: number;
  role: Role;
  /** The school a lead, council member or principal acts for (the principal's is the building office). */
  schoolId: number | null;
}

export type Permission =
  | 'campus.read' // see the campus, its schools, spaces, closures and every booking
  | 'campus.settings' // change the campus itself
  | 'schools.manage'
  | 'facilities.manage' // spaces, open hours, closures
  | 'bookings.write' // for one's own school only: see mayActForSchool
  | 'audit.read'
  | 'members.manage' // accounts and roles on the campus
  | 'council.manage' // the council's meeting series and settings
  | 'council.participate'; // submit agenda items, write minutes, vote — for one's own school: see councilSchoolsOf

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['campus.read', 'campus.settings', 'schools.manage', 'facilities.manage', 'audit.read', 'members.manage', 'council.manage'],
  principal: ['campus.read', 'facilities.manage', 'bookings.write', 'audit.read', 'council.manage', 'council.participate'],
  lead: ['campus.read', 'bookings.write', 'audit.read', 'council.participate'],
  council: ['campus.read', 'audit.read', 'council.participate'],
  viewer: ['campus.read'],
};

/** Roles a membership carries: a lead is a council member of their school by default. */
export function effectiveRoles(role: Role): Role[] {
  return role === 'lead' ? ['lead', 'council'] : [role];
}

export function rolesOn(memberships: readonly Membership[], campusId: number): Role[] {
  return [...new Set(memberships.filter((m) => m.campusId === campusId).flatMap((m) => effectiveRoles(m.role)))];
}

export function allows(memberships: readonly Membership[], campusId: number, permission: Permission): boolean {
  return rolesOn(memberships, campusId).some((role) => GRANTS[role].includes(permission));
}

/** Whether the person may create, change or cancel bookings in this school's name. */
export function mayActForSchool(memberships: readonly Membership[], campusId: number, schoolId: number): boolean {
  return memberships.some((m) => m.campusId === campusId && m.schoolId === schoolId && (m.role === 'lead' || m.role === 'principal'));
}

/**
 * The schools a person sits on the Building Council for: a lead, a council member or the
 * building principal speaks and votes for their school — one vote per school, equal standing.
 */
export function councilSchoolsOf(memberships: readonly Membership[], campusId: number): number[] {
  const roles: readonly Role[] = ['lead', 'council', 'principal'];
  return [...new Set(memberships.filter((m) => m.campusId === campusId && m.schoolId !== null && roles.includes(m.role)).map((m) => m.schoolId!))];
}

/** A membership is coherent: schools for those who act for one, none for the others. */
export function needsSchool(role: Role): boolean {
  return role === 'lead' || role === 'council' || role === 'principal';
}
