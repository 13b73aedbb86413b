import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { CampusParams, IdSchema, NameSchema, problems } from '../../http/schemas.js';
import { getAgenda, refreshAgenda } from '../../usecases/council-agenda.js';
import { mergeAgendaItem, reorderAgenda, submitAgendaItem, updateAgendaItem, withdrawAgendaItem } from '../../usecases/council-agenda-items.js';
import { councilSettings, createCouncilSeries, findMeeting, listCouncilMembers, listMeetings, setMeetingRoles, updateCouncilSettings } from '../../usecases/council-meetings.js';
import {
  AgendaItemParams,
  AgendaItemRowSchema,
  AgendaSchema,
  CouncilSettingsPatch,
  CouncilSettingsSchema,
  MeetingParams,
  MeetingSchema,
  presentAgenda,
  presentAgendaItem,
  presentMeeting,
  presentSettings,
  SeriesInputSchema,
} from './council.schemas.js';

const tags = ['council'];
const read = { access: 'campus.read' as const };
const participate = { access: 'council.participate' as const };
const manage = { access: 'council.manage' as const };
const Version = Type.Optional(Type.Integer({ minimum: 1, description: 'The version you loaded; a mismatch gives 409 council.stale' }));

/** The Building Council: settings, the meeting series, meetings and their agendas. */
export const councilRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/campuses/:campusId/council/settings',
    { config: read, schema: { tags, summary: 'Quorum, standing topics, deadline', params: CampusParams, response: { 200: CouncilSettingsSchema, ...problems(400, 401, 403, 404) } } },
    async (request) => presentSettings(councilSettings(useCaseContext(request), request.params.campusId)),
  );

  app.patch(
    '/campuses/:campusId/council/settings',
    {
      config: manage,
      schema: { tags, summary: 'Change the council settings', params: CampusParams, body: CouncilSettingsPatch, response: { 200: CouncilSettingsSchema, ...problems(400, 401, 403, 404, 409, 413, 415) } },
    },
    async (request) => presentSettings(updateCouncilSettings(useCaseContext(request), request.params.campusId, request.body)),
  );

  app.get(
    '/campuses/:campusId/council/members',
    {
      config: read,
      schema: {
        tags,
        summary: 'Who sits on the council, for which school and in which role (one vote per school)',
        params: CampusParams,
        response: {
          200: Type.Array(Type.Object({ userId: IdSchema, name: Type.String(), schoolId: IdSchema, role: Type.Union([Type.Literal('lead'), Type.Literal('council'), Type.Literal('principal')]) })),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => listCouncilMembers(useCaseContext(request), request.params.campusId),
  );

  app.post(
    '/campuses/:campusId/council/series',
    {
      config: manage,
      schema: {
        tags,
        summary: "Book the council's meetings (for the building office) and make them the council's series",
        params: CampusParams,
        body: SeriesInputSchema,
        response: { 201: Type.Object({ seriesId: IdSchema, bookingId: IdSchema, meetings: Type.Integer() }), ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { exdates = [], ...rest } = request.body;
      const { series, booking, occurrences } = createCouncilSeries(useCaseContext(request), request.params.campusId, { ...rest, exdates });
      return reply.code(201).send({ seriesId: series.id, bookingId: booking.id, meetings: occurrences.length });
    },
  );

  app.get(
    '/campuses/:campusId/council/meetings',
    {
      config: read,
      schema: { tags, summary: 'Every meeting of the series, in date order', params: CampusParams, response: { 200: Type.Array(MeetingSchema), ...problems(400, 401, 403, 404) } },
    },
    async (request) => listMeetings(useCaseContext(request), request.params.campusId).meetings.map(presentMeeting),
  );

  app.get(
    '/campuses/:campusId/council/meetings/:meetingId',
    { config: read, schema: { tags, summary: 'One meeting', params: MeetingParams, response: { 200: MeetingSchema, ...problems(400, 401, 403, 404) } } },
    async (request) => presentMeeting(findMeeting(useCaseContext(request), request.params.campusId, request.params.meetingId)),
  );

  app.patch(
    '/campuses/:campusId/council/meetings/:meetingId',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Change the chair or the note-taker (they rotate among the schools by default)',
        params: MeetingParams,
        body: Type.Object(
          { chairSchoolId: Type.Optional(Type.Union([IdSchema, Type.Null()])), noteTakerSchoolId: Type.Optional(Type.Union([IdSchema, Type.Null()])), version: Version },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: MeetingSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      setMeetingRoles(ctx, request.params.campusId, request.params.meetingId, request.body);
      return presentMeeting(findMeeting(ctx, request.params.campusId, request.params.meetingId));
    },
  );

  app.get(
    '/campuses/:campusId/council/meetings/:meetingId/agenda',
    {
      config: read,
      schema: { tags, summary: 'The agenda, with each item’s time, the total and the planned end (every role may read it)', params: MeetingParams, response: { 200: AgendaSchema, ...problems(400, 401, 403, 404) } },
    },
    async (request) => presentAgenda(getAgenda(useCaseContext(request), request.params.campusId, request.params.meetingId)),
  );

  app.post(
    '/campuses/:campusId/council/meetings/:meetingId/agenda/items',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Submit an item for your school, before the deadline (its place follows the rotation of schools)',
        params: MeetingParams,
        body: Type.Object(
          { schoolId: IdSchema, title: NameSchema, detail: Type.Optional(Type.String({ maxLength: 4000 })), minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })) },
          { additionalProperties: false },
        ),
        response: { 201: AgendaItemRowSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => reply.code(201).send(presentAgendaItem(submitAgendaItem(useCaseContext(request), request.params.campusId, request.params.meetingId, request.body))),
  );

  app.put(
    '/campuses/:campusId/council/meetings/:meetingId/agenda/order',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Reorder the agenda: every item, once',
        params: MeetingParams,
        body: Type.Object({ itemIds: Type.Array(IdSchema, { maxItems: 500 }), version: Version }, { additionalProperties: false }),
        response: { 200: AgendaSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      reorderAgenda(ctx, request.params.campusId, request.params.meetingId, request.body);
      return presentAgenda(getAgenda(ctx, request.params.campusId, request.params.meetingId));
    },
  );

  app.post(
    '/campuses/:campusId/council/meetings/:meetingId/agenda/refresh',
    {
      config: participate,
      schema: { tags, summary: 'Add what has come up since the agenda was written down', params: MeetingParams, response: { 200: AgendaSchema, ...problems(400, 401, 403, 404, 409) } },
    },
    async (request) => presentAgenda(refreshAgenda(useCaseContext(request), request.params.campusId, request.params.meetingId)),
  );

  app.patch(
    '/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Time-box an item, or reword one your school submitted',
        params: AgendaItemParams,
        body: Type.Object(
          { title: Type.Optional(NameSchema), detail: Type.Optional(Type.String({ maxLength: 4000 })), minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })), version: Version },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AgendaItemRowSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { campusId, meetingId, itemId } = request.params;
      return presentAgendaItem(updateAgendaItem(useCaseContext(request), campusId, meetingId, itemId, request.body));
    },
  );

  app.post(
    '/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId/merge',
    {
      config: participate,
      schema: {
        tags,
        summary: 'Merge this item into another (its time is added there)',
        params: AgendaItemParams,
        body: Type.Object({ intoId: IdSchema, version: Version }, { additionalProperties: false }),
        response: { 200: AgendaItemRowSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const { campusId, meetingId, itemId } = request.params;
      return presentAgendaItem(mergeAgendaItem(useCaseContext(request), campusId, meetingId, itemId, request.body));
    },
  );

  app.post(
    '/campuses/:campusId/council/meetings/:meetingId/agenda/items/:itemId/withdraw',
    {
      config: participate,
      schema: { tags, summary: 'Withdraw an item your school submitted (before the meeting)', params: AgendaItemParams, response: { 200: AgendaItemRowSchema, ...problems(400, 401, 403, 404, 409) } },
    },
    async (request) => {
      const { campusId, meetingId, itemId } = request.params;
      return presentAgendaItem(withdrawAgendaItem(useCaseContext(request), campusId, meetingId, itemId));
    },
  );
};
