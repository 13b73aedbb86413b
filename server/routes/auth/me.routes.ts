import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { IdSchema, problems } from '../../http/schemas.js';
import { changeOwnPassword } from '../../usecases/accounts.js';
import { listOwnSessions, revokeOwnSession } from '../../usecases/sessions.js';
import { MeSchema, SessionSchema, presentMe, presentSession } from './me.schemas.js';

const tags = ['auth'];
const signedIn = { access: 'signedIn' as const };

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    { config: signedIn, schema: { tags, summary: 'Who is signed in: roles and schools per campus, CSRF token', response: { 200: MeSchema, ...problems(401) } } },
    async (request) => {
      const ctx = useCaseContext(request);
      return presentMe(ctx.repos, ctx.repos.users.get(request.actor.userId!)!, request.session!);
    },
  );

  app.get(
    '/me/sessions',
    { config: signedIn, schema: { tags, summary: 'My active sessions (this one marked current)', response: { 200: Type.Array(SessionSchema), ...problems(401) } } },
    async (request) => listOwnSessions(useCaseContext(request), app.sessionPolicy).map((s) => presentSession(s, request.session!.id)),
  );

  app.delete(
    '/me/sessions/:sessionId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Revoke one of my sessions (sign out another device)',
        params: Type.Object({ sessionId: IdSchema }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      revokeOwnSession(useCaseContext(request), request.params.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/me/password',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Change my password; my other sessions end',
        body: Type.Object({ currentPassword: Type.String({ maxLength: 1024 }), newPassword: Type.String({ maxLength: 1024 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(useCaseContext(request), request.body.currentPassword, request.body.newPassword, request.session!.id);
      return reply.code(204).send(null);
    },
  );
};
