import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { CampusParams, IdSchema, InstantSchema, iso, problems } from '../../http/schemas.js';
import { addMember, listMembers, publicUser, removeMembership } from '../../usecases/accounts.js';

const tags = ['accounts'];
const access = { access: 'members.manage' as const };
const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('principal'), Type.Literal('lead'), Type.Literal('council'), Type.Literal('viewer')], {
  description: 'admin | principal (acts for the building office) | lead (SLC lead teacher or small-school principal) | council | viewer',
});

const MemberSchema = Type.Object({
  id: IdSchema,
  campusId: IdSchema,
  role: Type.String(),
  schoolId: Type.Union([IdSchema, Type.Null()]),
  createdAt: InstantSchema,
  user: Type.Object({ id: IdSchema, email: Type.String(), name: Type.String(), disabled: Type.Boolean() }),
});

const AddMemberBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Required when the account does not exist yet' })),
    password: Type.Optional(Type.String({ maxLength: 128, description: 'For a new account; omitted: one is generated and returned once' })),
    role: RoleSchema,
    schoolId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  },
  { additionalProperties: false },
);

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/campuses/:campusId/members',
    { config: access, schema: { tags, summary: 'People with a role on the campus', params: CampusParams, response: { 200: Type.Array(MemberSchema), ...problems(400, 401, 403, 404) } } },
    async (request) => listMembers(useCaseContext(request), request.params.campusId).map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
  );

  app.post(
    '/campuses/:campusId/members',
    {
      config: access,
      schema: {
        tags,
        summary: 'Give a person a role on the campus (creating their account if needed)',
        params: CampusParams,
        body: AddMemberBody,
        response: {
          201: Type.Object({ ...MemberSchema.properties, initialPassword: Type.Union([Type.String(), Type.Null()], { description: 'Shown once, for a new account without a chosen password' }) }),
          ...problems(400, 401, 403, 404, 409, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const { schoolId = null, ...rest } = request.body;
      const { membership, user, initialPassword } = await addMember(useCaseContext(request), request.params.campusId, { ...rest, schoolId });
      return reply.code(201).send({ ...membership, createdAt: iso(membership.createdAt), user: publicUser(user), initialPassword });
    },
  );

  app.delete(
    '/campuses/:campusId/members/:membershipId',
    {
      config: access,
      schema: {
        tags,
        summary: 'Take a role away (the account stays)',
        params: Type.Object({ campusId: IdSchema, membershipId: IdSchema }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      removeMembership(useCaseContext(request), request.params.campusId, request.params.membershipId);
      return reply.code(204).send(null);
    },
  );
};
