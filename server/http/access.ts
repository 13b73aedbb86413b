import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { allows, type Permission } from '../domain/permissions.js';

/**
 * What a route needs from the person asking, declared in its config and checked before the
 * body is even validated. Every /api route must declare one (app.ts refuses to start otherwise).
 */
export type Access = 'public' | 'signedIn' | 'campus.create' | Permission;

/** Which campus a request is about; undefined when it names nothing that exists (the route answers 404). */
export type CampusResolver = (request: FastifyRequest) => number | undefined;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    campusFrom?: CampusResolver;
    /** Only sign-in: it needs no CSRF token (the Origin check still applies). */
    csrfExempt?: boolean;
  }
}

/** The campus named in the URL, if it exists (an unknown one is the route's 404 to give). */
const campusFromParams: CampusResolver = (request) => {
  const id = Number((request.params as { campusId?: string }).campusId);
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return request.server.commons.repos.campuses.get(id)?.id;
};

export function checkAccess(request: FastifyRequest): void {
  const { access, campusFrom = campusFromParams } = request.routeOptions.config;
  if (access === undefined || access === 'public') return;
  const actor = request.actor;
  if (actor.userId === null) throw new DomainError('unauthenticated', 'Sign in first.');
  if (access === 'signedIn') return;
  if (access === 'campus.create') {
    if (actor.memberships.some((m) => m.role === 'admin')) return;
    throw new DomainError('forbidden', 'Only a campus admin can create a campus.');
  }
  const campusId = campusFrom(request);
  if (campusId === undefined) return;
  // A record addressed by its own id (/bookings/:id) is "not found" to people outside its
  // campus, so ids do not reveal what exists elsewhere.
  const addressedById = request.routeOptions.config.campusFrom !== undefined;
  if (addressedById && !actor.memberships.some((m) => m.campusId === campusId)) {
    throw new DomainError('not_found', 'No such record.');
  }
  if (!allows(actor.memberships, campusId, access)) {
    throw new DomainError('forbidden', `Your role on campus ${campusId} does not allow this (${access}).`, { permission: access });
  }
}
