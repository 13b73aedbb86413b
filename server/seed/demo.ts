/**
 * Seeds the demo campus into an empty database. Everything goes through the use cases, so the
 * demo obeys the same validation and conflict rules as the API: a seeded booking that
 * conflicted would throw, and nothing would be written.
 */
import type { Db } from '../db/connection.js';
import { inWriteTransaction } from '../db/connection.js';
import { createRepositories } from '../db/repositories/index.js';
import type { CampusRow } from '../db/repositories/campuses.repository.js';
import { systemActor } from '../domain/actor.js';
import type { Clock } from '../domain/clock.js';
import { findConflicts } from '../domain/conflicts.js';
import { localDateOf } from '../domain/wallclock.js';
import { createBooking, expandBooking, type BookingInput } from '../usecases/bookings.js';
import { createCampus } from '../usecases/campuses.js';
import { createClosure, toClosureRule } from '../usecases/closures.js';
import type { UseCaseContext } from '../usecases/context.js';
import { createSchool } from '../usecases/schools.js';
import { createSpace, loadSpaceRules } from '../usecases/spaces.js';
import { DEMO_PRINCIPAL_EMAIL, seedDemoAccounts } from './demo-accounts.js';
import { seedDemoCouncil } from './demo-council.js';
import { DEMO_SERIES, DEMO_ONE_OFFS, type BookingSeed } from './demo-bookings.js';
import { DEMO_CAMPUS, DEMO_CLOSURES, DEMO_SCHOOLS, DEMO_SPACES, type SpaceKey } from './demo-campus.js';

export type DemoSummary = {
  campusId: number;
  schools: number;
  spaces: number;
  closures: number;
  bookings: number;
  occurrences: number;
  accounts: number;
};

const DAY_MS = 86_400_000;

/**
 * Dates on which the series would hit a closure, worked out with the conflict checker's own
 * rule (setup and teardown included), so that the series can skip them as EXDATEs.
 */
function closureExdates(ctx: UseCaseContext, campus: CampusRow, input: BookingInput): string[] {
  if (input.rrule === null) return [];
  const candidates = expandBooking(campus, { ...input, exdates: [] });
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  if (!first || !last) return [];
  const closures = ctx.repos.closures.activeInRange(campus.id, first.startUtc - DAY_MS, last.endUtc + DAY_MS).map(toClosureRule);
  const conflicts = findConflicts({ candidates, spaceId: input.spaceId, spaces: loadSpaceRules(ctx, campus.id), busy: [], closures, attendees: 0 });
  const dates = conflicts.filter((c) => c.kind === 'closure').map((c) => localDateOf(c.occurrence.localStart));
  return [...new Set(dates)];
}

function seedCampus(ctx: UseCaseContext, passwordHash: string | null): DemoSummary {
  const campus = createCampus(ctx, DEMO_CAMPUS);
  const schoolIds = new Map(DEMO_SCHOOLS.map((input) => [input.locationCode, createSchool(ctx, campus.id, input).id]));

  const spaceIds = new Map<SpaceKey, number>();
  const spaceId = (key: SpaceKey): number => {
    const id = spaceIds.get(key);
    if (id === undefined) throw new Error(`demo seed: space ${key} is used before it is created`);
    return id;
  };
  for (const { key, parent, ...input } of DEMO_SPACES) {
    spaceIds.set(key, createSpace(ctx, campus.id, { ...input, parentId: parent === null ? null : spaceId(parent) }).id);
  }

  for (const { spaces, ...input } of DEMO_CLOSURES) {
    createClosure(ctx, campus.id, { ...input, spaceIds: spaces === null ? null : spaces.map(spaceId) });
  }

  let occurrences = 0;
  const book = (seed: BookingSeed) => {
    const schoolId = schoolIds.get(seed.school);
    if (schoolId === undefined) throw new Error(`demo seed: no school with code ${seed.school}`);
    const input: BookingInput = {
      spaceId: spaceId(seed.space),
      schoolId,
      title: seed.title,
      purpose: seed.purpose,
      attendees: seed.attendees,
      start: seed.start,
      end: seed.end,
      rrule: seed.rrule,
      exdates: [],
    };
    input.exdates = closureExdates(ctx, campus, input);
    occurrences += createBooking(ctx, campus.id, input).occurrences.length;
  };
  DEMO_SERIES.forEach(book);
  DEMO_ONE_OFFS.forEach(book);
  // TODO(conflict resolution issue): seed "a few conflicts waiting to be resolved" here, once the
  // conflict queue exists — e.g. two schools requesting the auditorium for the same evening
  // event, and a whole-gym tournament request against the halves' after-school practices.
  // They must be made through that use cases, not by writing overlapping occurrences.

  const accounts = passwordHash === null ? 0 : seedDemoAccounts(ctx.repos, campus.id, passwordHash, ctx.clock());
  const principal = ctx.repos.users.findByEmail(DEMO_PRINCIPAL_EMAIL);
  seedDemoCouncil(ctx, campus.id, { principalId: principal?.id ?? null });
  return {
    accounts,
    campusId: campus.id,
    schools: schoolIds.size,
    spaces: spaceIds.size,
    closures: DEMO_CLOSURES.length,
    bookings: DEMO_SERIES.length + DEMO_ONE_OFFS.length,
    occurrences,
  };
}

/**
 * Seeds the demo campus (and, given a password hash, its demo accounts) when the database has
 * no campus at all; returns null otherwise. One write transaction: the demo appears whole or
 * not at all, and two processes starting at once cannot both seed it.
 */
export function seedDemoCampusIfEmpty(db: Db, clock: Clock, accounts: { passwordHash: string } | null = null): DemoSummary | null {
  const ctx: UseCaseContext = { repos: createRepositories(db), clock, actor: systemActor };
  return inWriteTransaction(db, () => (ctx.repos.campuses.list(true).length > 0 ? null : seedCampus(ctx, accounts?.passwordHash ?? null)));
}
