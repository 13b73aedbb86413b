import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { CampusParams, IncludeArchivedQuery, problems } from '../../http/schemas.js';
import { createSpace, getSpace, listSpaces, setSpaceArchived, updateSpace } from '../../usecases/spaces.js';
import { SpaceInputSchema, SpaceParams, SpacePatchSchema, SpaceSchema, presentSpace } from './spaces.schemas.js';

const tags = ['campus'];

export const spaceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/campuses/:campusId/spaces',
    { config: { access: 'campus.read' }, schema: { tags, summary: 'List the shared spaces of a campus', params: CampusParams, querystring: IncludeArchivedQuery, response: { 200: Type.Array(SpaceSchema), ...problems(400, 404) } } },
    async (request) => listSpaces(useCaseContext(request), request.params.campusId, request.query.includeArchived ?? false).map(presentSpace),
  );

  app.post(
    '/campuses/:campusId/spaces',
    { config: { access: 'facilities.manage' }, schema: { tags, summary: 'Add a space', params: CampusParams, body: SpaceInputSchema, response: { 201: SpaceSchema, ...problems(400, 404, 409, 413, 415) } } },
    async (request, reply) => {
      const { parentId = null, setupMinutes = 0, teardownMinutes = 0, openHours = null, ...rest } = request.body;
      const space = createSpace(useCaseContext(request), request.params.campusId, { ...rest, parentId, setupMinutes, teardownMinutes, openHours });
      return reply.code(201).send(presentSpace(space));
    },
  );

  app.get(
    '/campuses/:campusId/spaces/:spaceId',
    { config: { access: 'campus.read' }, schema: { tags, summary: 'Read a space', params: SpaceParams, response: { 200: SpaceSchema, ...problems(400, 404) } } },
    async (request) => presentSpace(getSpace(useCaseContext(request), request.params.campusId, request.params.spaceId)),
  );

  app.patch(
    '/campuses/:campusId/spaces/:spaceId',
    {
      config: { access: 'facilities.manage' },
      schema: {
        tags,
        summary: 'Update a space',
        description: 'Existing bookings are kept as they are; new hours, capacity and buffers apply to new bookings and edits.',
        params: SpaceParams,
        body: SpacePatchSchema,
        response: { 200: SpaceSchema, ...problems(400, 404, 409, 413, 415) },
      },
    },
    async (request) => presentSpace(updateSpace(useCaseContext(request), request.params.campusId, request.params.spaceId, request.body)),
  );

  for (const [action, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(
      `/campuses/:campusId/spaces/:spaceId/${action}`,
      { config: { access: 'facilities.manage' }, schema: { tags, summary: archived ? 'Archive a space (its bookings stay; no new ones)' : 'Restore an archived space', params: SpaceParams, response: { 200: SpaceSchema, ...problems(400, 404, 409) } } },
      async (request) => presentSpace(setSpaceArchived(useCaseContext(request), request.params.campusId, request.params.spaceId, archived)),
    );
  }
};
