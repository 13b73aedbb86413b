import { Type, type Static } from 'typebox';
import type { BookingAnalysis } from '../../usecases/bookings.js';
import { IdSchema, InstantSchema, ProblemSchema, iso } from '../../http/schemas.js';

/** The shape of a dry run (200) and of the extension members of a 409 booking.conflict. */

const Times = Type.Object({ localStart: Type.String(), localEnd: Type.String(), startUtc: InstantSchema, endUtc: InstantSchema });

const ConflictSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('overlap'), Type.Literal('closure'), Type.Literal('outside_hours'), Type.Literal('capacity')]),
    occurrence: Times,
    with: Type.Optional(
      Type.Object({
        bookingId: IdSchema,
        occurrenceId: IdSchema,
        title: Type.String(),
        schoolId: IdSchema,
        schoolName: Type.String(),
        schoolCode: Type.String(),
        spaceId: IdSchema,
        spaceName: Type.String(),
        localStart: Type.String(),
        localEnd: Type.String(),
      }),
    ),
    closure: Type.Optional(Type.Object({ id: IdSchema, reason: Type.String(), note: Type.String(), localStart: Type.String(), localEnd: Type.String() })),
    openHours: Type.Optional(Type.Array(Type.Object({ open: Type.String(), close: Type.String() }))),
    attendees: Type.Optional(Type.Integer()),
    capacity: Type.Optional(Type.Integer()),
  },
  { description: 'overlap: another booking holds the space (or its whole/half); closure; outside_hours; capacity' },
);

const AlternativesSchema = Type.Union([
  Type.Object({
    skipDates: Type.Array(Type.String(), { description: 'Dates blocked by a closure: add them as exdates' }),
    times: Type.Array(Type.Object({ shiftMinutes: Type.Integer(), localStart: Type.String(), localEnd: Type.String() }), {
      description: 'Nearest wall-clock shifts that are free on every (non-skipped) date in the same space',
    }),
    spaces: Type.Array(Type.Object({ spaceId: IdSchema, name: Type.String(), kind: Type.String(), capacity: Type.Integer() }), {
      description: 'Other spaces of the same kind, big enough and free at the requested times',
    }),
  }),
  Type.Null(),
]);

export const AnalysisSchema = Type.Object({
  ok: Type.Boolean({ description: 'true when nothing conflicts' }),
  occurrences: Type.Array(Times),
  conflicts: Type.Array(ConflictSchema),
  alternatives: AlternativesSchema,
});

export const ConflictProblemSchema = Type.Object(
  { ...ProblemSchema.properties, conflicts: Type.Array(ConflictSchema), alternatives: AlternativesSchema },
  { additionalProperties: true, description: 'booking.conflict: nothing was written; conflicts and alternatives as in a dry run' },
);

function times(o: { localStart: string; localEnd: string; startUtc: number; endUtc: number }) {
  return { localStart: o.localStart, localEnd: o.localEnd, startUtc: iso(o.startUtc), endUtc: iso(o.endUtc) };
}

export function presentAnalysis(analysis: BookingAnalysis): Static<typeof AnalysisSchema> {
  return {
    ok: analysis.conflicts.length === 0,
    occurrences: analysis.occurrences.map(times),
    conflicts: presentConflicts(analysis.conflicts),
    alternatives: analysis.alternatives,
  };
}

export function presentConflicts(conflicts: BookingAnalysis['conflicts']): Static<typeof ConflictSchema>[] {
  return conflicts.map((c) => {
    const occurrence = times(c.occurrence);
    switch (c.kind) {
      case 'overlap': {
        const { startUtc: _s, endUtc: _e, ...holder } = c.with;
        return { kind: c.kind, occurrence, with: holder };
      }
      case 'closure':
        return { kind: c.kind, occurrence, closure: c.closure };
      case 'outside_hours':
        return { kind: c.kind, occurrence, openHours: c.openHours };
      case 'capacity':
        return { kind: c.kind, occurrence, attendees: c.attendees, capacity: c.capacity };
    }
  });
}
