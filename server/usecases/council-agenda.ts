/**
 * The agenda of a council meeting. Until anyone writes to it, the agenda is a live draft that
 * builds itself from the campus state (server/domain/council/agenda.ts); the first write — a
 * submitted item, a new order, a time-box — writes it down, and from then on it is what the
 * members made of it. `refreshAgenda` adds what has come up since (a new action item, a new
 * high-impact booking) without undoing their changes.
 */
import { inWriteTransaction } from '../db/connection.js';
import type { AgendaItemRow, MeetingRow } from '../db/repositories/council.repository.js';
import { agendaTimes, AGENDA_SOURCES, DEFAULT_MINUTES, draftAgenda, type AgendaInput, type CouncilMatter, type DraftItem, type HighImpactEntry } from '../domain/council/agenda.js';
import { DomainError, invalidField, unknownReference } from '../domain/errors.js';
import { minutesOfDay } from '../domain/spaces.js';
import { recordChange } from './audit.js';
import { requireActiveCampus, requireCampus } from './campuses.js';
import { notFound, type UseCaseContext } from './context.js';
import { councilSettings, ensureMeeting, findMeeting, listMeetings, memberSchools, requireCouncilMember, requireVersion, type MeetingSummary } from './council-meetings.js';
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

function submissionDeadline(ctx: UseCaseContext, campusId: number, summary: MeetingSummary): number {
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

function draftRow(item: DraftItem) {
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
function renumber(ctx: UseCaseContext, occurrenceId: number, orderedIds: readonly number[]): void {
  const rest = ctx.repos.council.agenda(occurrenceId).filter((r) => !orderedIds.includes(r.id));
  ctx.repos.council.setPositions([...orderedIds, ...rest.map((r) => r.id)].map((id, position) => ({ id, position })));
}

/** On the agenda in its own right: neither merged into another item nor withdrawn. */
const onTheAgenda = (r: AgendaItemRow) => r.mergedIntoId === null && r.withdrawnAt === null;

const visibleIds = (rows: readonly AgendaItemRow[]) => rows.filter(onTheAgenda).map((r) => r.id);

/** A title people typed: trimmed, never blank. */
function titleText(title: string): string {
  const text = title.trim();
  if (text === '') throw invalidField('title', 'must not be blank');
  return text;
}

/** A time-box that makes the agenda run past midnight is refused (shortening one never is). */
function requireFitsTheDay(ctx: UseCaseContext, campusId: number, occurrenceId: number, item: AgendaItemRow, minutes: number): void {
  if (minutes <= item.minutes || !onTheAgenda(item)) return;
  const start = minutesOfDay(findMeeting(ctx, campusId, occurrenceId).occurrence.localStart.slice(11, 16)) ?? 0;
  const total = ctx.repos.council.agenda(occurrenceId).filter(onTheAgenda).reduce((sum, r) => sum + (r.id === item.id ? minutes : r.minutes), 0);
  if (start + total > 1440) throw invalidField('minutes', `the agenda would then run ${start + total - 1440} minutes past midnight; shorten another item first`);
}

export interface SubmittedItemInput {
  schoolId: number;
  title: string;
  detail?: string;
  minutes?: number;
}

/**
 * A member puts an item on the agenda for their school, before the deadline. Equal standing:
 * it takes its place among the submitted items by the rotation of this meeting, so the order of
 * schools changes from meeting to meeting and no school is always last.
 */
export function submitAgendaItem(ctx: UseCaseContext, campusId: number, occurrenceId: number, input: SubmittedItemInput): AgendaItemRow {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requireCouncilMember(ctx, campusId, input.schoolId);
    const summary = findMeeting(ctx, campusId, occurrenceId);
    if (ctx.clock() >= submissionDeadline(ctx, campusId, summary)) {
      throw new DomainError('state', 'The deadline for submitting items to this meeting has passed: submit it to the next one.', { deadline: new Date(submissionDeadline(ctx, campusId, summary)).toISOString() });
    }
    const title = titleText(input.title);
    const meeting = writtenDown(ctx, campusId, occurrenceId);
    if (meeting.status !== 'scheduled') throw new DomainError('state', 'The meeting has begun: items can no longer be submitted to it.');
    const now = ctx.clock();
    const row = ctx.repos.council.insertAgendaItem({
      meetingId: occurrenceId,
      source: 'submitted',
      title,
      detail: input.detail?.trim() ?? '',
      schoolId: input.schoolId,
      submittedBy: ctx.actor.userId,
      minutes: input.minutes ?? DEFAULT_MINUTES.submitted,
      position: Number.MAX_SAFE_INTEGER,
      createdAt: now,
      updatedAt: now,
    });
    renumber(ctx, occurrenceId, placeSubmitted(ctx, campusId, summary, row));
    ctx.repos.council.updateMeeting(occurrenceId, { updatedAt: now });
    const saved = ctx.repos.council.agendaItem(row.id)!;
    recordChange(ctx, { campusId, schoolId: input.schoolId, action: 'agenda_item.submit', entityType: 'agenda_item', entityId: row.id, after: saved });
    return saved;
  });
}

/** The visible order with the new submitted item placed by rotation among the submitted ones; the rest keep their order. */
function placeSubmitted(ctx: UseCaseContext, campusId: number, summary: MeetingSummary, added: AgendaItemRow): number[] {
  const rows = ctx.repos.council.agenda(summary.occurrence.occurrenceId).filter((r) => onTheAgenda(r) && r.id !== added.id);
  const schools = memberSchools(ctx, campusId).map((s) => ({ id: s.id, code: s.locationCode }));
  const codes = new Map(schools.map((s) => [s.id, s.code]));
  const submitted = [...rows.filter((r) => r.source === 'submitted'), added];
  // The domain's rotation of submitted items, on an agenda that holds nothing else.
  const rotated = draftAgenda({
    meeting: { id: summary.occurrence.occurrenceId, sequence: summary.sequence, localStart: summary.occurrence.localStart, localEnd: summary.occurrence.localEnd },
    previousMeeting: null,
    openActionItems: [],
    councilMatters: [],
    highImpact: [],
    standingTopics: [],
    submitted: submitted.map((r) => ({ id: r.id, title: r.title, detail: r.detail, schoolId: r.schoolId!, schoolCode: codes.get(r.schoolId!) ?? '', submittedAt: r.createdAt })),
    memberSchools: schools,
  }).map((item) => item.sourceId);
  const before = rotated[rotated.indexOf(added.id) - 1];
  const ids = rows.map((r) => r.id);
  if (before !== undefined && before !== null) ids.splice(ids.indexOf(before) + 1, 0, added.id);
  else {
    const firstSubmitted = rows.findIndex((r) => r.source === 'submitted');
    const firstStanding = rows.findIndex((r) => r.source === 'standing');
    const at = firstSubmitted >= 0 ? firstSubmitted : firstStanding >= 0 ? firstStanding : ids.length;
    ids.splice(at, 0, added.id);
  }
  return ids;
}

function requireItem(ctx: UseCaseContext, campusId: number, occurrenceId: number, itemId: number): AgendaItemRow {
  findMeeting(ctx, campusId, occurrenceId);
  const item = ctx.repos.council.agendaItem(itemId);
  if (!item || item.meetingId !== occurrenceId) throw notFound('agenda item', itemId);
  return item;
}

/** A new order of the whole agenda, before the meeting closes; `version` is the meeting's. */
export function reorderAgenda(ctx: UseCaseContext, campusId: number, occurrenceId: number, order: { itemIds: number[]; version?: number }) {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requireCouncilMember(ctx, campusId);
    const meeting = writtenDown(ctx, campusId, occurrenceId);
    requireVersion(meeting, order.version);
    const current = visibleIds(ctx.repos.council.agenda(occurrenceId));
    const same = order.itemIds.length === current.length && new Set(order.itemIds).size === current.length && order.itemIds.every((id) => current.includes(id));
    if (!same) throw new DomainError('validation', 'The new order must name every item of the agenda once.', { fields: [{ field: 'itemIds', message: `must be a permutation of ${current.join(', ')}` }] });
    renumber(ctx, occurrenceId, order.itemIds);
    const after = ctx.repos.council.updateMeeting(occurrenceId, { updatedAt: ctx.clock() });
    recordChange(ctx, { campusId, action: 'meeting.reorder', entityType: 'meeting', entityId: occurrenceId, before: current, after: order.itemIds });
    return after;
  });
}

export interface AgendaItemChanges {
  title?: string;
  detail?: string;
  minutes?: number;
  version?: number;
}

/**
 * Time-box an item (any member), or reword a submitted one (its school's members). Generated
 * items keep their wording: it is re-rendered in each reader's language.
 */
export function updateAgendaItem(ctx: UseCaseContext, campusId: number, occurrenceId: number, itemId: number, changes: AgendaItemChanges): AgendaItemRow {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requireCouncilMember(ctx, campusId);
    writtenDown(ctx, campusId, occurrenceId);
    const item = requireItem(ctx, campusId, occurrenceId, itemId);
    requireVersion(item, changes.version);
    if (changes.title !== undefined || changes.detail !== undefined) {
      if (item.source !== 'submitted') {
        const field = changes.title !== undefined ? 'title' : 'detail';
        throw new DomainError('validation', 'Only submitted items can be reworded.', { fields: [{ field, message: 'generated items keep their wording' }] });
      }
      requireCouncilMember(ctx, campusId, item.schoolId!);
    }
    if (changes.minutes !== undefined) requireFitsTheDay(ctx, campusId, occurrenceId, item, changes.minutes);
    const { version: _version, title, detail, ...rest } = changes;
    const after = ctx.repos.council.updateAgendaItem(itemId, {
      ...rest,
      ...(title === undefined ? {} : { title: titleText(title) }),
      ...(detail === undefined ? {} : { detail: detail.trim() }),
      updatedAt: ctx.clock(),
    });
    recordChange(ctx, { campusId, schoolId: item.schoolId, action: 'agenda_item.update', entityType: 'agenda_item', entityId: itemId, before: item, after });
    return after;
  });
}

/**
 * Merges one item into another before the meeting: it is discussed there, and its time is added
 * to it. Once the meeting has begun, items carry notes and motions of their own, which a merge
 * would hide from the minutes; so from then on it is refused.
 */
export function mergeAgendaItem(ctx: UseCaseContext, campusId: number, occurrenceId: number, itemId: number, into: { intoId: number; version?: number }): AgendaItemRow {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requireCouncilMember(ctx, campusId);
    const meeting = writtenDown(ctx, campusId, occurrenceId);
    requireVersion(meeting, into.version);
    const item = requireItem(ctx, campusId, occurrenceId, itemId);
    if (meeting.status !== 'scheduled') throw new DomainError('state', 'The meeting has begun: its items are no longer merged (their notes and motions stay where they are).');
    const target = ctx.repos.council.agendaItem(into.intoId);
    if (target?.meetingId !== occurrenceId) throw unknownReference('intoId', 'agenda item of this meeting', into.intoId);
    if (item.id === target.id || !onTheAgenda(item) || !onTheAgenda(target)) {
      throw new DomainError('validation', 'Merge one agenda item into another one that is on the agenda.', { fields: [{ field: 'intoId', message: 'must be another item on the agenda' }] });
    }
    const now = ctx.clock();
    ctx.repos.council.updateAgendaItem(item.id, { mergedIntoId: target.id, updatedAt: now });
    const after = ctx.repos.council.updateAgendaItem(target.id, { minutes: target.minutes + item.minutes, updatedAt: now });
    ctx.repos.council.updateMeeting(occurrenceId, { updatedAt: now });
    recordChange(ctx, { campusId, action: 'agenda_item.merge', entityType: 'agenda_item', entityId: item.id, before: item, after: { mergedIntoId: target.id } });
    return after;
  });
}

/** A school takes back an item it submitted, before the meeting begins. */
export function withdrawAgendaItem(ctx: UseCaseContext, campusId: number, occurrenceId: number, itemId: number): AgendaItemRow {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requireCouncilMember(ctx, campusId);
    const meeting = writtenDown(ctx, campusId, occurrenceId);
    const item = requireItem(ctx, campusId, occurrenceId, itemId);
    if (item.source !== 'submitted' || item.withdrawnAt !== null) throw new DomainError('state', 'Only a submitted item that is on the agenda can be withdrawn.');
    requireCouncilMember(ctx, campusId, item.schoolId!);
    if (meeting.status !== 'scheduled') throw new DomainError('state', 'The meeting has begun: the item stays on its agenda.');
    const now = ctx.clock();
    const after = ctx.repos.council.updateAgendaItem(itemId, { withdrawnAt: now, updatedAt: now });
    // Merged into another item, it had added its time there: the time goes with it.
    const host = item.mergedIntoId === null ? undefined : ctx.repos.council.agendaItem(item.mergedIntoId);
    if (host) ctx.repos.council.updateAgendaItem(host.id, { minutes: Math.max(host.minutes - item.minutes, 1), updatedAt: now });
    ctx.repos.council.updateMeeting(occurrenceId, { updatedAt: now });
    recordChange(ctx, { campusId, schoolId: item.schoolId, action: 'agenda_item.withdraw', entityType: 'agenda_item', entityId: itemId, before: item, after });
    return after;
  });
}

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
