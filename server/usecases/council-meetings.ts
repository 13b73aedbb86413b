/**
 * The Building Council's settings, its meeting series and its meetings.
 *
 * The meetings are the occurrences of one booking held by the building office (so the calendar
 * shows them and nothing can double-book the room). A meeting's own record — chair, note-taker,
 * agenda, minutes — is created the first time anything is written about it; until then it is
 * shown with its defaults. Its sequence number (which drives every rotation) counts the series'
 * dates, cancelled ones included, so cancelling one meeting does not reshuffle the rotations.
 */
import { inWriteTransaction } from '../db/connection.js';
import type { CouncilSeriesRow, CouncilSettingsRow, MeetingRow, SeriesOccurrence } from '../db/repositories/council.repository.js';
import type { SchoolRow } from '../db/repositories/schools.repository.js';
import { DEFAULT_STANDING_TOPICS } from '../domain/council/agenda.js';
import { defaultChairAndNoteTaker } from '../domain/council/chairs.js';
import { DomainError } from '../domain/errors.js';
import { councilSchoolsOf } from '../domain/permissions.js';
import { recordChange } from './audit.js';
import { requirePermission } from './authorize.js';
import { createBooking, type BookingInput } from './bookings.js';
import { requireActiveCampus, requireCampus } from './campuses.js';
import { notFound, type UseCaseContext } from './context.js';

export const COUNCIL_DEFAULTS = {
  quorumPercent: 50,
  submissionDeadlineHours: 24,
  highImpactAttendees: 100,
} as const;

export function councilSettings(ctx: UseCaseContext, campusId: number): CouncilSettingsRow {
  requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  return ctx.repos.council.settings(campusId) ?? { campusId, ...COUNCIL_DEFAULTS, standingTopics: [...DEFAULT_STANDING_TOPICS], updatedAt: 0 };
}

export type CouncilSettingsChanges = Partial<Pick<CouncilSettingsRow, 'quorumPercent' | 'standingTopics' | 'submissionDeadlineHours' | 'highImpactAttendees'>>;

export function updateCouncilSettings(ctx: UseCaseContext, campusId: number, changes: CouncilSettingsChanges): CouncilSettingsRow {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requirePermission(ctx.actor, campusId, 'council.manage');
    const before = councilSettings(ctx, campusId);
    const standingTopics = changes.standingTopics?.map((topic) => topic.trim()).filter((topic) => topic !== '');
    const after = ctx.repos.council.saveSettings({ ...before, ...changes, ...(standingTopics ? { standingTopics } : {}), updatedAt: ctx.clock() });
    recordChange(ctx, { campusId, action: 'council.settings', entityType: 'council', entityId: campusId, before, after });
    return after;
  });
}

/** The member schools of the council: every school of the campus that is not archived, by location code. */
export function memberSchools(ctx: UseCaseContext, campusId: number): SchoolRow[] {
  return ctx.repos.schools
    .listByCampus(campusId, false)
    .sort((a, b) => (a.locationCode < b.locationCode ? -1 : a.locationCode > b.locationCode ? 1 : a.id - b.id));
}

export type CouncilSeriesInput = Pick<BookingInput, 'spaceId' | 'start' | 'end' | 'rrule' | 'exdates'> & { title?: string };

/** Books the council's meetings for the building office, and makes that booking the council's series. */
export function createCouncilSeries(ctx: UseCaseContext, campusId: number, input: CouncilSeriesInput) {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requirePermission(ctx.actor, campusId, 'council.manage');
    if (ctx.repos.council.seriesOf(campusId)) throw new DomainError('state', 'This campus already has a council meeting series: change its booking instead.');
    const office = ctx.repos.schools.listByCampus(campusId, false).find((s) => s.kind === 'building');
    if (!office) throw new DomainError('state', 'The council meets as the building office: the campus needs a school of kind "building" first.');
    // Managing the council includes booking its room in the building office's name (an admin
    // could not book for a school otherwise); the audit trail still names the person.
    const asCouncil = { ...ctx, actor: { ...ctx.actor, system: true } };
    const { booking, occurrences } = createBooking(asCouncil, campusId, {
      spaceId: input.spaceId,
      schoolId: office.id,
      title: input.title?.trim() || 'Building Council',
      purpose: 'The weekly Building Council meeting',
      attendees: Math.max(memberSchools(ctx, campusId).length, 1),
      start: input.start,
      end: input.end,
      rrule: input.rrule,
      exdates: input.exdates,
    });
    const series = ctx.repos.council.insertSeries({ campusId, bookingId: booking.id, createdBy: ctx.actor.userId, createdAt: ctx.clock() });
    recordChange(ctx, { campusId, action: 'council.series.create', entityType: 'council', entityId: series.id, after: series });
    return { series, booking, occurrences };
  });
}

/**
 * Makes an existing booking of the building office the council's series (a campus that booked
 * its council meetings before it used Commons for the council, like the demo campus).
 */
export function adoptCouncilSeries(ctx: UseCaseContext, campusId: number, bookingId: number): CouncilSeriesRow {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requirePermission(ctx.actor, campusId, 'council.manage');
    if (ctx.repos.council.seriesOf(campusId)) throw new DomainError('state', 'This campus already has a council meeting series.');
    const booking = ctx.repos.bookings.get(bookingId);
    if (!booking || booking.campusId !== campusId) throw notFound('booking', bookingId);
    if (ctx.repos.schools.get(booking.schoolId)?.kind !== 'building') throw new DomainError('state', 'The council meets as the building office: choose one of its bookings.');
    const series = ctx.repos.council.insertSeries({ campusId, bookingId, createdBy: ctx.actor.userId, createdAt: ctx.clock() });
    recordChange(ctx, { campusId, action: 'council.series.adopt', entityType: 'council', entityId: series.id, after: series });
    return series;
  });
}

export interface MeetingSummary {
  occurrence: SeriesOccurrence;
  sequence: number;
  meeting: MeetingRow | null;
  chairSchoolId: number | null;
  noteTakerSchoolId: number | null;
}

/** Every meeting of the series in date order, with its record if it has one. */
export function listMeetings(ctx: UseCaseContext, campusId: number): { series: CouncilSeriesRow | null; meetings: MeetingSummary[] } {
  requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  const series = ctx.repos.council.seriesOf(campusId);
  if (!series) return { series: null, meetings: [] };
  const records = new Map(ctx.repos.council.meetingsOf(campusId).map((m) => [m.occurrenceId, m]));
  const schools = memberSchools(ctx, campusId).map((s) => ({ id: s.id, code: s.locationCode }));
  return {
    series,
    meetings: withSequence(ctx.repos.council.occurrencesOf(series)).map(({ occurrence, sequence }) => {
      const meeting = records.get(occurrence.occurrenceId) ?? null;
      const defaults = defaultChairAndNoteTaker(schools, sequence);
      return {
        occurrence,
        sequence,
        meeting,
        chairSchoolId: meeting ? meeting.chairSchoolId : defaults.chairSchoolId,
        noteTakerSchoolId: meeting ? meeting.noteTakerSchoolId : defaults.noteTakerSchoolId,
      };
    }),
  };
}

/**
 * Sequence = how many earlier dates the series has. A date counts while one of its occurrences
 * takes place, was cancelled by a person, or is skipped (an EXDATE), so cancelling or skipping a
 * meeting does not reshuffle the rotations. A date that an edit of the series moved away from
 * does not count: after a "this and following" move from Tuesdays to Wednesdays, each week would
 * otherwise count twice and the rotations would skip every other school. Such a date keeps its
 * (cancelled) place in the list with the number of the meeting that follows it. A split's
 * re-created dates count once.
 */
function withSequence(occurrences: readonly SeriesOccurrence[]): Array<{ occurrence: SeriesOccurrence; sequence: number }> {
  const dateOf = (o: SeriesOccurrence) => o.originalLocalStart.slice(0, 10);
  const counted = [...new Set(occurrences.filter((o) => o.status === 'active' || o.isException || o.skipped).map(dateOf))].sort();
  // Of several rows for one date (a cancelled one and its replacement), the active one is the meeting.
  const current = new Map<string, SeriesOccurrence>();
  for (const o of occurrences) {
    const seen = current.get(dateOf(o));
    if (!seen || (seen.status === 'cancelled' && o.status === 'active')) current.set(dateOf(o), o);
  }
  let earlier = 0;
  return [...current.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, occurrence]) => {
      while (earlier < counted.length && counted[earlier]! < date) earlier++;
      return { occurrence, sequence: earlier };
    });
}

/** One meeting (its record or its defaults); 404 for anything that is not a meeting of this campus. */
export function findMeeting(ctx: UseCaseContext, campusId: number, occurrenceId: number): MeetingSummary {
  const found = listMeetings(ctx, campusId).meetings.find((m) => m.occurrence.occurrenceId === occurrenceId);
  if (!found) throw notFound('meeting', occurrenceId);
  return found;
}

/** The meeting's record, created with its defaults at the first write. Call inside the write transaction. */
export function ensureMeeting(ctx: UseCaseContext, campusId: number, occurrenceId: number): MeetingRow {
  const summary = findMeeting(ctx, campusId, occurrenceId);
  // A cancelled meeting takes no agenda, attendance or minutes — unless it had already begun.
  if (summary.occurrence.status === 'cancelled' && (summary.meeting?.status ?? 'scheduled') === 'scheduled') {
    throw new DomainError('state', 'This meeting was cancelled.', { cancelled: true });
  }
  if (summary.meeting) return summary.meeting;
  const now = ctx.clock();
  return ctx.repos.council.insertMeeting({
    occurrenceId,
    campusId,
    seriesId: ctx.repos.council.seriesOf(campusId)!.id,
    sequence: summary.sequence,
    chairSchoolId: summary.chairSchoolId,
    noteTakerSchoolId: summary.noteTakerSchoolId,
    status: 'scheduled',
    minutesStatus: 'draft',
    createdAt: now,
    updatedAt: now,
  });
}

export interface CouncilMember {
  userId: number;
  name: string;
  schoolId: number;
  role: 'lead' | 'council' | 'principal';
}

/**
 * Who sits on the council, for which school and in which role: the people with a school-bound
 * role on the campus (an admin adds an alternate with the `council` role). Names only — the
 * agenda and the minutes name these people, so every role on the campus may read the list.
 */
export function listCouncilMembers(ctx: UseCaseContext, campusId: number): CouncilMember[] {
  requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  const order = new Map(memberSchools(ctx, campusId).map((s, index) => [s.id, index]));
  const roles = new Set(['lead', 'council', 'principal']);
  return ctx.repos.users
    .membershipsOfCampus(campusId)
    .filter(({ membership, user }) => roles.has(membership.role) && membership.schoolId !== null && order.has(membership.schoolId) && user.disabledAt === null)
    .map(({ membership, user }) => ({ userId: user.id, name: user.name, schoolId: membership.schoolId!, role: membership.role as CouncilMember['role'] }))
    .sort((a, b) => order.get(a.schoolId)! - order.get(b.schoolId)! || a.name.localeCompare(b.name));
}

/**
 * The schools the actor speaks for on this council (empty: they may only read). A school that
 * has been archived is no longer a member school, so its people no longer sit on the council.
 */
export function actingCouncilSchools(ctx: UseCaseContext, campusId: number): number[] {
  const mine = councilSchoolsOf(ctx.actor.memberships, campusId);
  if (mine.length === 0) return mine;
  const members = new Set(memberSchools(ctx, campusId).map((s) => s.id));
  return mine.filter((id) => members.has(id));
}

/** Refuses a council write from someone who sits on the council for none of the campus's schools. */
export function requireCouncilMember(ctx: UseCaseContext, campusId: number, schoolId?: number): void {
  requirePermission(ctx.actor, campusId, 'council.participate');
  if (ctx.actor.system) return;
  const mine = actingCouncilSchools(ctx, campusId);
  if (schoolId === undefined ? mine.length > 0 : mine.includes(schoolId)) return;
  throw new DomainError('forbidden', schoolId === undefined ? 'Only council members can do this.' : `You do not sit on the council for school ${schoolId}.`, { schoolId });
}

/** Chair and note-taker default to the rotation; any council member may change them before the meeting closes. */
export function setMeetingRoles(ctx: UseCaseContext, campusId: number, occurrenceId: number, roles: { chairSchoolId?: number | null; noteTakerSchoolId?: number | null; version?: number }) {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requireCouncilMember(ctx, campusId);
    const meeting = ensureMeeting(ctx, campusId, occurrenceId);
    requireVersion(meeting, roles.version);
    if (meeting.status === 'closed') throw new DomainError('state', 'The meeting is closed.');
    const members = new Set(memberSchools(ctx, campusId).map((s) => s.id));
    for (const field of ['chairSchoolId', 'noteTakerSchoolId'] as const) {
      const id = roles[field];
      if (id !== undefined && id !== null && !members.has(id)) {
        throw new DomainError('validation', `School ${id} is not a member of this council.`, { fields: [{ field, message: 'not a member school of this campus' }] });
      }
    }
    const { version: _version, ...changes } = roles;
    const after = ctx.repos.council.updateMeeting(occurrenceId, { ...changes, updatedAt: ctx.clock() });
    recordChange(ctx, { campusId, action: 'meeting.update', entityType: 'meeting', entityId: occurrenceId, before: meeting, after });
    return after;
  });
}

/** Optimistic concurrency: a write that names the version it saw is refused when that changed. */
export function requireVersion(row: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw new DomainError('council.stale', `This changed meanwhile (version ${row.version}, you had ${expected}): reload and try again.`, { version: row.version });
  }
}
