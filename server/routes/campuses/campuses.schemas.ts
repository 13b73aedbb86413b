import { Type, type Static } from 'typebox';
import type { CampusRow } from '../../db/repositories/campuses.repository.js';
import { IdSchema, InstantSchema, LocalDateSchema, NameSchema, iso } from '../../http/schemas.js';

export const CampusInputSchema = Type.Object(
  {
    name: NameSchema,
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. America/Los_Angeles', examples: ['America/Los_Angeles'] }),
    yearStart: LocalDateSchema,
    yearEnd: Type.String({ ...LocalDateSchema, description: 'Last day of the school year; no series runs past it' }),
  },
  { additionalProperties: false },
);
export type CampusBody = Static<typeof CampusInputSchema>;

export const CampusPatchSchema = Type.Partial(CampusInputSchema, { additionalProperties: false, minProperties: 1 });

export const CampusSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  timeZone: Type.String(),
  yearStart: Type.String(),
  yearEnd: Type.String(),
  archived: Type.Boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});

export function presentCampus(row: CampusRow): Static<typeof CampusSchema> {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    yearStart: row.yearStart,
    yearEnd: row.yearEnd,
    archived: row.archivedAt !== null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
