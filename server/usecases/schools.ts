import { DomainError, invalidField } from '../domain/errors.js';
import type { SchoolRow } from '../db/repositories/schools.repository.js';
import { requireActiveCampus, requireCampus } from './campuses.js';
import { audited } from './audit.js';
import { requirePermission } from './authorize.js';
import { requireInCampus, type UseCaseContext } from './context.js';

export type SchoolKind = 'slc' | 'autonomous' | 'building';

export interface SchoolInput {
  name: string;
  locationCode: string;
  kind: SchoolKind;
  enrollment: number;
}

function normalise(input: SchoolInput): SchoolInput {
  const values = { ...input, name: input.name.trim(), locationCode: input.locationCode.trim() };
  if (!values.name) throw invalidField('name', 'must not be blank');
  if (!values.locationCode) throw invalidField('locationCode', 'must not be blank');
  return values;
}

function assertCodeFree(ctx: UseCaseContext, campusId: number, locationCode: string, selfId?: number): void {
  const holder = ctx.repos.schools.findByCode(campusId, locationCode);
  if (holder && holder.id !== selfId) {
    throw new DomainError('validation', `location code ${locationCode} is already used by ${holder.name}`, {
      fields: [{ field: 'locationCode', message: `already used by school ${holder.id} (${holder.name})` }],
    });
  }
}

export function requireSchool(ctx: Pick<UseCaseContext, 'repos'>, campusId: number, schoolId: number): SchoolRow {
  return requireInCampus(ctx.repos.schools.get(schoolId), campusId, 'school', schoolId);
}

export function getSchool(ctx: UseCaseContext, campusId: number, schoolId: number): SchoolRow {
  const school = requireSchool(ctx, campusId, schoolId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  return school;
}

export function listSchools(ctx: UseCaseContext, campusId: number, includeArchived: boolean): SchoolRow[] {
  requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  return ctx.repos.schools.listByCampus(campusId, includeArchived);
}

export function createSchool(ctx: UseCaseContext, campusId: number, input: SchoolInput): SchoolRow {
  requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'schools.manage');
  const values = normalise(input);
  assertCodeFree(ctx, campusId, values.locationCode);
  const now = ctx.clock();
  return audited(ctx, { campusId, action: 'school.create', entityType: 'school' }, () => ctx.repos.schools.insert({ ...values, campusId, createdAt: now, updatedAt: now }));
}

export function updateSchool(ctx: UseCaseContext, campusId: number, schoolId: number, changes: Partial<SchoolInput>): SchoolRow {
  requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'schools.manage');
  const school = requireSchool(ctx, campusId, schoolId);
  const values = normalise({ name: school.name, locationCode: school.locationCode, kind: school.kind, enrollment: school.enrollment, ...changes });
  assertCodeFree(ctx, campusId, values.locationCode, schoolId);
  const change = { campusId, schoolId, action: 'school.update', entityType: 'school', before: school };
  return audited(ctx, change, () => ctx.repos.schools.update(schoolId, { ...values, updatedAt: ctx.clock() }));
}

export function setSchoolArchived(ctx: UseCaseContext, campusId: number, schoolId: number, archived: boolean): SchoolRow {
  requireActiveCampus(ctx, campusId);
  const school = requireSchool(ctx, campusId, schoolId);
  requirePermission(ctx.actor, campusId, 'schools.manage');
  const now = ctx.clock();
  const change = { campusId, schoolId, action: archived ? 'school.archive' : 'school.restore', entityType: 'school', before: school };
  return audited(ctx, change, () => ctx.repos.schools.update(schoolId, { archivedAt: archived ? now : null, updatedAt: now }));
}
