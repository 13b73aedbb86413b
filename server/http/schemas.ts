import { Type, type TSchema } from 'typebox';

/** Schemas shared by every area's routes. */

export const IdSchema = Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 });

export const CampusParams = Type.Object({ campusId: IdSchema }, { additionalProperties: false });

export const LocalDateTimeSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$',
  description: 'Campus wall-clock time, YYYY-MM-DDTHH:mm (no offset)',
  examples: ['2026-11-03T16:00'],
});
export const LocalDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A campus-local date, YYYY-MM-DD' });
export const InstantSchema = Type.String({ format: 'date-time', description: 'An instant in UTC (RFC 3339)' });
export const NameSchema = Type.String({ minLength: 1, maxLength: 200 });

export const IncludeArchivedQuery = Type.Object(
  { includeArchived: Type.Optional(Type.Boolean({ default: false, description: 'Also list archived records' })) },
  { additionalProperties: false },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable machine-readable error code, e.g. booking.conflict' }),
    instance: Type.String(),
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details (application/problem+json)' },
);

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `fields` says which and why',
  404: 'Unknown id',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Not JSON',
  426: 'Needs a WebSocket upgrade',
};

/** Response schemas for the problems a route can answer with. */
export function problems(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, Type.Object(ProblemSchema.properties, { additionalProperties: true, description: PROBLEM_DESCRIPTIONS[s] ?? 'Problem' })]));
}

export function iso(ms: number): string;
export function iso(ms: number | null): string | null;
export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
