import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../domain/errors.js';
import type { Conflict } from '../../domain/conflicts.js';
import type { CampusResolver } from '../../http/access.js';
import { useCaseContext } from '../../http/context.js';
import { handleError } from '../../http/problem.js';
import { CampusParams, problems } from '../../http/schemas.js';
import { cancelBooking } from '../../usecases/booking-cancel.js';
import { changeBooking, checkBookingChange } from '../../usecases/booking-changes.js';
import { checkBooking, createBooking, getBooking, listBookings } from '../../usecases/bookings.js';
import { AnalysisSchema, ConflictProblemSchema, presentAnalysis, presentConflicts } from './analysis.schemas.js';
import { BookingChangesSchema, BookingInputSchema, BookingListQuery, BookingParams, BookingSchema, BookingSummarySchema, CancelQuery, ChangeQuery, DryRunQuery, presentBooking, presentBookingSummary } from './bookings.schemas.js';
import { occurrenceRoutes } from './occurrences.routes.js';

const tags = ['bookings'];

/** Routes addressed by booking id are about the booking's campus. */
const bookingCampus: CampusResolver = (request) => {
  const id = Number((request.params as { bookingId?: string }).bookingId);
  return Number.isSafeInteger(id) && id > 0 ? request.server.commons.repos.bookings.get(id)?.campusId : undefined;
};

export const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A 409 carries the same conflicts and alternatives as a dry run, in the API's own shape.
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof DomainError && error.code === 'booking.conflict') {
      const conflicts = presentConflicts(error.details.conflicts as Conflict[]);
      return handleError(new DomainError(error.code, error.message, { ...error.details, conflicts }), request, reply);
    }
    return handleError(error, request, reply);
  });

  app.post(
    '/campuses/:campusId/bookings',
    {
      config: { access: 'bookings.write' },
      schema: {
        tags,
        summary: 'Book a space, once or as a series',
        description:
          'Every occurrence is checked against other bookings of the space, its whole and its parts (with setup and teardown), closures, open hours and capacity. Anything in the way: 409 with the conflicts and suggested alternatives, and nothing is written. With dryRun=true: 200 with the same analysis, nothing written.',
        params: CampusParams,
        querystring: DryRunQuery,
        body: BookingInputSchema,
        response: { 200: AnalysisSchema, 201: BookingSchema, ...problems(400, 404, 413, 415), 409: ConflictProblemSchema },
      },
    },
    async (request, reply) => {
      const { purpose = '', rrule = null, exdates = [], ...rest } = request.body;
      const input = { ...rest, purpose, rrule, exdates };
      const ctx = useCaseContext(request);
      if (request.query.dryRun) return reply.code(200).send(presentAnalysis(checkBooking(ctx, request.params.campusId, input)));
      return reply.code(201).send(presentBooking(createBooking(ctx, request.params.campusId, input)));
    },
  );

  app.get(
    '/campuses/:campusId/bookings',
    {
      config: { access: 'campus.read' },
      schema: {
        tags,
        summary: 'List the bookings (series) of a campus, with a summary of their active occurrences',
        params: CampusParams,
        querystring: BookingListQuery,
        response: { 200: Type.Array(BookingSummarySchema), ...problems(400, 404) },
      },
    },
    async (request) => listBookings(useCaseContext(request), request.params.campusId, request.query).map(presentBookingSummary),
  );

  app.get(
    '/bookings/:bookingId',
    { config: { access: 'campus.read', campusFrom: bookingCampus }, schema: { tags, summary: 'Read a booking with all its occurrences (cancelled ones included)', params: BookingParams, response: { 200: BookingSchema, ...problems(400, 404) } } },
    async (request) => presentBooking(getBooking(useCaseContext(request), request.params.bookingId)),
  );

  app.patch(
    '/bookings/:bookingId',
    {
      config: { access: 'bookings.write', campusFrom: bookingCampus },
      schema: {
        tags,
        summary: 'Edit one occurrence, this and following, or the whole series',
        description:
          'Checked like a new booking (the booking never conflicts with itself). Occurrences edited or cancelled on their own survive a series edit wherever the new rule still has an instance that day. scope=following ends the series before the occurrence and answers with the new series that carries the change.',
        params: BookingParams,
        querystring: ChangeQuery,
        body: BookingChangesSchema,
        response: { 200: Type.Union([BookingSchema, AnalysisSchema]), ...problems(400, 404, 413, 415), 409: ConflictProblemSchema },
      },
    },
    async (request) => {
      const { scope = 'series', occurrenceId, version, dryRun } = request.query;
      const editRequest = { scope, occurrenceId, version, changes: request.body };
      const ctx = useCaseContext(request);
      if (dryRun) return presentAnalysis(checkBookingChange(ctx, request.params.bookingId, editRequest));
      return presentBooking(changeBooking(ctx, request.params.bookingId, editRequest));
    },
  );

  app.delete(
    '/bookings/:bookingId',
    {
      config: { access: 'bookings.write', campusFrom: bookingCampus },
      schema: {
        tags,
        summary: 'Cancel one occurrence, this and following, or the whole series',
        description: 'Nothing is deleted: occurrences keep their record with status cancelled, who and when. Cancelling a series leaves occurrences that already ended as they were.',
        params: BookingParams,
        querystring: CancelQuery,
        response: { 200: BookingSchema, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      const { scope = 'series', occurrenceId, version } = request.query;
      return presentBooking(cancelBooking(useCaseContext(request), request.params.bookingId, { scope, occurrenceId, version }));
    },
  );

  await app.register(occurrenceRoutes);
};
