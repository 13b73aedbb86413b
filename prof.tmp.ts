import { openDatabase } from './server/db/connection.js';
import { createRepositories } from './server/db/repositories/index.js';
import { anonymousActor } from './server/domain/actor.js';
import { systemClock } from './server/domain/clock.js';
import { createCampus } from './server/usecases/campuses.js';
import { createSchool } from './server/usecases/schools.js';
import { createSpace } from './server/usecases/spaces.js';
import { checkBooking, createBooking } from './server/usecases/bookings.js';
const db = openDatabase(':memory:');
const ctx = { repos: createRepositories(db), clock: systemClock, actor: anonymousActor };
const c = createCampus(ctx, { name: 'x', timeZone: 'America/Los_Angeles', yearStart: '2026-08-17', yearEnd: '2027-06-11' });
const s = createSchool(ctx, c.id, { name: 'a', locationCode: 'a', kind: 'slc', enrollment: 1 });
const a = createSpace(ctx, c.id, { name: 'Aud', kind: 'auditorium', capacity: 600, parentId: null, setupMinutes: 30, teardownMinutes: 30, openHours: null });
const body = (i: number) => ({ spaceId: a.id, schoolId: s.id, title: 't', purpose: '', attendees: 10, start: `2026-12-01T18:0${i}`, end: `2026-12-01T20:0${i}`, rrule: 'FREQ=WEEKLY;COUNT=10', exdates: [] });
createBooking(ctx, c.id, body(0));
for (let k = 0; k < 3; k++) { const t = performance.now(); const r = checkBooking(ctx, c.id, body(1)); console.log('conflict dry run ms', (performance.now() - t).toFixed(2), r.conflicts.length, JSON.stringify(r.alternatives)); }
