import { Type, type Static } from 'typebox';
import type { BookingRow } from '../../db/repositories/bookings.repository.js';
import type { OccurrenceRow } from '../../db/repositories/occurrences.repository.js';
import { MAX_OCCURRENCES_PER_SERIES } from '../../domain/limits.js';
import { definitionOf } from '../../usecases/bookings.js';
import { IdSchema, InstantSchema, LocalDateTimeSchema, NameSchema, iso } from '../../http/schemas.js';

const RRuleSchema = Type.Union([Type.String({ maxLength: 300 }), Type.Null()], {
  description:
    'RFC 5545 RRULE (without DTSTART): FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY (ordinals like 2TU, -1FR for MONTHLY), BYMONTHDAY, COUNT, UNTIL (YYYYMMDD local date or UTC …Z), WKST. A series ends by COUNT, UNTIL or at the latest at the end of the school year.',
  examples: ['FREQ=WEEKLY;BYDAY=TU,TH', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=6'],
});
const ExdatesSchema = Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$' }), {
  maxItems: MAX_OCCURRENCES_PER_SERIES,
  description: 'Occurrences to skip: a wall-clock start (YYYY-MM-DDTHH:mm) or a whole date (YYYY-MM-DD)',
});

const bookingFields = {
  spaceId: IdSchema,
  schoolId: IdSchema,
  title: NameSchema,
  purpose: Type.Optional(Type.String({ maxLength: 2000 })),
  attendees: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Expected attendees; checked against the space capacity' }),
  start: Type.String({ ...LocalDateTimeSchema, description: 'First occurrence start, campus wall-clock time' }),
  end: Type.String({ ...LocalDateTimeSchema, description: 'First occurrence end, campus wall-clock time (at most 24 h after start)' }),
  rrule: Type.Optional(RRuleSchema),
  exdates: Type.Optional(ExdatesSchema),
};

export const BookingInputSchema = Type.Object(bookingFields, { additionalProperties: false });

const { schoolId: _schoolId, ...changeable } = bookingFields;
export const BookingChangesSchema = Type.Partial(Type.Object(changeable), {
  additionalProperties: false,
  minProperties: 1,
  description: 'Only the fields to change. With scope=occurrence: title, attendees, spaceId, start, end.',
});

export const ScopeSchema = Type.Union([Type.Literal('series'), Type.Literal('following'), Type.Literal('occurrence')], {
  default: 'series',
  description: 'series: every occurrence; following: this occurrence and those after it (the series is split); occurrence: this one only',
});

export const ChangeQuery = Type.Object(
  {
    scope: Type.Optional(ScopeSchema),
    occurrenceId: Type.Optional(Type.Union([IdSchema], { description: 'Required for scope occurrence and following' })),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version you loaded; a mismatch gives 409 booking.stale' })),
    dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Check only: answer 200 with the analysis, write nothing' })),
  },
  { additionalProperties: false },
);

const { dryRun: _dryRun, ...cancelFields } = ChangeQuery.properties;
export const CancelQuery = Type.Object(cancelFields, { additionalProperties: false });

export const DryRunQuery = Type.Object({ dryRun: Type.Optional(ChangeQuery.properties.dryRun) }, { additionalProperties: false });
export const BookingParams = Type.Object({ bookingId: IdSchema }, { additionalProperties: false });

const Times = {
  localStart: Type.String(),
  localEnd: Type.String(),
  startUtc: InstantSchema,
  endUtc: InstantSchema,
};

export const OccurrenceSchema = Type.Object({
  id: IdSchema,
  bookingId: IdSchema,
  spaceId: IdSchema,
  schoolId: IdSchema,
  originalLocalStart: Type.String({ description: 'The rule instance this occurrence came from (RECURRENCE-ID)' }),
  ...Times,
  status: Type.String(),
  isException: Type.Boolean({ description: 'Edited apart from its series' }),
  title: Type.Union([Type.String(), Type.Null()], { description: 'Overrides the booking title for this occurrence' }),
  attendees: Type.Union([Type.Integer(), Type.Null()]),
  cancelledAt: Type.Union([InstantSchema, Type.Null()]),
  cancelledBy: Type.Union([Type.Integer(), Type.Null()]),
});

export const BookingSchema = Type.Object({
  id: IdSchema,
  campusId: IdSchema,
  spaceId: IdSchema,
  schoolId: IdSchema,
  title: Type.String(),
  purpose: Type.String(),
  attendees: Type.Integer(),
  start: Type.String(),
  end: Type.String(),
  rrule: Type.Union([Type.String(), Type.Null()]),
  exdates: Type.Array(Type.String()),
  status: Type.String(),
  version: Type.Integer(),
  splitFromId: Type.Union([IdSchema, Type.Null()]),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  cancelledBy: Type.Union([Type.Integer(), Type.Null()]),
  cancelledAt: Type.Union([InstantSchema, Type.Null()]),
  occurrences: Type.Array(OccurrenceSchema),
});

export const BookingListQuery = Type.Object(
  {
    schoolId: Type.Optional(IdSchema),
    spaceId: Type.Optional(IdSchema),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('cancelled')])),
  },
  { additionalProperties: false },
);

const { occurrences: _occurrences, ...summaryFields } = BookingSchema.properties;
export const BookingSummarySchema = Type.Object({
  ...summaryFields,
  activeOccurrences: Type.Integer(),
  firstStartUtc: Type.Union([InstantSchema, Type.Null()]),
  lastEndUtc: Type.Union([InstantSchema, Type.Null()]),
});

export function presentBookingSummary(row: { booking: BookingRow; activeOccurrences: number; firstStartUtc: number | null; lastEndUtc: number | null }): Static<typeof BookingSummarySchema> {
  const { occurrences: _none, ...booking } = presentBooking({ booking: row.booking, occurrences: [] });
  return { ...booking, activeOccurrences: row.activeOccurrences, firstStartUtc: iso(row.firstStartUtc), lastEndUtc: iso(row.lastEndUtc) };
}

export function presentOccurrence(o: OccurrenceRow): Static<typeof OccurrenceSchema> {
  return {
    id: o.id,
    bookingId: o.bookingId,
    spaceId: o.spaceId,
    schoolId: o.schoolId,
    originalLocalStart: o.originalLocalStart,
    localStart: o.localStart,
    localEnd: o.localEnd,
    startUtc: iso(o.startUtc),
    endUtc: iso(o.endUtc),
    status: o.status,
    isException: o.isException,
    title: o.title,
    attendees: o.attendees,
    cancelledAt: iso(o.cancelledAt),
    cancelledBy: o.cancelledBy,
  };
}

export function presentBooking({ booking, occurrences }: { booking: BookingRow; occurrences: OccurrenceRow[] }): Static<typeof BookingSchema> {
  return {
    id: booking.id,
    campusId: booking.campusId,
    ...definitionOf(booking),
    status: booking.status,
    version: booking.version,
    splitFromId: booking.splitFromId,
    createdBy: booking.createdBy,
    createdAt: iso(booking.createdAt),
    updatedAt: iso(booking.updatedAt),
    cancelledBy: booking.cancelledBy,
    cancelledAt: iso(booking.cancelledAt),
    occurrences: occurrences.map(presentOccurrence),
  };
}
