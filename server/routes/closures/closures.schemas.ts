import { Type, type Static } from 'typebox';
import type { ClosureRow } from '../../db/repositories/closures.repository.js';
import { IdSchema, InstantSchema, iso } from '../../http/schemas.js';
import { closureAsEntered } from '../../usecases/closures.js';

const DateOrDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$',
  description: 'A date YYYY-MM-DD (whole days; end inclusive) or a campus wall-clock time YYYY-MM-DDTHH:mm (end exclusive)',
});
const Reason = Type.Union([Type.Literal('holiday'), Type.Literal('testing'), Type.Literal('maintenance'), Type.Literal('event'), Type.Literal('other')], {
  description: 'holiday, testing (testing day), maintenance, event (building-wide), other',
});

export const ClosureInputSchema = Type.Object(
  {
    reason: Reason,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    spaceIds: Type.Optional(Type.Union([Type.Array(IdSchema, { minItems: 1, maxItems: 100 }), Type.Null()], { description: 'The spaces closed; null or absent = the whole campus' })),
    start: DateOrDateTime,
    end: DateOrDateTime,
  },
  { additionalProperties: false },
);

export const ClosurePatchSchema = Type.Partial(ClosureInputSchema, { additionalProperties: false, minProperties: 1 });

export const ClosureSchema = Type.Object({
  id: IdSchema,
  campusId: IdSchema,
  reason: Type.String(),
  note: Type.String(),
  spaceIds: Type.Union([Type.Array(IdSchema), Type.Null()]),
  allDay: Type.Boolean(),
  start: Type.String({ description: 'As entered: a date for whole days, else a wall-clock time' }),
  end: Type.String({ description: 'As entered: the last date (inclusive) for whole days, else a wall-clock time' }),
  localStart: Type.String(),
  localEnd: Type.String({ description: 'Exclusive wall-clock end' }),
  startUtc: InstantSchema,
  endUtc: InstantSchema,
  archived: Type.Boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});

export const ClosureParams = Type.Object({ campusId: IdSchema, closureId: IdSchema }, { additionalProperties: false });

export function presentClosure(row: ClosureRow): Static<typeof ClosureSchema> {
  return {
    id: row.id,
    campusId: row.campusId,
    reason: row.reason,
    note: row.note,
    spaceIds: row.spaceIds ?? null,
    allDay: row.allDay,
    ...closureAsEntered(row),
    localStart: row.localStart,
    localEnd: row.localEnd,
    startUtc: iso(row.startUtc),
    endUtc: iso(row.endUtc),
    archived: row.archivedAt !== null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
