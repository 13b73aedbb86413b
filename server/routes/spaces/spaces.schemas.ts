import { Type, type Static } from 'typebox';
import type { SpaceRow } from '../../db/repositories/spaces.repository.js';
import { MAX_BUFFER_MINUTES } from '../../domain/limits.js';
import { IdSchema, InstantSchema, NameSchema, iso } from '../../http/schemas.js';
import { toSpaceRule } from '../../usecases/spaces.js';

const Window = Type.Object(
  { open: Type.String({ pattern: '^\\d{2}:\\d{2}$', examples: ['07:00'] }), close: Type.String({ pattern: '^\\d{2}:\\d{2}$', examples: ['22:00'] }) },
  { additionalProperties: false },
);
const Day = Type.Array(Window, { maxItems: 8 });

export const OpenHoursSchema = Type.Union(
  [
    Type.Object(
      { mon: Type.Optional(Day), tue: Type.Optional(Day), wed: Type.Optional(Day), thu: Type.Optional(Day), fri: Type.Optional(Day), sat: Type.Optional(Day), sun: Type.Optional(Day) },
      { additionalProperties: false },
    ),
    Type.Null(),
  ],
  { description: 'Open windows per weekday (HH:mm, close may be 24:00); a missing weekday is closed; null = always open' },
);

const Buffer = Type.Integer({ minimum: 0, maximum: MAX_BUFFER_MINUTES });

export const SpaceInputSchema = Type.Object(
  {
    name: NameSchema,
    kind: Type.String({ minLength: 1, maxLength: 40, description: 'library, auditorium, gym, field, cafeteria, art room, parent center, lab, meeting room…' }),
    capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    parentId: Type.Optional(Type.Union([IdSchema, Type.Null()], { description: 'The whole space this one is part of (a gym half → the gym)' })),
    setupMinutes: Type.Optional(Buffer),
    teardownMinutes: Type.Optional(Buffer),
    openHours: Type.Optional(OpenHoursSchema),
  },
  { additionalProperties: false },
);

export const SpacePatchSchema = Type.Partial(SpaceInputSchema, { additionalProperties: false, minProperties: 1 });

export const SpaceSchema = Type.Object({
  id: IdSchema,
  campusId: IdSchema,
  name: Type.String(),
  kind: Type.String(),
  capacity: Type.Integer(),
  parentId: Type.Union([IdSchema, Type.Null()]),
  setupMinutes: Type.Integer(),
  teardownMinutes: Type.Integer(),
  openHours: OpenHoursSchema,
  archived: Type.Boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});

export const SpaceParams = Type.Object({ campusId: IdSchema, spaceId: IdSchema }, { additionalProperties: false });

export function presentSpace(row: SpaceRow): Static<typeof SpaceSchema> {
  return { ...toSpaceRule(row), campusId: row.campusId, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}
