import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { meRoutes } from './auth/me.routes.js';
import { liveRoutes } from './live/live.routes.js';
import { memberRoutes } from './members/members.routes.js';
import { bookingRoutes } from './bookings/bookings.routes.js';
import { campusRoutes } from './campuses/campuses.routes.js';
import { closureRoutes } from './closures/closures.routes.js';
import { councilRoutes } from './council/council.routes.js';
import { councilExportRoutes } from './council/export.routes.js';
import { councilMinutesRoutes } from './council/minutes.routes.js';
import { schoolRoutes } from './schools/schools.routes.js';
import { spaceRoutes } from './spaces/spaces.routes.js';
import { systemRoutes } from './system/system.routes.js';

/** Every JSON route, under /api. Each area is its own encapsulated plugin. */
export const apiRoutes: FastifyPluginAsync<{ loginLimitPerMinute: number }> = async (app, { loginLimitPerMinute }) => {
  await app.register(systemRoutes);
  await app.register(authRoutes, { loginLimitPerMinute });
  await app.register(meRoutes);
  await app.register(memberRoutes);
  await app.register(auditRoutes);
  await app.register(liveRoutes);
  await app.register(campusRoutes);
  await app.register(schoolRoutes);
  await app.register(spaceRoutes);
  await app.register(closureRoutes);
  await app.register(bookingRoutes);
  await app.register(councilRoutes);
  await app.register(councilExportRoutes);
  await app.register(councilMinutesRoutes);
};
