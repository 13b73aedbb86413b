import { Type, type Static } from 'typebox';
import type { SchoolRow } from '../../db/repositories/schools.repository.js';
import { IdSchema, InstantSchema, NameSchema, iso } from '../../http/schemas.js';

export const SchoolInputSchema = Type.Object(
  {
    name: NameSchema,
    locationCode: Type.String({ minLength: 1, maxLength: 32, description: 'Local location code, unique within the campus' }),
    kind: Type.Union([Type.Literal('slc'), Type.Literal('autonomous'), Type.Literal('building')], {
      description: 'slc: small learning community; autonomous: autonomous small school; building: the building office',
    }),
    enrollment: Type.Integer({ minimum: 0, maximum: 100_000 }),
  },
  { additionalProperties: false },
);

export const SchoolPatchSchema = Type.Partial(SchoolInputSchema, { additionalProperties: false, minProperties: 1 });

export const SchoolSchema = Type.Object({
  id: IdSchema,
  campusId: IdSchema,
  name: Type.String(),
  locationCode: Type.String(),
  kind: Type.String(),
  enrollment: Type.Integer(),
  archived: Type.Boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});

export const SchoolParams = Type.Object({ campusId: IdSchema, schoolId: IdSchema }, { additionalProperties: false });

export function presentSchool(row: SchoolRow): Static<typeof SchoolSchema> {
  return {
    id: row.id,
    campusId: row.campusId,
    name: row.name,
    locationCode: row.locationCode,
    kind: row.kind,
    enrollment: row.enrollment,
    archived: row.archivedAt !== null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
