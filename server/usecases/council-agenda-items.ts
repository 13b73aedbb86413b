/**
 * What members do to an agenda before and during the meeting: submit an item for their
 * school (placed by the rotation, before the deadline), reorder, time-box, reword, merge and
 * withdraw. Each first writes the live draft down (council-agenda.ts).
 */
import { inWriteTransaction } from '../db/connection.js';
import type { AgendaItemRow } from '../db/repositories/council.repository.js';
import { DEFAULT_MINUTES, draftAgenda } from '../domain/council/agenda.js';
import { DomainError, invalidField, unknownReference } from '../domain/errors.js';
import { minutesOfDay } from '../domain/spaces.js';
import { recordChange } from './audit.js';
import { requireActiveCampus } from './campuses.js';
import { notFound, type UseCaseContext } from './context.js';
import { onTheAgenda, renumber, submissionDeadline, visibleIds, writtenDown } from './council-agenda.js';
import { findMeeting, memberSchools, requireCouncilMember, requireVersion, type MeetingSummary } from './council-meetings.js';

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
