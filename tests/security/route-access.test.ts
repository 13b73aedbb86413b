// setup.ts must come first: it hooks route capture into Fastify before server/app.ts loads.
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorld } from './setup.js';

/**
 * Who may call each route, written down by hand. The permission matrix derives its verdicts
 * from the routes' own declarations, so a route that declared too weak a permission would
 * pass it; this table makes every declaration, and every change to one, a reviewed decision.
 */
const ACCESS: Record<string, string> = {
  'GET /': 'public',
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signedIn',
  'GET /api/me': 'signedIn',
  'GET /api/me/sessions': 'signedIn',
  'DELETE /api/me/sessions/:sessionId': 'signedIn',
  'POST /api/me/password': 'signedIn',
  'GET /api/campuses': 'signedIn',
  'POST /api/campuses': 'campus.create',
  'GET /api/campuses/:campusId': 'campus.read',
  'PATCH /api/campuses/:campusId': 'campus.settings',
  'POST /api/campuses/:campusId/archive': 'campus.settings',
  'POST /api/campuses/:campusId/restore': 'campus.settings',
  'GET /api/campuses/:campusId/schools': 'campus.read',
  'POST /api/campuses/:campusId/schools': 'schools.manage',
  'GET /api/campuses/:campusId/schools/:schoolId': 'campus.read',
  'PATCH /api/campuses/:campusId/schools/:schoolId': 'schools.manage',
  'POST /api/campuses/:campusId/schools/:schoolId/archive': 'schools.manage',
  'POST /api/campuses/:campusId/schools/:schoolId/restore': 'schools.manage',
  'GET /api/campuses/:campusId/spaces': 'campus.read',
  'POST /api/campuses/:campusId/spaces': 'facilities.manage',
  'GET /api/campuses/:campusId/spaces/:spaceId': 'campus.read',
  'PATCH /api/campuses/:campusId/spaces/:spaceId': 'facilities.manage',
  'POST /api/campuses/:campusId/spaces/:spaceId/archive': 'facilities.manage',
  'POST /api/campuses/:campusId/spaces/:spaceId/restore': 'facilities.manage',
  'GET /api/campuses/:campusId/closures': 'campus.read',
  'POST /api/campuses/:campusId/closures': 'facilities.manage',
  'GET /api/campuses/:campusId/closures/:closureId': 'campus.read',
  'PATCH /api/campuses/:campusId/closures/:closureId': 'facilities.manage',
  'POST /api/campuses/:campusId/closures/:closureId/archive': 'facilities.manage',
  'POST /api/campuses/:campusId/closures/:closureId/restore': 'facilities.manage',
  'GET /api/campuses/:campusId/council/settings': 'campus.read',
  'GET /api/campuses/:campusId/council/members': 'campus.read',
  'PATCH /api/campuses/:campusId/council/settings': 'council.manage',
  'POST /api/campuses/:campusId/council/series': 'council.manage',
  'GET /api/campuses/:campusId/council/meetings': 'campus.read',
  'GET /api/campuses/:campusId/council/meetings/:meetingId': 'campus.read',
  'PATCH /api/campuses/:campusId/council/meetings/:meetingId': 'council.participate',
  'GET /api/campuses/:campusId/council/meetings/:meetingId/agenda': 'campus.read',
  'GET /api/campuses/:campusId/council/meetings/:meetingId/agenda.html': 'campus.read',
  'GET /api/campuses/:campusId/council/meetings/:meetingId/agenda.pdf': 'campus.read',
  'GET /api/campuses/:campusId/council/meetings/:meetingId/minutes.html': 'campus.read',
  'GET /api/campuses/:campusId/council/meetings/:meetingId/minutes.pdf': 'campus.read',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/agenda/items': 'council.participate',
  'PUT /api/campuses/:campusId/council/meetings/:meetingId/agenda/order': 'council.participate',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/agenda/refresh': 'council.participate',
  'PATCH /api/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId': 'council.participate',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId/merge': 'council.participate',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId/withdraw': 'council.participate',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/open': 'council.participate',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/close': 'council.participate',
  'PUT /api/campuses/:campusId/council/meetings/:meetingId/attendance': 'council.participate',
  'PATCH /api/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId/notes': 'council.participate',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/motions': 'council.participate',
  'PUT /api/campuses/:campusId/council/meetings/:meetingId/motions/:motionId/votes/:schoolId': 'council.participate',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/motions/:motionId/close': 'council.participate',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/minutes/circulate': 'council.participate',
  'POST /api/campuses/:campusId/council/meetings/:meetingId/minutes/amendments': 'council.participate',
  'GET /api/campuses/:campusId/council/meetings/:meetingId/minutes': 'campus.read',
  'POST /api/campuses/:campusId/council/action-items': 'council.participate',
  'PATCH /api/campuses/:campusId/council/action-items/:actionItemId': 'council.participate',
  'GET /api/campuses/:campusId/council/action-items': 'campus.read',
  'GET /api/campuses/:campusId/bookings': 'campus.read',
  'POST /api/campuses/:campusId/bookings': 'bookings.write',
  'GET /api/bookings/:bookingId': 'campus.read',
  'PATCH /api/bookings/:bookingId': 'bookings.write',
  'DELETE /api/bookings/:bookingId': 'bookings.write',
  'GET /api/campuses/:campusId/occurrences': 'campus.read',
  'GET /api/campuses/:campusId/members': 'members.manage',
  'POST /api/campuses/:campusId/members': 'members.manage',
  'DELETE /api/campuses/:campusId/members/:membershipId': 'members.manage',
  'GET /api/campuses/:campusId/audit': 'audit.read',
  'GET /api/campuses/:campusId/live': 'campus.read',
};

const world = await buildWorld();
afterAll(() => world.close());

describe('the route access table', () => {
  it('matches what every served route declares, route for route', () => {
    const declared = Object.fromEntries(world.routes.map((r) => [r.key, String(r.access)]));
    expect(declared).toEqual(ACCESS);
  });
});
