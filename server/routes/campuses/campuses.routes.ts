import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { CampusParams, IncludeArchivedQuery, problems } from '../../http/schemas.js';
import { createCampus, getCampus, listCampuses, setCampusArchived, updateCampus } from '../../usecases/campuses.js';
import { CampusInputSchema, CampusPatchSchema, CampusSchema, presentCampus } from './campuses.schemas.js';

const tags = ['campus'];

export const campusRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/campuses',
    { config: { access: 'signedIn' }, schema: { tags, summary: 'List the campuses where I have a role', querystring: IncludeArchivedQuery, response: { 200: Type.Array(CampusSchema), ...problems(400) } } },
    async (request) => listCampuses(useCaseContext(request), request.query.includeArchived ?? false).map(presentCampus),
  );

  app.post(
    '/campuses',
    { config: { access: 'campus.create' }, schema: { tags, summary: 'Create a campus (campus admins only; the creator becomes its admin)', body: CampusInputSchema, response: { 201: CampusSchema, ...problems(400, 413, 415) } } },
    async (request, reply) => reply.code(201).send(presentCampus(createCampus(useCaseContext(request), request.body))),
  );

  app.get(
    '/campuses/:campusId',
    { config: { access: 'campus.read' }, schema: { tags, summary: 'Read a campus', params: CampusParams, response: { 200: CampusSchema, ...problems(400, 404) } } },
    async (request) => presentCampus(getCampus(useCaseContext(request), request.params.campusId)),
  );

  app.patch(
    '/campuses/:campusId',
    {
      config: { access: 'campus.settings' },
      schema: {
        tags,
        summary: 'Update a campus',
        description: 'The time zone can change only while the campus has no bookings.',
        params: CampusParams,
        body: CampusPatchSchema,
        response: { 200: CampusSchema, ...problems(400, 404, 409, 413, 415) },
      },
    },
    async (request) => presentCampus(updateCampus(useCaseContext(request), request.params.campusId, request.body)),
  );

  for (const [action, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(
      `/campuses/:campusId/${action}`,
      {
        config: { access: 'campus.settings' },
        schema: {
          tags,
          summary: archived ? 'Archive a campus (kept with its history, read-only)' : 'Restore an archived campus',
          params: CampusParams,
          response: { 200: CampusSchema, ...problems(400, 404) },
        },
      },
      async (request) => presentCampus(setCampusArchived(useCaseContext(request), request.params.campusId, archived)),
    );
  }
};
