import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { CampusParams, IncludeArchivedQuery, problems } from '../../http/schemas.js';
import { createSchool, getSchool, listSchools, setSchoolArchived, updateSchool } from '../../usecases/schools.js';
import { SchoolInputSchema, SchoolParams, SchoolPatchSchema, SchoolSchema, presentSchool } from './schools.schemas.js';

const tags = ['campus'];

export const schoolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/campuses/:campusId/schools',
    { config: { access: 'campus.read' }, schema: { tags, summary: 'List the schools of a campus', params: CampusParams, querystring: IncludeArchivedQuery, response: { 200: Type.Array(SchoolSchema), ...problems(400, 404) } } },
    async (request) => listSchools(useCaseContext(request), request.params.campusId, request.query.includeArchived ?? false).map(presentSchool),
  );

  app.post(
    '/campuses/:campusId/schools',
    { config: { access: 'schools.manage' }, schema: { tags, summary: 'Add a school', params: CampusParams, body: SchoolInputSchema, response: { 201: SchoolSchema, ...problems(400, 404, 409, 413, 415) } } },
    async (request, reply) => reply.code(201).send(presentSchool(createSchool(useCaseContext(request), request.params.campusId, request.body))),
  );

  app.get(
    '/campuses/:campusId/schools/:schoolId',
    { config: { access: 'campus.read' }, schema: { tags, summary: 'Read a school', params: SchoolParams, response: { 200: SchoolSchema, ...problems(400, 404) } } },
    async (request) => presentSchool(getSchool(useCaseContext(request), request.params.campusId, request.params.schoolId)),
  );

  app.patch(
    '/campuses/:campusId/schools/:schoolId',
    { config: { access: 'schools.manage' }, schema: { tags, summary: 'Update a school', params: SchoolParams, body: SchoolPatchSchema, response: { 200: SchoolSchema, ...problems(400, 404, 409, 413, 415) } } },
    async (request) => presentSchool(updateSchool(useCaseContext(request), request.params.campusId, request.params.schoolId, request.body)),
  );

  for (const [action, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(
      `/campuses/:campusId/schools/:schoolId/${action}`,
      { config: { access: 'schools.manage' }, schema: { tags, summary: archived ? 'Archive a school (its bookings stay; no new ones)' : 'Restore an archived school', params: SchoolParams, response: { 200: SchoolSchema, ...problems(400, 404) } } },
      async (request) => presentSchool(setSchoolArchived(useCaseContext(request), request.params.campusId, request.params.schoolId, archived)),
    );
  }
};
