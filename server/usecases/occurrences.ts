import { invalidField } from '../domain/errors.js';
import { MAX_LISTING_DAYS } from '../domain/limits.js';
import { isLocalDate, localToInstant } from '../domain/wallclock.js';
import { requireCampus } from './campuses.js';
import { requirePermission } from './authorize.js';
import type { UseCaseContext } from './context.js';

export interface OccurrenceFilter {
  from: string;
  to: string;
  spaceId?: number;
  schoolId?: number;
  includeCancelled: boolean;
}

/** A local date means its midnight on the campus; anything else must be an RFC 3339 instant. */
function instantOf(bound: string, zone: string, field: string): number {
  if (isLocalDate(bound)) return localToInstant(`${bound}T00:00`, zone);
  const ms = /(Z|[+-]\d{2}:\d{2})$/.test(bound) ? Date.parse(bound) : NaN;
  if (Number.isNaN(ms)) throw invalidField(field, 'must be a date YYYY-MM-DD or an instant with offset, e.g. 2026-11-02T08:00:00Z');
  return ms;
}

export function listOccurrences(ctx: UseCaseContext, campusId: number, filter: OccurrenceFilter) {
  const campus = requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  const fromUtc = instantOf(filter.from, campus.timeZone, 'from');
  const toUtc = instantOf(filter.to, campus.timeZone, 'to');
  if (toUtc <= fromUtc) throw invalidField('to', 'must be after from');
  if (toUtc - fromUtc > MAX_LISTING_DAYS * 86_400_000) throw invalidField('to', `the range may span at most ${MAX_LISTING_DAYS} days`);
  return ctx.repos.occurrences.listInRange({ campusId, fromUtc, toUtc, ...filter });
}
