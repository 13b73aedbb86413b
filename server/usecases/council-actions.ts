/**
 * Action items: what a meeting asked someone to do. They are minuted at the meeting that created
 * them and carried from agenda to agenda until done (or cancelled), so any council member may
 * follow one up from any later meeting — its owner, due date and status change over time. Its
 * wording is part of the minutes it was created in, and stays as approved.
 */
import { inWriteTransaction } from '../db/connection.js';
import type { ActionItemRow } from '../db/repositories/council.repository.js';
import { mayEditMinutes } from '../domain/council/lifecycle.js';
import { DomainError, invalidField, unknownReference } from '../domain/errors.js';
import { isLocalDate } from '../domain/wallclock.js';
import { recordChange } from './audit.js';
import { requirePermission } from './authorize.js';
import { requireActiveCampus, requireCampus } from './campuses.js';
import { requireInCampus, type UseCaseContext } from './context.js';
import { ensureMeeting, listMeetings, memberSchools, requireCouncilMember, requireVersion } from './council-meetings.js';
import { requireEditableMinutes } from './council-minutes.js';

export type ActionItemStatus = ActionItemRow['status'];

export interface ActionItemInput {
  meetingId: number;
  agendaItemId?: number | null;
  what: string;
  ownerUserId?: number | null;
  ownerSchoolId: number;
  /** YYYY-MM-DD */
  dueDate?: string | null;
}

export interface ActionItemChanges {
  what?: string;
  ownerUserId?: number | null;
  ownerSchoolId?: number;
  dueDate?: string | null;
  status?: ActionItemStatus;
  version: number;
}

/** Owner, school and due date: the owner is someone with a role on this campus, the school a member school. */
function validateAssignment(ctx: UseCaseContext, campusId: number, values: { ownerUserId?: number | null; ownerSchoolId?: number; dueDate?: string | null }): void {
  const { ownerUserId, ownerSchoolId, dueDate } = values;
  if (ownerSchoolId !== undefined && !memberSchools(ctx, campusId).some((s) => s.id === ownerSchoolId)) {
    throw unknownReference('ownerSchoolId', 'member school', ownerSchoolId);
  }
  if (ownerUserId !== undefined && ownerUserId !== null && !ctx.repos.users.membershipsOf(ownerUserId).some((m) => m.campusId === campusId)) {
    throw unknownReference('ownerUserId', 'person', ownerUserId);
  }
  if (dueDate !== undefined && dueDate !== null && !isLocalDate(dueDate)) throw invalidField('dueDate', `"${dueDate}" is not a real date YYYY-MM-DD`);
}

function requiredText(field: string, value: string): string {
  const text = value.trim();
  if (text === '') throw invalidField(field, 'must not be empty');
  return text;
}

/** A meeting records an action item while its minutes are editable. */
export function createActionItem(ctx: UseCaseContext, campusId: number, input: ActionItemInput): ActionItemRow {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requireCouncilMember(ctx, campusId);
    if (!listMeetings(ctx, campusId).meetings.some((m) => m.occurrence.occurrenceId === input.meetingId)) throw unknownReference('meetingId', 'meeting', input.meetingId);
    const meeting = ensureMeeting(ctx, campusId, input.meetingId);
    requireEditableMinutes(meeting);
    const agendaItemId = input.agendaItemId ?? null;
    if (agendaItemId !== null && ctx.repos.council.agendaItem(agendaItemId)?.meetingId !== meeting.occurrenceId) {
      throw unknownReference('agendaItemId', 'agenda item of this meeting', agendaItemId);
    }
    validateAssignment(ctx, campusId, input);
    const now = ctx.clock();
    const row = ctx.repos.council.insertActionItem({
      campusId,
      meetingId: meeting.occurrenceId,
      agendaItemId,
      what: requiredText('what', input.what),
      ownerUserId: input.ownerUserId ?? null,
      ownerSchoolId: input.ownerSchoolId,
      dueDate: input.dueDate ?? null,
      status: 'open',
      createdAt: now,
      updatedAt: now,
    });
    recordChange(ctx, { campusId, schoolId: row.ownerSchoolId, action: 'action_item.create', entityType: 'action_item', entityId: row.id, after: row });
    return row;
  });
}

/** Follow-up from any meeting: reassign, reschedule, mark done or cancelled; `version` guards against a lost update. */
export function updateActionItem(ctx: UseCaseContext, campusId: number, actionItemId: number, changes: ActionItemChanges): ActionItemRow {
  return inWriteTransaction(ctx.repos.db, () => {
    requireActiveCampus(ctx, campusId);
    requireCouncilMember(ctx, campusId);
    const item = requireInCampus(ctx.repos.council.actionItem(actionItemId), campusId, 'action item', actionItemId);
    requireVersion(item, changes.version);
    const { version: _version, what, status, ...assignment } = changes;
    if (what !== undefined) {
      const origin = ctx.repos.council.meeting(item.meetingId)!;
      if (!mayEditMinutes(origin.minutesStatus)) {
        throw new DomainError('state', `The wording is part of minutes that are ${origin.minutesStatus}: cancel this item and record a new one instead.`, { minutesStatus: origin.minutesStatus });
      }
    }
    validateAssignment(ctx, campusId, assignment);
    const now = ctx.clock();
    const after = ctx.repos.council.updateActionItem(actionItemId, {
      ...assignment,
      ...(what === undefined ? {} : { what: requiredText('what', what) }),
      ...(status === undefined || status === item.status ? {} : { status, doneAt: status === 'done' ? now : null }),
      updatedAt: now,
    });
    recordChange(ctx, { campusId, schoolId: after.ownerSchoolId, action: 'action_item.update', entityType: 'action_item', entityId: actionItemId, before: item, after });
    return after;
  });
}

/** The campus's action items (every role reads them: open ones are on every agenda). */
export function listActionItems(ctx: UseCaseContext, campusId: number, filter: { status?: ActionItemStatus }): ActionItemRow[] {
  requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'campus.read');
  return ctx.repos.council.actionItemsOf(campusId, filter.status);
}
