import { DomainError, invalidField, unknownReference } from '../domain/errors.js';
import { MAX_BUFFER_MINUTES } from '../domain/limits.js';
import { assertNoParentCycle, validateOpenHours, type OpenHours, type SpaceRule } from '../domain/spaces.js';
import type { SpaceRow, SpaceRuleRow } from '../db/repositories/spaces.repository.js';
import { requireActiveCampus, requireCampus } from './campuses.js';
import { audited } from './audit.js';
import { requirePermission } from './authorize.js';
import { requireInCampus, type UseCaseContext } from './context.js';

/** What a person sets on a space; the rule the conflict checker reads adds its id and archive state. */
export type SpaceInput = Omit<SpaceRule, 'id' | 'archived'>;

export function toSpaceRule(row: SpaceRow | SpaceRuleRow): SpaceRule {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    capacity: row.capacity,
    parentId: row.parentId,
    setupMinutes: row.setupMinutes,
    teardownMinutes: row.teardownMinutes,
    openHours: (row.openHours as OpenHours | null) ?? null,
    archived: row.archivedAt !== null,
  };
}

/** Every space of the campus as the conflict checker sees them, archived ones included. */
export function loadSpaceRules(ctx: Pick<UseCaseContext, 'repos'>, campusId: number): Map<number, SpaceRule> {
  return new Map(ctx.repos.spaces.rulesOfCampus(campusId).map((row) => [row.id, toSpaceRule(row)]));
}

export function requireSpaceRow(ctx: Pick<UseCaseContext, 'repos'>, campusId: number, spaceId: number): SpaceRow {
  return requireInCampus(ctx.repos.spaces.get(spaceId), campusId, 'space', spaceId);
}

function validate(ctx: UseCaseContext, campusId: number, input: SpaceInput, selfId: number | null): SpaceInput {
  const values = { ...input, name: input.name.trim(), kind: input.kind.trim().toLowerCase() };
  if (!values.name) throw invalidField('name', 'must not be blank');
  if (!values.kind) throw invalidField('kind', 'must not be blank');
  for (const field of ['setupMinutes', 'teardownMinutes'] as const) {
    if (values[field] > MAX_BUFFER_MINUTES) throw invalidField(field, `at most ${MAX_BUFFER_MINUTES} minutes`);
  }
  values.openHours = values.openHours === null ? null : validateOpenHours(values.openHours);
  if (values.parentId !== null) {
    const rules = loadSpaceRules(ctx, campusId);
    const parent = rules.get(values.parentId);
    if (!parent) throw unknownReference('parentId', 'space', values.parentId);
    if (parent.archived) throw invalidField('parentId', `space ${values.parentId} is archived`);
    if (selfId !== null) assertNoParentCycle(selfId, values.parentId, rules);
  }
  return values;
}

export function getSpace(ctx: UseCaseContext, campusId: number, spaceId: number): SpaceRow {
  const space = requireSpaceRow(ctx, campusId, spaceId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  return space;
}

export function listSpaces(ctx: UseCaseContext, campusId: number, includeArchived: boolean): SpaceRow[] {
  requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  return ctx.repos.spaces.listByCampus(campusId, includeArchived);
}

export function createSpace(ctx: UseCaseContext, campusId: number, input: SpaceInput): SpaceRow {
  requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'facilities.manage');
  const values = validate(ctx, campusId, input, null);
  const now = ctx.clock();
  return audited(ctx, { campusId, action: 'space.create', entityType: 'space' }, () => ctx.repos.spaces.insert({ ...values, campusId, createdAt: now, updatedAt: now }));
}

export function updateSpace(ctx: UseCaseContext, campusId: number, spaceId: number, changes: Partial<SpaceInput>): SpaceRow {
  requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'facilities.manage');
  const row = requireSpaceRow(ctx, campusId, spaceId);
  const values = validate(ctx, campusId, { ...toSpaceRule(row), ...changes }, spaceId);
  return audited(ctx, { campusId, action: 'space.update', entityType: 'space', before: row }, () => ctx.repos.spaces.update(spaceId, { ...values, updatedAt: ctx.clock() }));
}

/** Archiving stops new bookings in the space; its history and existing bookings stay. */
export function setSpaceArchived(ctx: UseCaseContext, campusId: number, spaceId: number, archived: boolean): SpaceRow {
  requireActiveCampus(ctx, campusId);
  const row = requireSpaceRow(ctx, campusId, spaceId);
  requirePermission(ctx.actor, campusId, 'facilities.manage');
  if (!archived && row.parentId !== null && ctx.repos.spaces.get(row.parentId)?.archivedAt != null) {
    throw new DomainError('state', `restore its parent space ${row.parentId} first`);
  }
  const now = ctx.clock();
  const change = { campusId, action: archived ? 'space.archive' : 'space.restore', entityType: 'space', before: row };
  return audited(ctx, change, () => ctx.repos.spaces.update(spaceId, { archivedAt: archived ? now : null, updatedAt: now }));
}
