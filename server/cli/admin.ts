/**
 * `npm run admin -- <command>`: account administration from the server's own shell.
 * Runs as the system (audited with no user), against the database COMMONS_DB names.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { openDatabase, type Db } from '../db/connection.js';
import { createRepositories } from '../db/repositories/index.js';
import { systemActor } from '../domain/actor.js';
import { systemClock } from '../system-clock.js';
import { DomainError } from '../domain/errors.js';
import { ROLES, type Role } from '../domain/permissions.js';
import { addMembership, createUser, findUserByEmail, publicUser, resetPassword, setUserDisabled } from '../usecases/accounts.js';
import { createCampus } from '../usecases/campuses.js';
import type { UseCaseContext } from '../usecases/context.js';

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user     --email E --name N [--campus ID --role ROLE [--school CODE]] [--password-stdin]
  add-role        --email E --campus ID --role ROLE [--school CODE]
  reset-password  --email E [--password-stdin]
  list-users      [--campus ID]
  disable-user    --email E        (ends every session of the account at once)
  enable-user     --email E
  create-campus   --name N --time-zone ZONE --year-start YYYY-MM-DD --year-end YYYY-MM-DD

Roles: ${ROLES.join(', ')}. --school takes a school's local location code (or its id).
Without --password-stdin a password is generated and printed once.`;

class UsageError extends Error {}

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  campus: { type: 'string' },
  role: { type: 'string' },
  school: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'time-zone': { type: 'string' },
  'year-start': { type: 'string' },
  'year-end': { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function required(values: Options, name: keyof Options): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function campusIdOf(values: Options): number {
  const id = Number(required(values, 'campus'));
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError('--campus takes a campus id');
  return id;
}

function roleOf(values: Options): Role {
  const role = required(values, 'role');
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return role as Role;
}

function schoolIdOf(ctx: UseCaseContext, campusId: number, code: string | undefined): number | null {
  if (code === undefined) return null;
  const school = ctx.repos.schools.findByCode(campusId, code) ?? ctx.repos.schools.get(Number(code));
  if (!school || school.campusId !== campusId) throw new UsageError(`no school with code or id ${code} on campus ${campusId}`);
  return school.id;
}

function grantRole(ctx: UseCaseContext, values: Options, userId: number): string {
  const campusId = campusIdOf(values);
  const role = roleOf(values);
  addMembership(ctx, campusId, userId, { role, schoolId: schoolIdOf(ctx, campusId, values.school) });
  return `${role} on campus ${campusId}${values.school ? ` for school ${values.school}` : ''}`;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

async function run(command: string | undefined, values: Options, ctx: UseCaseContext): Promise<void> {
  const password = async () => (values['password-stdin'] ? await readStdin() : undefined);
  const printGenerated = (generated: string | null) => generated && say(`Password (shown once): ${generated}`);
  switch (command) {
    case 'create-user': {
      const chosen = await password();
      const { user, generatedPassword } = await createUser(ctx, { email: required(values, 'email'), name: required(values, 'name'), ...(chosen === undefined ? {} : { password: chosen }) });
      say(`Created user ${user.id} <${user.email}>`);
      if (values.campus !== undefined) say(`Role: ${grantRole(ctx, values, user.id)}`);
      printGenerated(generatedPassword);
      return;
    }
    case 'add-role': {
      const user = findUserByEmail(ctx, required(values, 'email'));
      if (!user) throw new UsageError(`no account with e-mail ${values.email}`);
      say(`Granted ${grantRole(ctx, values, user.id)} to <${user.email}>`);
      return;
    }
    case 'reset-password': {
      const chosen = await password();
      const { user, generatedPassword } = await resetPassword(ctx, required(values, 'email'), chosen);
      say(`Password of <${user.email}> reset; every session of the account has ended.`);
      printGenerated(generatedPassword);
      return;
    }
    case 'list-users': {
      const campusFilter = values.campus === undefined ? null : campusIdOf(values);
      for (const user of ctx.repos.users.list()) {
        const roles = ctx.repos.users.membershipsOf(user.id).filter((m) => campusFilter === null || m.campusId === campusFilter);
        if (campusFilter !== null && roles.length === 0) continue;
        const described = roles.map((m) => `${m.role}@${m.campusId}${m.schoolId === null ? '' : `/school ${m.schoolId}`}`).join(', ') || 'no roles';
        say(`${user.id}\t${user.email}\t${user.name}\t${publicUser(user).disabled ? 'DISABLED' : 'active'}\t${described}`);
      }
      return;
    }
    case 'disable-user':
    case 'enable-user': {
      const user = setUserDisabled(ctx, required(values, 'email'), command === 'disable-user');
      say(`<${user.email}> is now ${user.disabledAt === null ? 'enabled' : 'disabled; its sessions have ended'}.`);
      return;
    }
    case 'create-campus': {
      const campus = createCampus(ctx, { name: required(values, 'name'), timeZone: required(values, 'time-zone'), yearStart: required(values, 'year-start'), yearEnd: required(values, 'year-end') });
      say(`Created campus ${campus.id} (${campus.name}, ${campus.timeZone}); give it an admin with add-role.`);
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'name a command');
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    say(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const db: Db = openDatabase(readConfig().databasePath);
  const ctx: UseCaseContext = { repos: createRepositories(db), clock: systemClock, actor: systemActor };
  try {
    await run(parsed.positionals[0], parsed.values, ctx);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof DomainError) {
      process.stderr.write(`Refused: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    db.$client.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
