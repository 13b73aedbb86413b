import type { Actor } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import { allows, mayActForSchool, type Permission } from '../domain/permissions.js';

/** Coarse check, also made by the HTTP layer before a route runs; use cases repeat it so no caller can skip it. */
export function requirePermission(actor: Actor, campusId: number, permission: Permission): void {
  if (actor.system || allows(actor.memberships, campusId, permission)) return;
  if (actor.userId === null) throw new DomainError('unauthenticated', 'Sign in first.');
  throw new DomainError('forbidden', `Your role on campus ${campusId} does not allow this (${permission}).`, { permission });
}

/** Object-level check: bookings are made, changed and cancelled only in one's own school's name. */
export function requireActingForSchool(actor: Actor, campusId: number, schoolId: number): void {
  requirePermission(actor, campusId, 'bookings.write');
  if (actor.system || mayActForSchool(actor.memberships, campusId, schoolId)) return;
  throw new DomainError('forbidden', `You can book, change and cancel only for your own school; school ${schoolId} is not yours. A change to another school's booking goes through the conflict process.`, {
    schoolId,
  });
}
