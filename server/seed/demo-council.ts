/**
 * The demo campus's Building Council, as it would stand on the day the demo starts: the
 * Tuesday meetings become the council's series; the two most recent meetings have minutes (the
 * older approved at the later one and locked, the later circulated) with attendance, notes, a
 * vote and action items; three schools have put items on the next agenda. Everything goes
 * through the council's use cases, as people acting for their schools.
 */
import type { Actor } from '../domain/actor.js';
import type { UseCaseContext } from '../usecases/context.js';
import { submitAgendaItem } from '../usecases/council-agenda-items.js';
import { createActionItem, updateActionItem } from '../usecases/council-actions.js';
import { adoptCouncilSeries, councilSettings, listMeetings } from '../usecases/council-meetings.js';
import { getMinutes } from '../usecases/council-minutes-read.js';
import { circulateMinutes, closeMeeting, openMeeting, setAttendance, writeNotes } from '../usecases/council-minutes.js';
import { castVote, closeMotion, proposeMotion } from '../usecases/council-motions.js';
import { CODE } from './demo-campus.js';

export const DEMO_COUNCIL_BOOKING_TITLE = 'Building Council meeting';

/** What the next meeting's agenda gets from three schools. */
const SUBMITTED = [
  { code: CODE.newcomer, title: 'Library hours on Wednesday afternoons', detail: 'Our families come for the English class at 16:00; could the library stay open until 17:30?' },
  { code: CODE.stem, title: 'Supervision of the parking lot at dismissal', detail: 'Two staff members for ten minutes, on a rotation among the schools.' },
  { code: CODE.arts, title: 'Shared art supplies budget', detail: 'Pooling the district allocation of the three schools that use the art rooms.' },
];

const HOUR_MS = 3_600_000;

export function seedDemoCouncil(ctx: UseCaseContext, campusId: number, people: { principalId: number | null }): void {
  const booking = ctx.repos.bookings.listByCampus({ campusId }).find((row) => row.booking.title === DEMO_COUNCIL_BOOKING_TITLE);
  if (!booking) throw new Error('demo seed: the council meeting booking is missing');
  adoptCouncilSeries(ctx, campusId, booking.booking.id);

  const schools = new Map(ctx.repos.schools.listByCampus(campusId, false).map((s) => [s.locationCode, s.id]));
  const school = (code: string) => schools.get(code)!;
  const now = ctx.clock();
  const meetings = listMeetings(ctx, campusId).meetings.filter((m) => m.occurrence.status === 'active');
  const past = meetings.filter((m) => m.occurrence.endUtc <= now);
  // The first meeting that still takes submitted items.
  const { submissionDeadlineHours } = councilSettings(ctx, campusId);
  const next = meetings.find((m) => m.occurrence.startUtc - submissionDeadlineHours * HOUR_MS > now);

  // Minutes need a person (votes are cast by someone); without demo accounts there are none.
  if (people.principalId !== null && past.length >= 2) {
    const asPrincipal: UseCaseContext = { ...ctx, actor: { userId: people.principalId, memberships: [], system: true } satisfies Actor };
    const [older, later] = past.slice(-2).map((m) => m.occurrence.occurrenceId) as [number, number];
    const present = [CODE.office, CODE.arts, CODE.health, CODE.humanitas, CODE.business, CODE.stem, CODE.global, CODE.green, CODE.leadership];
    const attendance = [...schools.entries()].map(([code, schoolId]) => ({
      schoolId,
      status: present.includes(code as (typeof present)[number]) ? ('present' as const) : code === CODE.service ? ('represented' as const) : ('absent' as const),
      note: code === CODE.service ? 'Represented by the Business & Entrepreneurship SLC lead' : '',
    }));
    const voteAll = (meetingId: number, motionId: number) => {
      for (const entry of attendance.filter((a) => a.status !== 'absent')) {
        castVote(asPrincipal, campusId, meetingId, motionId, { schoolId: entry.schoolId, vote: entry.schoolId === school(CODE.leadership) ? 'abstain' : 'yes' });
      }
      closeMotion(asPrincipal, campusId, meetingId, motionId);
    };

    openMeeting(asPrincipal, campusId, older);
    setAttendance(asPrincipal, campusId, older, attendance);
    const olderItems = getMinutes(asPrincipal, campusId, older).items.filter((i) => i.mergedIntoId === null && i.withdrawnAt === null);
    const scheduling = olderItems.find((i) => i.titleKey === 'agenda.standing.spaceScheduling') ?? olderItems[0]!;
    writeNotes(asPrincipal, campusId, older, scheduling.id, {
      notes: 'Basketball season starts in December: the gym halves alternate between the SLCs after school, the whole gym stays with the autonomous school on Fridays.',
      version: scheduling.version,
    });
    const policy = proposeMotion(asPrincipal, campusId, older, {
      agendaItemId: scheduling.id,
      text: 'Adopt the alternating gym schedule for the basketball season',
      moverSchoolId: school(CODE.health),
      seconderSchoolId: school(CODE.stem),
      decision: { kind: 'policy', text: 'The gym halves alternate weekly between the SLCs after school; the whole gym is the autonomous school’s on Fridays.' },
    });
    voteAll(older, policy.id);
    const posted = createActionItem(asPrincipal, campusId, { meetingId: older, agendaItemId: scheduling.id, what: 'Post the gym schedule in the main office and on each school’s board', ownerSchoolId: school(CODE.health), dueDate: past.at(-1)!.occurrence.localStart.slice(0, 10) });
    createActionItem(asPrincipal, campusId, { meetingId: older, what: 'Ask the district for the repair of the auditorium sound system', ownerUserId: people.principalId, ownerSchoolId: school(CODE.office), dueDate: next?.occurrence.localStart.slice(0, 10) ?? null });
    closeMeeting(asPrincipal, campusId, older);
    circulateMinutes(asPrincipal, campusId, older);

    openMeeting(asPrincipal, campusId, later);
    setAttendance(asPrincipal, campusId, later, attendance);
    const laterItems = getMinutes(asPrincipal, campusId, later).items.filter((i) => i.mergedIntoId === null && i.withdrawnAt === null);
    const approval = laterItems.find((i) => i.source === 'minutes_approval') ?? laterItems[0]!;
    const approve = proposeMotion(asPrincipal, campusId, later, {
      agendaItemId: approval.id,
      text: 'Approve the minutes of the previous meeting',
      moverSchoolId: school(CODE.global),
      seconderSchoolId: school(CODE.green),
      decision: { kind: 'minutes', meetingId: older },
    });
    voteAll(later, approve.id);
    updateActionItem(asPrincipal, campusId, posted.id, { status: 'done', version: posted.version });
    closeMeeting(asPrincipal, campusId, later); // locks the older minutes, approved here
    circulateMinutes(asPrincipal, campusId, later);
  }

  if (next) {
    for (const item of SUBMITTED) {
      submitAgendaItem(ctx, campusId, next.occurrence.occurrenceId, { schoolId: school(item.code), title: item.title, detail: item.detail });
    }
  }
}
