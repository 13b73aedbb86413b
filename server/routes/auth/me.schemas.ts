import { Type, type Static } from 'typebox';
import type { Repositories } from '../../db/repositories/index.js';
import type { SessionRow } from '../../db/repositories/sessions.repository.js';
import type { UserRow } from '../../db/repositories/users.repository.js';
import { effectiveRoles } from '../../domain/permissions.js';
import { IdSchema, InstantSchema, iso } from '../../http/schemas.js';

export const MeSchema = Type.Object({
  user: Type.Object({ id: IdSchema, email: Type.String(), name: Type.String() }),
  campuses: Type.Array(
    Type.Object({
      campusId: IdSchema,
      campusName: Type.String(),
      roles: Type.Array(Type.String(), { description: 'Effective roles: a lead is also a council member' }),
      schools: Type.Array(Type.Object({ id: IdSchema, name: Type.String(), locationCode: Type.String(), role: Type.String() }), {
        description: 'The schools this person acts for, and in which role',
      }),
    }),
  ),
  csrfToken: Type.String({ description: 'Send as the x-csrf-token header with every POST, PATCH and DELETE' }),
  sessionExpiresAt: InstantSchema,
});

/** Who is signed in, their roles and schools per campus, and the CSRF token for writes. */
export function presentMe(repos: Repositories, user: UserRow, session: SessionRow): Static<typeof MeSchema> {
  const byCampus = new Map<number, Static<typeof MeSchema>['campuses'][number]>();
  for (const m of repos.users.membershipsOf(user.id)) {
    const campus = repos.campuses.get(m.campusId);
    if (!campus) continue;
    const entry = byCampus.get(m.campusId) ?? { campusId: campus.id, campusName: campus.name, roles: [], schools: [] };
    entry.roles = [...new Set([...entry.roles, ...effectiveRoles(m.role)])];
    const school = m.schoolId === null ? undefined : repos.schools.get(m.schoolId);
    if (school) entry.schools.push({ id: school.id, name: school.name, locationCode: school.locationCode, role: m.role });
    byCampus.set(m.campusId, entry);
  }
  return {
    user: { id: user.id, email: user.email, name: user.name },
    campuses: [...byCampus.values()],
    csrfToken: session.csrfToken,
    sessionExpiresAt: iso(session.expiresAt),
  };
}

export const SessionSchema = Type.Object({
  id: IdSchema,
  current: Type.Boolean(),
  createdAt: InstantSchema,
  lastSeenAt: InstantSchema,
  expiresAt: InstantSchema,
  userAgent: Type.String(),
  ip: Type.String(),
});

export function presentSession(session: SessionRow, currentId: number): Static<typeof SessionSchema> {
  return {
    id: session.id,
    current: session.id === currentId,
    createdAt: iso(session.createdAt),
    lastSeenAt: iso(session.lastSeenAt),
    expiresAt: iso(session.expiresAt),
    userAgent: session.userAgent,
    ip: session.ip,
  };
}
