import { TEST_PASSWORD } from '../helpers/session.js';
import type { ApiRoute, TestActor, World } from './setup.js';

/** The ids an actor would legitimately name: their own school's booking, their own session. */
export function idsFor(world: World, actor: TestActor): Record<string, number> {
  const own = actor.schoolId;
  const bookingId = own === world.schools.office ? world.bookings.office : own === world.schools.b ? world.bookings.b : world.bookings.a;
  return {
    campusId: world.campusId,
    // One's own school: a vote is cast only for a school one sits for.
    schoolId: actor.schoolId ?? world.schools.a,
    spaceId: world.spaceId,
    closureId: world.closureId,
    bookingId,
    membershipId: world.spareMembershipId,
    // A viewer reads minutes once they are circulated; draft minutes are the council's (tests/routes/council-minutes).
    meetingId: actor.name === 'viewer' ? world.council.circulatedMeetingId : world.council.meetingId,
    // One's own school's item: who may change which item is the use case's to check (tests/routes/council-*).
    itemId: own === world.schools.office ? world.council.items.office : world.council.items.a,
    motionId: world.council.motionId,
    actionItemId: world.council.actionItemId,
    // Somebody's session for the anonymous: the route must refuse before looking it up.
    sessionId: actor.sessionId ?? world.actor('admin').sessionId!,
  };
}

export function pathFor(route: ApiRoute, ids: Record<string, number | string>): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    if (ids[name] === undefined) throw new Error(`${route.key}: no fixture id for :${name}; add one to idsFor`);
    return encodeURIComponent(String(ids[name]));
  });
}

interface Sample {
  query?: string;
  body?: unknown;
}

/**
 * A plausible request per route, so an allowed actor gets past validation into the use case
 * (where object-level checks live). A route missing here is sent with no body: still a valid
 * matrix entry (an allowed actor gets a 400, never a 401 or 403).
 */
const SAMPLES: Record<string, (world: World, actor: TestActor) => Sample> = {
  'POST /api/auth/login': (w) => ({ body: { email: w.actor('viewer').email, password: TEST_PASSWORD } }),
  'POST /api/me/password': () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: 'a different horse battery staple' } }),
  'GET /api/campuses/:campusId/audit': () => ({ query: 'limit=5' }),
  'POST /api/campuses': () => ({ body: { name: 'New Campus', timeZone: 'America/New_York', yearStart: '2026-09-01', yearEnd: '2027-06-20' } }),
  'PATCH /api/campuses/:campusId': () => ({ body: { name: 'Renamed Campus' } }),
  'POST /api/campuses/:campusId/members': () => ({ body: { email: 'newcomer@commons.test', name: 'Newcomer', role: 'viewer' } }),
  'POST /api/campuses/:campusId/schools': () => ({ body: { name: 'C SLC', locationCode: '8803', kind: 'slc', enrollment: 200 } }),
  'PATCH /api/campuses/:campusId/schools/:schoolId': () => ({ body: { enrollment: 360 } }),
  'POST /api/campuses/:campusId/spaces': () => ({ body: { name: 'Library', kind: 'library', capacity: 60 } }),
  'PATCH /api/campuses/:campusId/spaces/:spaceId': () => ({ body: { capacity: 450 } }),
  'POST /api/campuses/:campusId/closures': () => ({ body: { reason: 'testing', start: '2027-03-10', end: '2027-03-10' } }),
  'PATCH /api/campuses/:campusId/closures/:closureId': () => ({ body: { note: 'Thanksgiving break' } }),
  'GET /api/campuses/:campusId/closures': () => ({ query: 'from=2026-11-01&to=2026-12-01' }),
  'GET /api/campuses/:campusId/occurrences': () => ({ query: 'from=2026-10-01&to=2026-11-01' }),
  'GET /api/campuses/:campusId/bookings': () => ({ query: 'status=active' }),
  'POST /api/campuses/:campusId/bookings': (w, actor) => ({
    body: { spaceId: w.spaceId, schoolId: actor.schoolId ?? w.schools.a, title: 'Club fair', attendees: 80, start: '2026-10-09T13:00', end: '2026-10-09T14:00' },
  }),
  'PATCH /api/bookings/:bookingId': () => ({ body: { title: 'Renamed assembly' } }),
  'PATCH /api/campuses/:campusId/council/settings': () => ({ body: { quorumPercent: 60, standingTopics: ['Security', 'Parking'] } }),
  'POST /api/campuses/:campusId/council/series': (w) => ({ body: { spaceId: w.spaceId, start: '2026-10-14T07:30', end: '2026-10-14T08:30', rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=4' } }),
  'PATCH /api/campuses/:campusId/council/meetings/:meetingId': (w, actor) => ({ body: { chairSchoolId: actor.schoolId ?? w.schools.a, version: 1 } }),
  'POST /api/campuses/:campusId/council/meetings/:meetingId/agenda/items': (w, actor) => ({ body: { schoolId: actor.schoolId ?? w.schools.a, title: 'Parking at dismissal', detail: 'Two staff', minutes: 10 } }),
  'PUT /api/campuses/:campusId/council/meetings/:meetingId/agenda/order': (w) => ({ body: { itemIds: [w.council.items.office, w.council.items.a] } }),
  'PATCH /api/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId': () => ({ body: { minutes: 15, title: 'Reworded' } }),
  'POST /api/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId/merge': (w) => ({ body: { intoId: w.council.items.office } }),
  'PUT /api/campuses/:campusId/council/meetings/:meetingId/attendance': (w, actor) => ({ body: { attendance: [{ schoolId: actor.schoolId ?? w.schools.a, status: 'present', note: 'Dana' }] } }),
  'PATCH /api/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId/notes': () => ({ body: { notes: 'Agreed to share the rota.', version: 1 } }),
  'POST /api/campuses/:campusId/council/meetings/:meetingId/motions': (w, actor) => ({
    body: { agendaItemId: w.council.items.a, text: 'To share the supervision', moverSchoolId: actor.schoolId ?? w.schools.a, decision: { kind: 'policy', text: 'Shared rota' } },
  }),
  'PUT /api/campuses/:campusId/council/meetings/:meetingId/motions/:motionId/votes/:schoolId': () => ({ body: { vote: 'yes' } }),
  'POST /api/campuses/:campusId/council/meetings/:meetingId/minutes/amendments': () => ({ body: { text: 'The drill is on the 14th.' } }),
  'POST /api/campuses/:campusId/council/action-items': (w, actor) => ({ body: { meetingId: w.council.meetingId, what: 'Post the rota', ownerSchoolId: actor.schoolId ?? w.schools.a, dueDate: '2026-10-20' } }),
  'PATCH /api/campuses/:campusId/council/action-items/:actionItemId': () => ({ body: { status: 'done', version: 1 } }),
  'GET /api/campuses/:campusId/council/action-items': () => ({ query: 'status=open' }),
};

export function sampleFor(world: World, route: ApiRoute, actor: TestActor): Sample {
  return SAMPLES[route.key]?.(world, actor) ?? {};
}

/** Keys of the table that name no route any more: a renamed route must not leave its sample behind. */
export function staleSamples(routes: readonly ApiRoute[]): string[] {
  const keys = new Set(routes.map((r) => r.key));
  return Object.keys(SAMPLES).filter((k) => !keys.has(k));
}
