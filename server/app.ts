import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import { createRepositories } from './db/repositories/index.js';
import { systemClock, type Clock } from './domain/clock.js';
import { contextPlugin } from './http/context.js';
import { registerProblemHandlers } from './http/problem.js';
import { validatorCompiler } from './http/validation.js';
import { apiRoutes } from './routes/index.js';
import { webRoutes } from './routes/web.js';

export interface AppOptions {
  config: Pick<Config, 'logLevel' | 'environment'>;
  db: Db;
  clock?: Clock;
}

/** Limits that keep one client from holding the server: bodies, slow requests, idle sockets. */
const BODY_LIMIT_BYTES = 256 * 1024;
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 10_000;

/** Builds the whole application without listening: tests inject() into it, main.ts listens. */
export async function buildApp({ config, db, clock = systemClock }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only; a text/plain body is refused (415) rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  registerProblemHandlers(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Commons API',
        version: '0.1.0',
        description: 'Book the shared spaces of a campus whose schools share one building. Times are campus wall-clock (YYYY-MM-DDTHH:mm) unless named *Utc.',
      },
      tags: [
        { name: 'campus', description: 'Campuses, schools, spaces and closures' },
        { name: 'bookings', description: 'Bookings, recurrence, conflicts' },
        { name: 'system', description: 'Health and documentation' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(contextPlugin, { repos: createRepositories(db), clock });
  await app.register(apiRoutes, { prefix: '/api' });
  await app.register(webRoutes);
  return app;
}
