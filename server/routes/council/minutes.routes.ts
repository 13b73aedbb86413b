import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { CampusParams, problems } from '../../http/schemas.js';
import { createActionItem, listActionItems, updateActionItem } from '../../usecases/council-actions.js';
import { findMeeting } from '../../usecases/council-meetings.js';
import { amendMinutes, circulateMinutes, closeMeeting, openMeeting, setAttendance, writeNotes } from '../../usecases/council-minutes.js';
import { getMinutes } from '../../usecases/council-minutes-read.js';
import { castVote, closeMotion, proposeMotion } from '../../usecases/council-motions.js';
import { AgendaItemParams, MeetingParams } from './council.schemas.js';
import {
  ActionItemInputSchema,
  ActionItemParams,
  ActionItemPatchSchema,
  ActionItemQuery,
  ActionItemSchema,
  AmendmentInputSchema,
  AmendmentSchema,
  AttendanceInputSchema,
  AttendanceSheetSchema,
  CloseMeetingSchema,
  MeetingStateSchema,
  MinutesSchema,
  MotionInputSchema,
  MotionParams,
  MotionSchema,
  NotesInputSchema,
  NotesSchema,
  presentActionItem,
  presentAmendment,
  presentAttendance,
  presentMeetingState,
  presentMinutes,
  presentMotion,
  presentNotes,
  VoteInputSchema,
  VoteParams,
} from './minutes.schemas.js';

const tags = ['council'];
const read = { access: 'campus.read' as const };
const participate = { access: 'council.participate' as const };
const meetingUrl = '/campuses/:campusId/council/meetings/:meetingId';
const WRITE_PROBLEMS = problems(400, 401, 403, 404, 409, 413, 415);

/** Meetings in session and their minutes: attendance, notes, motions and votes, action items, approval. */
export const councilMinutesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    `${meetingUrl}/open`,
    { config: participate, schema: { tags, summary: 'Open the meeting (its agenda is settled from now on)', params: MeetingParams, response: { 200: MeetingStateSchema, ...problems(400, 401, 403, 404, 409) } } },
    async (request) => {
      const ctx = useCaseContext(request);
      const { campusId, meetingId } = request.params;
      openMeeting(ctx, campusId, meetingId);
      return presentMeetingState(findMeeting(ctx, campusId, meetingId));
    },
  );

  app.post(
    `${meetingUrl}/close`,
    {
      config: participate,
      schema: { tags, summary: 'Close the meeting: every motion must be decided; minutes it approved are locked', params: MeetingParams, response: { 200: CloseMeetingSchema, ...problems(400, 401, 403, 404, 409) } },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const { campusId, meetingId } = request.params;
      const { lockedMeetingIds } = closeMeeting(ctx, campusId, meetingId);
      return { ...presentMeetingState(findMeeting(ctx, campusId, meetingId)), lockedMinutesOf: lockedMeetingIds };
    },
  );

  app.put(
    `${meetingUrl}/attendance`,
    { config: participate, schema: { tags, summary: 'Record which member schools are present, absent or represented', params: MeetingParams, body: AttendanceInputSchema, response: { 200: AttendanceSheetSchema, ...WRITE_PROBLEMS } } },
    async (request) => {
      const { campusId, meetingId } = request.params;
      return presentAttendance(setAttendance(useCaseContext(request), campusId, meetingId, request.body.attendance, request.body.version));
    },
  );

  app.patch(
    `${meetingUrl}/agenda/items/:itemId/notes`,
    {
      config: participate,
      schema: {
        tags,
        summary: 'Write the minutes of an agenda item',
        description: 'Send the version you loaded: if someone saved meanwhile, 409 council.stale and their text is kept.',
        params: AgendaItemParams,
        body: NotesInputSchema,
        response: { 200: NotesSchema, ...WRITE_PROBLEMS },
      },
    },
    async (request) => {
      const { campusId, meetingId, itemId } = request.params;
      return presentNotes(writeNotes(useCaseContext(request), campusId, meetingId, itemId, request.body));
    },
  );

  app.post(
    `${meetingUrl}/motions`,
    { config: participate, schema: { tags, summary: 'Move a motion in the name of a school you sit for', params: MeetingParams, body: MotionInputSchema, response: { 201: MotionSchema, ...WRITE_PROBLEMS } } },
    async (request, reply) => {
      const { campusId, meetingId } = request.params;
      return reply.code(201).send(presentMotion(proposeMotion(useCaseContext(request), campusId, meetingId, request.body)));
    },
  );

  app.put(
    `${meetingUrl}/motions/:motionId/votes/:schoolId`,
    {
      config: participate,
      schema: {
        tags,
        summary: "Cast (or change) a school's vote",
        description: 'One vote per school, by someone who sits for it; the school must be present or represented.',
        params: VoteParams,
        body: VoteInputSchema,
        response: { 200: MotionSchema, ...WRITE_PROBLEMS },
      },
    },
    async (request) => {
      const { campusId, meetingId, motionId, schoolId } = request.params;
      return presentMotion(castVote(useCaseContext(request), campusId, meetingId, motionId, { schoolId, vote: request.body.vote }));
    },
  );

  app.post(
    `${meetingUrl}/motions/:motionId/close`,
    {
      config: participate,
      schema: {
        tags,
        summary: 'Close the vote: tally under the quorum rule; a carried decision is applied at once',
        description: 'If a carried decision cannot be applied (say the occurrence has started), nothing changes and the answer says why.',
        params: MotionParams,
        response: { 200: MotionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { campusId, meetingId, motionId } = request.params;
      return presentMotion(closeMotion(useCaseContext(request), campusId, meetingId, motionId));
    },
  );

  app.post(
    `${meetingUrl}/minutes/circulate`,
    { config: participate, schema: { tags, summary: 'Circulate the minutes of a closed meeting', params: MeetingParams, response: { 200: MeetingStateSchema, ...problems(400, 401, 403, 404, 409) } } },
    async (request) => {
      const ctx = useCaseContext(request);
      const { campusId, meetingId } = request.params;
      circulateMinutes(ctx, campusId, meetingId);
      return presentMeetingState(findMeeting(ctx, campusId, meetingId));
    },
  );

  app.post(
    `${meetingUrl}/minutes/amendments`,
    { config: participate, schema: { tags, summary: 'Append a correction to approved or locked minutes', params: MeetingParams, body: AmendmentInputSchema, response: { 201: AmendmentSchema, ...WRITE_PROBLEMS } } },
    async (request, reply) => {
      const { campusId, meetingId } = request.params;
      return reply.code(201).send(presentAmendment(amendMinutes(useCaseContext(request), campusId, meetingId, request.body)));
    },
  );

  app.get(
    `${meetingUrl}/minutes`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The minutes: attendance, quorum, notes, motions and votes, action items, amendments',
        description: 'Every role reads circulated minutes; a draft only council members and admins (others: 403 forbidden).',
        params: MeetingParams,
        response: { 200: MinutesSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentMinutes(getMinutes(useCaseContext(request), request.params.campusId, request.params.meetingId)),
  );

  app.post(
    '/campuses/:campusId/council/action-items',
    { config: participate, schema: { tags, summary: 'Record an action item at a meeting', params: CampusParams, body: ActionItemInputSchema, response: { 201: ActionItemSchema, ...WRITE_PROBLEMS } } },
    async (request, reply) => reply.code(201).send(presentActionItem(createActionItem(useCaseContext(request), request.params.campusId, request.body))),
  );

  app.patch(
    '/campuses/:campusId/council/action-items/:actionItemId',
    {
      config: participate,
      schema: { tags, summary: 'Follow up an action item from any meeting: owner, due date, done', params: ActionItemParams, body: ActionItemPatchSchema, response: { 200: ActionItemSchema, ...WRITE_PROBLEMS } },
    },
    async (request) => presentActionItem(updateActionItem(useCaseContext(request), request.params.campusId, request.params.actionItemId, request.body)),
  );

  app.get(
    '/campuses/:campusId/council/action-items',
    { config: read, schema: { tags, summary: "The campus's action items (status=open: those carried to the next agenda)", params: CampusParams, querystring: ActionItemQuery, response: { 200: Type.Array(ActionItemSchema), ...problems(400, 401, 403, 404) } } },
    async (request) => listActionItems(useCaseContext(request), request.params.campusId, request.query).map(presentActionItem),
  );
};
