import type { Repositories } from '../db/repositories/index.js';
import type { Role } from '../domain/permissions.js';
import type { SchoolRow } from '../db/repositories/schools.repository.js';

/** The demo's sign-in addresses, documented in the README. */
export const DEMO_ADMIN_EMAIL = 'admin@demo.test';
export const DEMO_PRINCIPAL_EMAIL = 'principal@demo.test';
export const DEMO_VIEWER_EMAIL = 'viewer@demo.test';
export const demoLeadEmail = (locationCode: string) => `lead-${locationCode.toLowerCase()}@demo.test`;

interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  schoolId: number | null;
}

function demoAccounts(schools: SchoolRow[]): DemoAccount[] {
  const office = schools.find((s) => s.kind === 'building');
  if (!office) throw new Error('demo seed: the building office is missing');
  return [
    { email: DEMO_ADMIN_EMAIL, name: 'Campus Administrator', role: 'admin', schoolId: null },
    { email: DEMO_PRINCIPAL_EMAIL, name: 'Building Principal', role: 'principal', schoolId: office.id },
    { email: DEMO_VIEWER_EMAIL, name: 'Community Partner', role: 'viewer', schoolId: null },
    ...schools
      .filter((s) => s.kind !== 'building')
      .map((s) => ({ email: demoLeadEmail(s.locationCode), name: `Lead of ${s.name}`, role: 'lead' as const, schoolId: s.id })),
  ];
}

/** One account per role and per school, all with the same (already hashed) password. */
export function seedDemoAccounts(repos: Repositories, campusId: number, passwordHash: string, now: number): number {
  const accounts = demoAccounts(repos.schools.listByCampus(campusId, false));
  for (const account of accounts) {
    const user = repos.users.insert({ email: account.email, name: account.name, passwordHash, createdAt: now, updatedAt: now });
    repos.users.addMembership({ userId: user.id, campusId, role: account.role, schoolId: account.schoolId, createdAt: now });
  }
  return accounts.length;
}
