/**
 * The agenda and the minutes of a meeting as the printable page and the PDF show them
 * (server/council-export): read with the same rules as the API (getAgenda, getMinutes), then
 * resolved into plain data — names, codes, the decision in the reader's language.
 */
import { decisionText } from '../council-export/format.js';
import type { AgendaItemView, AgendaView, ExportLanguage, MeetingView, MinutesView, MotionView } from '../council-export/view-model.js';
import type { MotionRow } from '../db/repositories/council.repository.js';
import type { SchoolRow } from '../db/repositories/schools.repository.js';
import { requireCampus } from './campuses.js';
import { closureAsEntered } from './closures.js';
import type { UseCaseContext } from './context.js';
import { getAgenda } from './council-agenda.js';
import type { Decision } from './council-decisions.js';
import type { MeetingSummary } from './council-meetings.js';
import { getMinutes, type MotionWithVotes } from './council-minutes-read.js';

function resolver(ctx: UseCaseContext, campusId: number) {
  const schools = new Map(ctx.repos.schools.listByCampus(campusId, true).map((s) => [s.id, s]));
  const ref = (id: number | null) => {
    const school = id === null ? undefined : schools.get(id);
    return school ? { schoolCode: school.locationCode, schoolName: school.name } : null;
  };
  const code = (id: number | null) => (id === null ? null : (schools.get(id)?.locationCode ?? null));
  const label = (school: SchoolRow | undefined) => (school ? `${school.locationCode} ${school.name}` : null);
  return { schools, ref, code, label };
}

function meetingView(ctx: UseCaseContext, summary: MeetingSummary, ref: (id: number | null) => MeetingView['chair']): MeetingView {
  return {
    localStart: summary.occurrence.localStart,
    localEnd: summary.occurrence.localEnd,
    spaceName: ctx.repos.spaces.get(summary.occurrence.spaceId)?.name ?? '',
    chair: ref(summary.chairSchoolId),
    noteTaker: ref(summary.noteTakerSchoolId),
  };
}

export function agendaForExport(ctx: UseCaseContext, campusId: number, meetingId: number): AgendaView {
  const campus = requireCampus(ctx, campusId);
  const agenda = getAgenda(ctx, campusId, meetingId);
  const { ref, code } = resolver(ctx, campusId);
  return {
    campusName: campus.name,
    timeZone: campus.timeZone,
    meeting: meetingView(ctx, agenda.summary, ref),
    items: agenda.items.map(
      (item): AgendaItemView => ({
        position: item.position,
        title: item.title,
        titleKey: item.titleKey,
        titleParams: item.titleKey ? (item.titleParams ?? {}) : null,
        detail: item.detail,
        detailLines: item.detailLines ?? null,
        minutes: item.minutes,
        start: item.start,
        end: item.end,
        schoolCode: code(item.schoolId),
        source: item.source,
      }),
    ),
    totalMinutes: agenda.totalMinutes,
    plannedEnd: agenda.plannedEnd,
  };
}

export function minutesForExport(ctx: UseCaseContext, campusId: number, meetingId: number, lang: ExportLanguage): MinutesView {
  const agenda = agendaForExport(ctx, campusId, meetingId);
  const minutes = getMinutes(ctx, campusId, meetingId);
  const names = resolver(ctx, campusId);
  const byPosition = new Map(minutes.items.map((row) => [row.position, row]));
  const userName = (id: number | null) => (id === null ? '' : (ctx.repos.users.get(id)?.name ?? ''));
  return {
    ...agenda,
    items: agenda.items.map((item) => {
      const row = byPosition.get(item.position);
      return { ...item, notes: row?.notes ?? '', motions: (row?.motions ?? []).map((m) => motionView(ctx, m, names, lang)) };
    }),
    status: minutes.minutesStatus,
    attendance: minutes.attendance.entries.map((e) => ({ schoolCode: e.school.locationCode, schoolName: e.school.name, status: e.status, note: e.note || null })),
    quorum: { present: minutes.attendance.quorum.present, required: minutes.attendance.quorum.required, met: minutes.attendance.quorum.met },
    actionItems: minutes.actionItems.map((a) => ({
      what: a.what,
      ownerName: userName(a.ownerUserId),
      ownerSchoolCode: names.code(a.ownerSchoolId),
      dueDate: a.dueDate,
      status: a.status,
    })),
    amendments: minutes.amendments.map((a) => ({ text: a.text, byName: a.byName, at: new Date(a.createdAt).toISOString() })),
  };
}

function motionView(ctx: UseCaseContext, motion: MotionWithVotes, names: ReturnType<typeof resolver>, lang: ExportLanguage): MotionView {
  return {
    text: motion.text,
    mover: names.label(names.schools.get(motion.moverSchoolId)),
    seconder: motion.seconderSchoolId === null ? null : names.label(names.schools.get(motion.seconderSchoolId)),
    votes: motion.votes.map((v) => ({ schoolCode: names.code(v.schoolId) ?? '', vote: v.vote })),
    yes: motion.yes,
    no: motion.no,
    abstain: motion.abstain,
    result: motion.result,
    decision: motion.decision ? decisionText(decisionLine(ctx, motion, names), lang) : null,
  };
}

/** A decision as a dictionary key and its parameters (the records it names, resolved now). */
function decisionLine(ctx: UseCaseContext, motion: MotionRow, names: ReturnType<typeof resolver>): { key: string; params: Record<string, string> } {
  const decision = motion.decision as Decision;
  switch (decision.kind) {
    case 'booking': {
      const booking = ctx.repos.bookings.get(decision.bookingId);
      const from = decision.occurrenceId === undefined ? '' : (ctx.repos.occurrences.get(decision.occurrenceId)?.localStart.slice(0, 10) ?? '');
      const school = booking ? names.schools.get(booking.schoolId) : undefined;
      return { key: 'decisions.bookingCancel', params: { title: booking?.title ?? `#${decision.bookingId}`, school: school?.locationCode ?? '', scope: decision.scope, from } };
    }
    case 'closure': {
      const closure = ctx.repos.closures.get(decision.closureId);
      const entered = closure ? closureAsEntered(closure) : null;
      const when = entered ? (entered.end === entered.start ? entered.start : `${entered.start} – ${entered.end}`) : '';
      return { key: 'decisions.closureLift', params: { when, reason: closure?.reason ?? 'other' } };
    }
    case 'minutes':
      return { key: 'decisions.minutesApproval', params: { date: ctx.repos.occurrences.get(decision.meetingId)?.localStart.slice(0, 10) ?? '' } };
    case 'conflict':
      return { key: 'decisions.conflict', params: { ref: decision.ref } };
    case 'policy':
      return { key: 'decisions.policy', params: { text: decision.text } };
  }
}
