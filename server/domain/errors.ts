/**
 * Errors as values with a stable code. Domain code never knows about HTTP:
 * the route layer maps each code to a status (server/http/problem.ts).
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'auth.invalid_credentials'
  | 'auth.disabled'
  | 'auth.csrf'
  | 'rate_limited'
  | 'upgrade_required'
  | 'not_found'
  | 'booking.conflict'
  | 'booking.stale'
  | 'council.stale'
  | 'state'
  | 'campus.time_zone_locked';

export interface FieldProblem {
  /** JSON pointer-ish path of the offending input, e.g. "/body/rrule" or "rrule". */
  field: string;
  message: string;
  /** Which part of the request, when it is not the body: querystring, params, headers. */
  in?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A field that names a record which does not exist here (for example a space of another campus). */
export function unknownReference(field: string, what: string, id: number): DomainError {
  return invalidField(field, `${what} ${id} does not exist on this campus`);
}

/** Shorthand for the most common failure: one input field is wrong. */
export function invalidField(field: string, message: string): DomainError {
  return new DomainError('validation', `${field}: ${message}`, { fields: [{ field, message }] });
}
