import type { Repositories } from '../db/repositories/index.js';
import type { Actor } from '../domain/actor.js';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors.js';

/** What every use case receives: the repositories, the clock and who is acting. */
export interface UseCaseContext {
  repos: Repositories;
  clock: Clock;
  actor: Actor;
}

export function notFound(what: string, id: number | string): DomainError {
  return new DomainError('not_found', `${what} ${id} does not exist`, { resource: what, id });
}

/** Loads a record that must exist and belong to the campus; anything else is "not found". */
export function requireInCampus<T extends { campusId: number }>(row: T | undefined, campusId: number, what: string, id: number): T {
  if (!row || row.campusId !== campusId) throw notFound(what, id);
  return row;
}
