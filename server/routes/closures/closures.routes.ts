import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { CampusParams, IdSchema, LocalDateSchema, problems } from '../../http/schemas.js';
import { createClosure, getClosure, listClosures, occurrencesBlockedBy, setClosureArchived, updateClosure } from '../../usecases/closures.js';
import { ClosureInputSchema, ClosureParams, ClosurePatchSchema, ClosureSchema, presentClosure } from './closures.schemas.js';

const tags = ['campus'];

const ListQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ ...LocalDateSchema, description: 'Only closures that reach into [from, to)' })),
    to: Type.Optional(LocalDateSchema),
    includeArchived: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

const Blocked = Type.Object({
  occurrenceId: IdSchema,
  bookingId: IdSchema,
  title: Type.String(),
  schoolId: IdSchema,
  schoolName: Type.String(),
  spaceId: IdSchema,
  spaceName: Type.String(),
  localStart: Type.String(),
  localEnd: Type.String(),
});

const ClosureWithImpact = Type.Object({
  ...ClosureSchema.properties,
  blockedOccurrences: Type.Array(Blocked, { description: 'Existing active occurrences this closure stands in the way of; they are not cancelled automatically' }),
});

export const closureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const withImpact = (request: Parameters<typeof useCaseContext>[0], row: Parameters<typeof presentClosure>[0]) => ({
    ...presentClosure(row),
    blockedOccurrences: row.archivedAt === null ? occurrencesBlockedBy(useCaseContext(request), row) : [],
  });

  app.get(
    '/campuses/:campusId/closures',
    { config: { access: 'campus.read' }, schema: { tags, summary: 'List closures (holidays, testing days, maintenance)', params: CampusParams, querystring: ListQuery, response: { 200: Type.Array(ClosureSchema), ...problems(400, 404) } } },
    async (request) => {
      const { from, to, includeArchived = false } = request.query;
      return listClosures(useCaseContext(request), request.params.campusId, { includeArchived, from, to }).map(presentClosure);
    },
  );

  app.post(
    '/campuses/:campusId/closures',
    {
      config: { access: 'facilities.manage' },
      schema: {
        tags,
        summary: 'Close the campus or some spaces',
        description: 'Two dates close whole days (end inclusive); two wall-clock times close a span (end exclusive). Closing a space closes its whole and its parts.',
        params: CampusParams,
        body: ClosureInputSchema,
        response: { 201: ClosureWithImpact, ...problems(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { note = '', spaceIds = null, ...rest } = request.body;
      const row = createClosure(useCaseContext(request), request.params.campusId, { ...rest, note, spaceIds });
      return reply.code(201).send(withImpact(request, row));
    },
  );

  app.get(
    '/campuses/:campusId/closures/:closureId',
    { config: { access: 'campus.read' }, schema: { tags, summary: 'Read a closure and what it blocks', params: ClosureParams, response: { 200: ClosureWithImpact, ...problems(400, 404) } } },
    async (request) => withImpact(request, getClosure(useCaseContext(request), request.params.campusId, request.params.closureId)),
  );

  app.patch(
    '/campuses/:campusId/closures/:closureId',
    { config: { access: 'facilities.manage' }, schema: { tags, summary: 'Update a closure', params: ClosureParams, body: ClosurePatchSchema, response: { 200: ClosureWithImpact, ...problems(400, 404, 409, 413, 415) } } },
    async (request) => {
      const row = updateClosure(useCaseContext(request), request.params.campusId, request.params.closureId, request.body);
      return withImpact(request, row);
    },
  );

  for (const [action, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(
      `/campuses/:campusId/closures/:closureId/${action}`,
      { config: { access: 'facilities.manage' }, schema: { tags, summary: archived ? 'Lift a closure (kept on record)' : 'Restore a lifted closure', params: ClosureParams, response: { 200: ClosureWithImpact, ...problems(400, 404) } } },
      async (request) => withImpact(request, setClosureArchived(useCaseContext(request), request.params.campusId, request.params.closureId, archived)),
    );
  }
};
