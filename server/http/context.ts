import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Repositories } from '../db/repositories/index.js';
import type { Actor } from '../domain/actor.js';
import type { Clock } from '../domain/clock.js';
import type { UseCaseContext } from '../usecases/context.js';

declare module 'fastify' {
  interface FastifyInstance {
    commons: { repos: Repositories; clock: Clock };
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Attaches the repositories and clock to the app and an actor (set by the auth plugin) to every request. */
export const contextPlugin = fp<{ repos: Repositories; clock: Clock }>(
  async (app, { repos, clock }) => {
    app.decorate('commons', { repos, clock });
    // Replaced on every request by the auth plugin's onRequest hook.
    app.decorateRequest('actor', null as unknown as Actor);
  },
  { name: 'commons-context' },
);

export function useCaseContext(request: FastifyRequest): UseCaseContext {
  return { ...request.server.commons, actor: request.actor };
}
