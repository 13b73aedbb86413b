import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { fixedClock } from '../../server/domain/clock.js';
import { seedDemoOnStart } from '../../server/seed/startup.js';
import { verifyPassword } from '../../server/usecases/passwords.js';

const clock = fixedClock(Date.UTC(2026, 7, 1));
const demo = { seed: 'demo' as const, environment: 'development' as const, demoPassword: 'library evenings 2026' };

describe('seeding at start', () => {
  it('creates an account for every role and every demo school, all with the chosen password', async () => {
    const db = openDatabase(':memory:');
    expect(await seedDemoOnStart(demo, db, clock)).toMatch(/COMMONS_DEMO_PASSWORD/);
    const repos = createRepositories(db);
    const schools = repos.schools.listByCampus(1, false);
    const roleOf = (email: string) => repos.users.membershipsOf(repos.users.findByEmail(email)!.id).map((m) => [m.role, m.schoolId]);
    expect(roleOf('admin@demo.test')).toEqual([['admin', null]]);
    expect(roleOf('principal@demo.test')).toEqual([['principal', schools.find((s) => s.kind === 'building')!.id]]);
    expect(roleOf('viewer@demo.test')).toEqual([['viewer', null]]);
    for (const school of schools.filter((s) => s.kind !== 'building')) {
      expect(roleOf(`lead-${school.locationCode}@demo.test`)).toEqual([['lead', school.id]]);
    }
    expect(repos.users.list()).toHaveLength(3 + schools.length - 1);
    expect(await verifyPassword(repos.users.findByEmail('admin@demo.test')!.passwordHash, demo.demoPassword)).toBe(true);
  });

  it('prints a generated password once when none is configured', async () => {
    const db = openDatabase(':memory:');
    const message = await seedDemoOnStart({ ...demo, demoPassword: null }, db, clock);
    const password = /the password (\S+) \(shown once/.exec(message ?? '')?.[1];
    expect(password).toBeDefined();
    expect(await verifyPassword(createRepositories(db).users.findByEmail('viewer@demo.test')!.passwordHash, password!)).toBe(true);
    expect(await seedDemoOnStart({ ...demo, demoPassword: null }, db, clock)).toBeNull();
  });

  it('never seeds demo data or accounts in production, nor with COMMONS_SEED=none', async () => {
    for (const config of [{ ...demo, environment: 'production' as const }, { ...demo, seed: 'none' as const }]) {
      const db = openDatabase(':memory:');
      expect(await seedDemoOnStart(config, db, clock)).toBeNull();
      expect(createRepositories(db).campuses.list(true)).toHaveLength(0);
      expect(createRepositories(db).users.list()).toHaveLength(0);
    }
  });
});
