import { hashPassword } from '../../server/usecases/passwords.js';
import type { Db } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import type { Role } from '../../server/domain/permissions.js';
import { startSession } from '../../server/usecases/sessions.js';

export const TEST_PASSWORD = 'correct horse battery staple';
const ONE_WEEK = 7 * 86_400_000;

// argon2id takes ~70 ms on purpose; one hash serves every test user of a process.
let passwordHash: Promise<string> | undefined;
export function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export interface TestUser {
  id: number;
  email: string;
  /** Cookie and CSRF headers of a live session of this user. */
  headers: Record<string, string>;
}

/**
 * A user with the given roles and a live session, written straight into the database (the
 * sign-in route itself is tested in tests/routes/auth.test.ts).
 */
export async function createTestUser(
  db: Db,
  options: { email: string; cookieName: string; now: number; memberships?: Array<{ campusId: number; role: Role; schoolId?: number | null }> },
): Promise<TestUser> {
  const repos = createRepositories(db);
  const user = repos.users.insert({ email: options.email, name: options.email.split('@')[0]!, passwordHash: await testPasswordHash(), createdAt: options.now, updatedAt: options.now });
  for (const m of options.memberships ?? []) {
    repos.users.addMembership({ userId: user.id, campusId: m.campusId, role: m.role, schoolId: m.schoolId ?? null, createdAt: options.now });
  }
  const { token, session } = startSession({ repos, clock: () => options.now }, user, { idleMs: ONE_WEEK, absoluteMs: ONE_WEEK }, { userAgent: 'vitest', ip: '127.0.0.1' });
  return { id: user.id, email: user.email, headers: { cookie: `${options.cookieName}=${token}`, 'x-csrf-token': session.csrfToken } };
}
