import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import { createRepositories } from './db/repositories/index.js';
import type { Clock } from './domain/clock.js';
import { systemClock } from './system-clock.js';
import { authPlugin } from './http/auth.js';
import { contextPlugin } from './http/context.js';
import { handleError, registerProblemHandlers } from './http/problem.js';
import { validatorCompiler } from './http/validation.js';
import { livePlugin } from './realtime/live.plugin.js';
import { apiRoutes } from './routes/index.js';
import { webRoutes } from './routes/web.js';

export interface AppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
}

/** Limits that keep one client from holding the server: bodies, slow requests, idle sockets. */
const BODY_LIMIT_BYTES = 256 * 1024;
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 10_000;

/** A route under /api that forgot to say who may call it would be open to all: refuse to start. */
function requireDeclaredAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const isDocsUi = url === '/api/docs' || url.startsWith('/api/docs/');
    if (url.startsWith('/api/') && !isDocsUi && route.config?.access === undefined) {
      throw new Error(`route ${route.method} ${url} declares no access rule (config.access)`);
    }
  });
}

/** Builds the whole application without listening: tests inject() into it, main.ts listens. */
export async function buildApp({ config, db, clock = systemClock }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router raises before any route runs (a bad %-escape, an over-long param) are problems too.
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only; a text/plain body is refused (415) rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  registerProblemHandlers(app);
  requireDeclaredAccess(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Commons may be served over plain HTTP inside a school network: never rewrite to https.
        upgradeInsecureRequests: null,
      },
    },
  });
  // gzip/brotli for the SPA's files and the larger JSON answers (a week of occurrences).
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(rateLimit, { global: true, max: config.rateLimitPerMinute, timeWindow: 60_000 });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Commons API',
        version: '0.1.0',
        description:
          'Book the shared spaces of a campus whose schools share one building. Times are campus wall-clock (YYYY-MM-DDTHH:mm) unless named *Utc. Sign in with POST /api/auth/login; send the x-csrf-token from GET /api/me with every write.',
      },
      tags: [
        { name: 'auth', description: 'Sign-in, sessions, me' },
        { name: 'campus', description: 'Campuses, schools, spaces and closures' },
        { name: 'bookings', description: 'Bookings, recurrence, conflicts' },
        { name: 'accounts', description: 'Members, roles and the audit trail' },
        { name: 'council', description: 'The Building Council: meetings, agendas, minutes' },
        { name: 'live', description: 'Changes as they happen (WebSocket)' },
        { name: 'system', description: 'Health and documentation' },
      ],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: config.cookieSecure ? '__Host-commons_session' : 'commons_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  await app.register(contextPlugin, { repos: createRepositories(db), clock });
  // Before auth: its onRequest hook needs request.ws (set by @fastify/websocket) to check an upgrade's Origin.
  await app.register(livePlugin, {
    heartbeatMs: config.liveHeartbeatSeconds * 1000,
    sessionIdleMs: config.sessionIdleMinutes * 60_000,
    pollMs: config.livePollMs,
    retentionMs: config.liveRetentionHours * 3_600_000,
  });
  await app.register(authPlugin, {
    secure: config.cookieSecure,
    policy: { idleMs: config.sessionIdleMinutes * 60_000, absoluteMs: config.sessionMaxHours * 3_600_000 },
  });
  await app.register(apiRoutes, { prefix: '/api', loginLimitPerMinute: config.loginLimitPerMinute });
  await app.register(webRoutes);
  return app;
}
