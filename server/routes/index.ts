import type { FastifyPluginAsync } from 'fastify';
import { bookingRoutes } from './bookings/bookings.routes.js';
import { campusRoutes } from './campuses/campuses.routes.js';
import { closureRoutes } from './closures/closures.routes.js';
import { schoolRoutes } from './schools/schools.routes.js';
import { spaceRoutes } from './spaces/spaces.routes.js';
import { systemRoutes } from './system/system.routes.js';

/** Every JSON route, under /api. Each area is its own encapsulated plugin. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(systemRoutes);
  await app.register(campusRoutes);
  await app.register(schoolRoutes);
  await app.register(spaceRoutes);
  await app.register(closureRoutes);
  await app.register(bookingRoutes);
};
