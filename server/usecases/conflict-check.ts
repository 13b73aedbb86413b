import { suggestAlternatives, type Alternatives } from '../domain/alternatives.js';
import { findConflicts, type BusyOccurrence, type Candidate, type Conflict } from '../domain/conflicts.js';
import { spaceFamily, type SpaceRule } from '../domain/spaces.js';
import type { CampusRow } from '../db/repositories/campuses.repository.js';
import type { UseCaseContext } from './context.js';
import { loadSpaceRules } from './spaces.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Occurrences a booking would have in one space, with one head-count. */
export interface CandidateGroup {
  spaceId: number;
  attendees: number;
  candidates: Candidate[];
}

export interface CheckScope {
  campus: CampusRow;
  /** The booking's own stored occurrences when it is being edited: they never conflict with it. */
  ignoreOccurrenceIds: ReadonlySet<number>;
  /** The campus's spaces, when the caller already read them in this transaction. */
  spaces?: ReadonlyMap<number, SpaceRule>;
}

/**
 * Existing occurrences that can touch the candidates: each candidate's own setup and teardown,
 * plus the largest buffers in the family (another occurrence's teardown can reach back into a
 * candidate's setup), and not a minute more.
 */
function busyNear(ctx: Pick<UseCaseContext, 'repos'>, spaces: ReadonlyMap<number, SpaceRule>, spaceId: number, candidates: readonly Candidate[]): BusyOccurrence[] {
  const family = spaceFamily(spaceId, spaces);
  const own = spaces.get(spaceId);
  const members = family.map((id) => spaces.get(id)).filter((s) => s !== undefined);
  const before = ((own?.setupMinutes ?? 0) + Math.max(0, ...members.map((s) => s.teardownMinutes))) * MINUTE_MS;
  const after = ((own?.teardownMinutes ?? 0) + Math.max(0, ...members.map((s) => s.setupMinutes))) * MINUTE_MS;
  return ctx.repos.occurrences.busyIn(
    family,
    candidates.map((c) => ({ fromUtc: c.startUtc - before, toUtc: c.endUtc + after })),
  );
}

function closuresAround(ctx: Pick<UseCaseContext, 'repos'>, campusId: number, groups: readonly CandidateGroup[]) {
  const all = groups.flatMap((g) => g.candidates);
  if (all.length === 0) return [];
  const from = Math.min(...all.map((c) => c.startUtc)) - DAY_MS;
  const to = Math.max(...all.map((c) => c.endUtc)) + DAY_MS;
  return ctx.repos.closures.activeRulesInRange(campusId, from, to);
}

/** Every conflict of every group, read from the database as it is now (call inside the write transaction). */
export function findBookingConflicts(ctx: Pick<UseCaseContext, 'repos'>, scope: CheckScope, groups: readonly CandidateGroup[]): Conflict[] {
  const spaces = scope.spaces ?? loadSpaceRules(ctx, scope.campus.id);
  const closures = closuresAround(ctx, scope.campus.id, groups);
  return groups.flatMap((group) =>
    findConflicts({
      candidates: group.candidates,
      spaceId: group.spaceId,
      spaces,
      busy: busyNear(ctx, spaces, group.spaceId, group.candidates),
      closures,
      attendees: group.attendees,
      ignoreOccurrenceIds: scope.ignoreOccurrenceIds,
    }),
  );
}

/** Other times, spaces and dates to skip for the booking's main group. */
export function findAlternatives(ctx: Pick<UseCaseContext, 'repos'>, scope: CheckScope, group: CandidateGroup): Alternatives {
  const spaces: Map<number, SpaceRule> = loadSpaceRules(ctx, scope.campus.id);
  return suggestAlternatives({
    candidates: group.candidates,
    spaceId: group.spaceId,
    attendees: group.attendees,
    zone: scope.campus.timeZone,
    spaces,
    closures: closuresAround(ctx, scope.campus.id, [group]),
    busyIn: (spaceIds, windows) => ctx.repos.occurrences.busyIn(spaceIds, windows),
    ignoreOccurrenceIds: scope.ignoreOccurrenceIds,
  });
}
