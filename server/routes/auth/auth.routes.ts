import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../domain/errors.js';
import { LoginThrottle } from '../../domain/login-throttle.js';
import { useCaseContext } from '../../http/context.js';
import { problems } from '../../http/schemas.js';
import { logIn } from '../../usecases/login.js';
import { endSession } from '../../usecases/sessions.js';
import { MeSchema, presentMe } from './me.schemas.js';

const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

export const authRoutes: FastifyPluginAsyncTypebox<{ loginLimitPerMinute: number }> = async (app, { loginLimitPerMinute }) => {
  const perAccount = new LoginThrottle(loginLimitPerMinute, 60_000);

  app.post(
    '/auth/login',
    {
      config: { access: 'public', csrfExempt: true, rateLimit: { max: loginLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; starts a session (HttpOnly cookie)',
        description: `Limited to ${loginLimitPerMinute} attempts a minute per address and per account (429 with Retry-After).`,
        body: LoginBody,
        response: { 200: MeSchema, ...problems(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const ctx = useCaseContext(request);
      const waitMs = perAccount.attempt(request.body.email.trim().toLowerCase(), ctx.clock());
      if (waitMs > 0) {
        reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
        throw new DomainError('rate_limited', 'Too many sign-in attempts for this account; wait a minute and try again.');
      }
      const client = { userAgent: request.headers['user-agent'] ?? '', ip: request.ip, replacingSessionId: request.session?.id ?? null };
      const { token, session, user } = await logIn(ctx, request.body, app.sessionPolicy, client);
      app.sessionCookie.set(reply, token, app.sessionPolicy.absoluteMs);
      return presentMe(ctx.repos, user, session);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signedIn' },
      schema: { tags: ['auth'], summary: 'Sign out: ends this session on the server', response: { 204: Type.Null(), ...problems(401, 403) } },
    },
    async (request, reply) => {
      endSession(useCaseContext(request), request.session!.id);
      app.sessionCookie.clear(reply);
      return reply.code(204).send(null);
    },
  );
};
