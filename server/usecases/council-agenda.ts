/**
 * The agenda of a council meeting. Until anyone writes to it, the agenda is a live draft that
 * builds itself from the campus state (server/domain/council/agenda.ts); the first write — a
 * submitted item, a new order, a time-box — writes it down, and from then on it is what the
 * members made of it. `refreshAgenda` adds what has come up since (a new action item, a new
 * high-impact booking) without undoing their changes. What members do to it: council-agenda-items.ts.
 */
import { inWriteTransaction } from '../db/connection.js';
import type { AgendaItemRow, MeetingRow } from '../db/repositories/council.repository.js';
import { agendaTimes, AGENDA_SOURCES, draftAgenda, type AgendaInput, type CouncilMatter, type DraftItem, type HighImpactEntry } from '../domain/council/agenda.js';
import { DomainError } from '../domain/errors.js';
import { recordChange } from './audit.js';
import { requireActiveCampus, requireCampus } from './campuses.js';
import type { UseCaseContext } from './context.js';
import { councilSettings, ensureMeeting, findMeeting, listMeetings, memberSchools, requireCouncilMember, type MeetingSummary } from './council-meetings.js';
import { mayReadDraftMinutes } from './council-minutes-read.js';
import { requirePermission } from './authorize.js';

const HIGH_IMPACT_DAYS = 14;
const HIGH_IMPACT_KINDS = new Set(['auditorium', 'gym', 'field']);
const DAY_MS = 86_400_000;

/**
 * Where "conflicts and decisions that need the council" come from. The conflict-resolution
 * work registers its sources here; each returns what should be on the agenda of a meeting.
 */
export type CouncilMatterSource = (ctx: UseCaseContext, campusId: number, meeting: MeetingSummary) => CouncilMatter[];
export const councilMatterSources: CouncilMatterSource[] = [];

/** The campus state the agenda is drafted from, for one meeting. */
export function agendaInputFor(ctx: UseCaseContext, campusId: number, summary: MeetingSummary): AgendaInput {
  const { meetings, series } = listMeetings(ctx, campusId);
  const schools = memberSchools(ctx, campusId);
  const codeOf = new Map(ctx.repos.schools.listByCampus(campusId, true).map((s) => [s.id, s.locationCode]));
  const previous = meetings.filter((m) => m.sequence < summary.sequence && m.meeting && m.occurrence.status === 'active').at(-1);
  const settings = councilSettings(ctx, campusId);
  return {
    meeting: { id: summary.occurrence.occurrenceId, sequence: summary.sequence, localStart: summary.occurrence.localStart, localEnd: summary.occurrence.localEnd },
    previousMeeting: previous?.meeting ? { id: previous.occurrence.occurrenceId, localStart: previous.occurrence.localStart, minutesStatus: previous.meeting.minutesStatus } : null,
    openActionItems: ctx.repos.council.openActionItems(campusId).map((a) => ({
      id: a.id,
      what: a.what,
      ownerName: a.ownerUserId === null ? '' : (ctx.repos.users.get(a.ownerUserId)?.name ?? ''),
      ownerSchoolCode: codeOf.get(a.ownerSchoolId) ?? '',
      dueDate: a.dueDate,
    })),
    councilMatters: councilMatterSources.flatMap((source) => source(ctx, campusId, summary)),
    highImpact: highImpact(ctx, campusId, summary, new Set(series ? ctx.repos.council.occurrencesOf(series).map((o) => o.bookingId) : []), settings.highImpactAttendees),
    standingTopics: settings.standingTopics,
    submitted: [],
    memberSchools: schools.map((s) => ({ id: s.id, code: s.locationCode })),
  };
}

/**
 * The coming two weeks from the meeting: big events and the big spaces, and closures. The
 * council's own meetings are not news: its booking and the splits that continue it are left out.
 */
function highImpact(ctx: UseCaseContext, campusId: number, summary: MeetingSummary, councilBookingIds: ReadonlySet<number>, attendeesThreshold: number): HighImpactEntry[] {
  const fromUtc = summary.occurrence.startUtc;
  const toUtc = fromUtc + HIGH_IMPACT_DAYS * DAY_MS;
  const spaces = new Map(ctx.repos.spaces.listByCampus(campusId, true).map((s) => [s.id, s]));
  const bookings: HighImpactEntry[] = ctx.repos.occurrences
    .listInRange({ campusId, fromUtc, toUtc, includeCancelled: false })
    .filter((o) => !councilBookingIds.has(o.bookingId) && (HIGH_IMPACT_KINDS.has(spaces.get(o.spaceId)?.kind ?? '') || o.attendees >= attendeesThreshold))
    .map((o) => ({ kind: 'booking', occurrenceId: o.occurrenceId, bookingId: o.bookingId, title: o.title, schoolCode: o.schoolCode, spaceName: o.spaceName, localStart: o.localStart, localEnd: o.localEnd, attendees: o.attendees }));
  const closures: HighImpactEntry[] = ctx.repos.closures.activeInRange(campusId, fromUtc, toUtc).map((c) => ({
    kind: 'closure',
    closureId: c.id,
    reason: c.reason,
    note: c.note || null,
    localStart: c.localStart,
    localEnd: c.localEnd,
    spaceNames: c.spaceIds ? c.spaceIds.map((id) => spaces.get(id)?.name ?? String(id)) : null,
  }));
  return [...closures, ...bookings];
}

export interface AgendaView {
  summary: MeetingSummary;
  /** false: the live draft, not written down yet (items have no ids). */
  drafted: boolean;
  items: Array<(AgendaItemRow | (DraftItem & { id: null; position: number; version: null })) & { start: string; end: string; merged: Array<{ id: number; title: string }> }>;
  totalMinutes: number;
  plannedEnd: string;
  /** Members may submit items until this instant (epoch ms). */
  submissionDeadline: number;
  /** The meeting record's version (null before it has one): send it back with a new order. */
  version: number | null;
}

/**
 * The agenda as it stands: published to every role on the campus, viewers included. The notes
 * written against each item are the minutes, though: while those are a draft, only the readers
 * of draft minutes (getMinutes) see them here; everyone else gets the items without notes.
 * An agenda that runs past midnight is still read (its later times on the next day's clock).
 */
export function getAgenda(ctx: UseCaseContext, campusId: number, occurrenceId: number): AgendaView {
  requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  const summary = findMeeting(ctx, campusId, occurrenceId);
  const deadline = submissionDeadline(ctx, campusId, summary);
  const start = summary.occurrence.localStart.slice(11, 16);
  if (!summary.meeting?.agendaDraftedAt) {
    const draft = draftAgenda(agendaInputFor(ctx, campusId, summary));
    const times = agendaTimes(draft, start, { pastMidnight: 'wrap' });
    return {
      summary,
      drafted: false,
      items: draft.map((item, position) => ({ ...item, id: null, position, version: null, ...times.items[position]!, merged: [] })),
      totalMinutes: times.totalMinutes,
      plannedEnd: times.plannedEnd,
      submissionDeadline: deadline,
      version: summary.meeting?.version ?? null,
    };
  }
  const rows = ctx.repos.council.agenda(occurrenceId);
  const visible = rows.filter(onTheAgenda);
  const times = agendaTimes(visible, start, { pastMidnight: 'wrap' });
  const hideNotes = summary.meeting.minutesStatus === 'draft' && !mayReadDraftMinutes(ctx, campusId);
  return {
    summary,
    drafted: true,
    items: visible.map((item, index) => ({
      ...item,
      ...(hideNotes ? { notes: '' } : {}),
      ...times.items[index]!,
      merged: rows.filter((r) => r.mergedIntoId === item.id && r.withdrawnAt === null).map((r) => ({ id: r.id, title: r.title })),
    })),
    totalMinutes: times.totalMinutes,
    plannedEnd: times.plannedEnd,
    submissionDeadline: deadline,
    version: summary.meeting.version,
  };
}

export function submissionDeadline(ctx: UseCaseContext, campusId: number, summary: MeetingSummary): number {
  return summary.occurrence.startUtc - councilSettings(ctx, campusId).submissionDeadlineHours * 3_600_000;
}

/** Writes the live draft down (once), inside the caller's transaction; returns the meeting. */
export function writtenDown(ctx: UseCaseContext, campusId: number, occurrenceId: number): MeetingRow {
  const meeting = ensureMeeting(ctx, campusId, occurrenceId);
  if (meeting.status === 'closed') throw new DomainError('state', 'The meeting is closed: its agenda can no longer change.');
  if (meeting.agendaDraftedAt !== null) return meeting;
  const now = ctx.clock();
  draftAgenda(agendaInputFor(ctx, campusId, findMeeting(ctx, campusId, occurrenceId))).forEach((item, position) =>
    ctx.repos.council.insertAgendaItem({ ...draftRow(item), meetingId: occurrenceId, position, createdAt: now, updatedAt: now }),
  );
  return ctx.repos.council.updateMeeting(occurrenceId, { agendaDraftedAt: now, updatedAt: now });
}

export function draftRow(item: DraftItem) {
  return {
    source: item.source,
    sourceType: item.sourceType,
    sourceId: item.sourceId,
    title: item.title,
    titleKey: item.titleKey,
    titleParams: item.titleKey ? item.titleParams : null,
    detail: item.detail,
    detailLines: item.detailLines,
    schoolId: item.schoolId,
    minutes: item.minutes,
  };
}

/** Gives the visible items positions 0…n-1 in the given order (hidden ones go after). */
export function renumber(ctx: UseCaseContext, occurrenceId: number, orderedIds: readonly number[]): void {
  const rest = ctx.repos.council.agenda(occurrenceId).filter((r) => !orderedIds.includes(r.id));
  ctx.repos.council.setPositions([...orderedIds, ...rest.map((r) => r.id)].map((id, position) => ({ id, position })));
}

/** On the agenda in its own right: neither merged into another item nor withdrawn. */
export const onTheAgenda = (r: AgendaItemRow) => r.mergedIntoId === null && r.withdrawnAt === null;

export const visibleIds = (rows: readonly AgendaItemRow[]) => rows.filter(onTheAgenda).map((r) => r.id);

/**
 * Brings a written-down agenda up to date: generated items whose source has appeared since are
 * added at the end of their section; the "coming two weeks" item gets the current list. What the
 * members changed (order, time-boxes, merges) stays.
 */
export function refreshAgenda(ctx: UseCaseContext, campusId: number, occurrenceId: number): AgendaView {
  inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requireCouncilMember(ctx, campusId);
    const meeting = writtenDown(ctx, campusId, occurrenceId);
    if (meeting.status !== 'scheduled') throw new DomainError('state', 'The meeting has begun: its agenda is settled.');
    const rows = ctx.repos.council.agenda(occurrenceId);
    const key = (r: { source: string; sourceType: string | null; sourceId: number | null; title: string }) => `${r.source}|${r.sourceType}|${r.sourceId}|${r.sourceId === null ? r.title : ''}`;
    const present = new Map(rows.map((r) => [key(r), r]));
    const fresh = draftAgenda(agendaInputFor(ctx, campusId, findMeeting(ctx, campusId, occurrenceId)));
    const order = visibleIds(rows);
    // Every row by id, the ones added here included, so that several new items of one section keep their order.
    const byId = new Map(rows.map((r) => [r.id, r]));
    const now = ctx.clock();
    for (const item of fresh) {
      const existing = present.get(key(item));
      if (existing) {
        // Generated details that say how things stand now: the fortnight's list, whether the minutes were circulated.
        if (item.source === 'high_impact' || item.source === 'minutes_approval') {
          ctx.repos.council.updateAgendaItem(existing.id, { detail: item.detail, detailLines: item.detailLines, updatedAt: now });
        }
        continue;
      }
      const row = ctx.repos.council.insertAgendaItem({ ...draftRow(item), meetingId: occurrenceId, position: Number.MAX_SAFE_INTEGER, createdAt: now, updatedAt: now });
      const lastOfSection = order.findLastIndex((id) => byId.get(id)?.source === item.source);
      order.splice(lastOfSection >= 0 ? lastOfSection + 1 : sectionStart(order, byId, item.source), 0, row.id);
      byId.set(row.id, row);
    }
    renumber(ctx, occurrenceId, order);
    ctx.repos.council.updateMeeting(occurrenceId, { updatedAt: now });
    recordChange(ctx, { campusId, action: 'meeting.refresh_agenda', entityType: 'meeting', entityId: occurrenceId });
  });
  return getAgenda(ctx, campusId, occurrenceId);
}

const SECTION_ORDER: readonly string[] = AGENDA_SOURCES;

/** Where a section with no items yet begins: before the first item of a later section. */
function sectionStart(order: readonly number[], rows: ReadonlyMap<number, AgendaItemRow>, source: string): number {
  const rank = SECTION_ORDER.indexOf(source);
  const at = order.findIndex((id) => SECTION_ORDER.indexOf(rows.get(id)?.source ?? '') > rank);
  return at >= 0 ? at : order.length;
}
