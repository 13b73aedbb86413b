import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode, type FieldProblem } from '../domain/errors.js';

/** RFC 9457 problem details, with a stable `code` and, for bad input, the fields at fault. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  fields?: FieldProblem[];
  [extension: string]: unknown;
}

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  'auth.invalid_credentials': 401,
  forbidden: 403,
  'auth.disabled': 403,
  'auth.csrf': 403,
  rate_limited: 429,
  upgrade_required: 426,
  not_found: 404,
  'booking.conflict': 409,
  'booking.stale': 409,
  'council.stale': 409,
  state: 409,
  'campus.time_zone_locked': 409,
};

const TITLES: Record<string, string> = {
  validation: 'The request has invalid input',
  not_found: 'Not found',
  unauthenticated: 'Sign in first',
  'auth.invalid_credentials': 'Wrong e-mail or password',
  forbidden: 'Not allowed',
  'auth.disabled': 'The account is disabled',
  'auth.csrf': 'Missing or wrong CSRF token',
  rate_limited: 'Too many requests',
  upgrade_required: 'Upgrade required',
  'booking.conflict': 'The booking conflicts',
  'booking.stale': 'The booking changed meanwhile',
  'council.stale': 'It changed meanwhile',
  state: 'Not possible in the current state',
  'campus.time_zone_locked': 'The time zone is locked',
  'request.too_large': 'The request body is too large',
  'request.unsupported_media_type': 'Unsupported content type',
  'request.malformed': 'The request body is not valid JSON',
  'request.invalid': 'The request is invalid',
  'route.not_found': 'No such route',
  'database.busy': 'Busy',
  internal: 'Something went wrong on our side',
};

function problem(request: FastifyRequest, status: number, code: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  // Extensions never replace a standard member: an error's details naming, say, a record's
  // `status` must not become the HTTP status.
  return { ...extensions, type: `urn:commons:problem:${code}`, title: TITLES[code] ?? code, status, detail, code, instance: request.url };
}

/** "openHours/mon/0/open" from ajv's instancePath or the property it names; `in` says which part. */
function fieldsOf(error: FastifyError): FieldProblem[] {
  const part = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string; additionalProperty?: string }) ?? {};
    const leaf = missing.missingProperty ?? missing.additionalProperty;
    const path = `${v.instancePath}${leaf ? `/${leaf}` : ''}`;
    const message = missing.additionalProperty ? 'is not a known property' : (v.message ?? 'is invalid');
    return { field: path.replace(/^\//, '') || part, in: part, message };
  });
}

function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof DomainError) {
    return problem(request, STATUS[error.code], error.code, error.message, error.details);
  }
  const e = error as FastifyError & { code?: string };
  if (e.validation) {
    const fields = fieldsOf(e);
    return problem(request, 400, 'validation', fields.map((f) => `${f.in} ${f.field}: ${f.message}`).join('; '), { fields });
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(request, 413, 'request.too_large', e.message);
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(request, 415, 'request.unsupported_media_type', 'Send JSON with Content-Type: application/json');
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError) return problem(request, 400, 'request.malformed', e.message);
  // Only reachable if another process holds the write lock longer than the busy timeout.
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY')) {
    return problem(request, 503, 'database.busy', 'The database is busy; try again in a moment.');
  }
  if (e.statusCode === 429) return problem(request, 429, 'rate_limited', `${e.message}.`);
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return problem(request, e.statusCode, 'request.invalid', e.message);
  }
  return problem(request, 500, 'internal', 'An unexpected error occurred; it has been logged.');
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  // Pre-serialised so that every error has the same shape whatever the route's response schemas say.
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

/** One way to fail: every error leaves as problem+json; details of unexpected ones stay in the log. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = toProblem(error, request);
  if (body.status === 503) reply.header('retry-after', '1');
  else if (body.status >= 500) request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, body);
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(request, 404, 'route.not_found', `${request.method} ${request.url.split('?')[0]} is not a route of this API`)),
  );
}
