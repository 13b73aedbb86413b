import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { CampusParams, IdSchema, iso, problems } from '../../http/schemas.js';
import { listOccurrences } from '../../usecases/occurrences.js';

const Bound = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T.+)?$',
  description: 'A campus-local date YYYY-MM-DD (its midnight) or an RFC 3339 instant',
});

const OccurrencesQuery = Type.Object(
  {
    from: Bound,
    to: Bound,
    spaceId: Type.Optional(IdSchema),
    schoolId: Type.Optional(IdSchema),
    includeCancelled: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

const ListedOccurrence = Type.Object({
  occurrenceId: IdSchema,
  bookingId: IdSchema,
  title: Type.String(),
  spaceId: IdSchema,
  spaceName: Type.String(),
  schoolId: IdSchema,
  schoolName: Type.String(),
  schoolCode: Type.String(),
  attendees: Type.Integer(),
  originalLocalStart: Type.String(),
  localStart: Type.String(),
  localEnd: Type.String(),
  startUtc: Type.String(),
  endUtc: Type.String(),
  status: Type.String(),
  isException: Type.Boolean(),
  recurring: Type.Boolean(),
});

export const occurrenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/campuses/:campusId/occurrences',
    {
      config: { access: 'campus.read' },
      schema: {
        tags: ['bookings'],
        summary: 'Occurrences overlapping [from, to), for the calendar',
        description: 'A date as `to` means its midnight (exclusive): from=2026-11-02&to=2026-11-09 is one week. At most 400 days at once.',
        params: CampusParams,
        querystring: OccurrencesQuery,
        response: { 200: Type.Array(ListedOccurrence), ...problems(400, 404) },
      },
    },
    async (request) => {
      const { from, to, spaceId, schoolId, includeCancelled = false } = request.query;
      const rows = listOccurrences(useCaseContext(request), request.params.campusId, { from, to, spaceId, schoolId, includeCancelled });
      return rows.map((o) => ({ ...o, startUtc: iso(o.startUtc), endUtc: iso(o.endUtc) }));
    },
  );
};
