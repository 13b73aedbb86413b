import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.js';
import { createRepositories } from '../../server/db/repositories/index.js';
import { verifyPassword } from '../../server/usecases/passwords.js';
import { startSession } from '../../server/usecases/sessions.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let databasePath: string;

/** Runs the real command line (through tsx, as `npm run admin` runs its build) against a temp database. */
function admin(args: string[], stdin = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, COMMONS_DB: databasePath, NODE_ENV: 'test' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function repos() {
  const db = openDatabase(databasePath);
  return { repos: createRepositories(db), close: () => db.$client.close() };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'commons-cli-'));
  databasePath = join(dir, 'commons.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run admin', () => {
  it('creates a campus and an admin whose generated password is printed once and works', async () => {
    expect(admin(['create-campus', '--name', 'North Campus', '--time-zone', 'America/Los_Angeles', '--year-start', '2026-08-17', '--year-end', '2027-06-11']).code).toBe(0);
    const created = admin(['create-user', '--email', 'Ana@North.test', '--name', 'Ana Admin', '--campus', '1', '--role', 'admin']);
    expect(created.code, created.err).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(created.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const { repos: r, close } = repos();
    const user = r.users.findByEmail('ana@north.test')!;
    expect(await verifyPassword(user.passwordHash, password!)).toBe(true);
    expect(r.users.membershipsOf(user.id)).toMatchObject([{ campusId: 1, role: 'admin', schoolId: null }]);
    close();
  });

  it('resets a password from standard input, refusing a weak one, and ends the sessions', async () => {
    const { repos: r, close } = repos();
    const user = r.users.findByEmail('ana@north.test')!;
    const { session } = startSession({ repos: r, clock: () => Date.now() }, user, { idleMs: 3_600_000, absoluteMs: 3_600_000 }, { userAgent: 'test', ip: '127.0.0.1' });
    close();

    const weak = admin(['reset-password', '--email', 'ana@north.test', '--password-stdin'], 'password1\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/too common/);

    const reset = admin(['reset-password', '--email', 'ana@north.test', '--password-stdin'], 'a long and quiet library afternoon\n');
    expect(reset.code, reset.err).toBe(0);
    expect(reset.out).not.toMatch(/shown once/);
    const after = repos();
    expect(await verifyPassword(after.repos.users.findByEmail('ana@north.test')!.passwordHash, 'a long and quiet library afternoon')).toBe(true);
    expect(after.repos.sessions.get(session.id)?.revokedAt).not.toBeNull();
    after.close();
  });

  it('lists users with their roles, and disabling one ends its sessions at once', () => {
    const { repos: r, close } = repos();
    const user = r.users.findByEmail('ana@north.test')!;
    const { session } = startSession({ repos: r, clock: () => Date.now() }, user, { idleMs: 3_600_000, absoluteMs: 3_600_000 }, { userAgent: 'test', ip: '127.0.0.1' });
    close();

    expect(admin(['list-users', '--campus', '1']).out).toMatch(/ana@north\.test\tAna Admin\tactive\tadmin@1/);
    expect(admin(['disable-user', '--email', 'ana@north.test']).code).toBe(0);
    expect(admin(['list-users']).out).toMatch(/ana@north\.test\tAna Admin\tDISABLED/);
    const after = repos();
    expect(after.repos.sessions.get(session.id)?.revokedAt).not.toBeNull();
    after.close();
  });

  it('refuses bad usage with exit code 2 and a role without its school with exit code 1', () => {
    expect(admin(['frobnicate']).code).toBe(2);
    expect(admin(['create-user', '--email', 'x@north.test']).err).toMatch(/--name is required/);
    const lead = admin(['add-role', '--email', 'ana@north.test', '--campus', '1', '--role', 'lead']);
    expect(lead.code).toBe(1);
    expect(lead.err).toMatch(/schoolId: a lead acts for a school/);
  });
});
