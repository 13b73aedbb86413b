import { Type, type Static } from 'typebox';
import type { AgendaItemRow, CouncilSettingsRow } from '../../db/repositories/council.repository.js';
import { IdSchema, iso, LocalDateTimeSchema } from '../../http/schemas.js';
import type { AgendaView } from '../../usecases/council-agenda.js';
import type { MeetingSummary } from '../../usecases/council-meetings.js';

export const CouncilSettingsSchema = Type.Object({
  campusId: IdSchema,
  quorumPercent: Type.Integer({ minimum: 0, maximum: 100, description: 'Quorum: more than this share of member schools present (50 = a majority)' }),
  standingTopics: Type.Array(Type.String(), { description: 'Topics on every agenda' }),
  submissionDeadlineHours: Type.Integer({ description: 'Members submit items until this many hours before a meeting' }),
  highImpactAttendees: Type.Integer({ description: 'A booking this large is high-impact, whatever its space' }),
});

export const CouncilSettingsPatch = Type.Partial(
  Type.Object({
    quorumPercent: Type.Integer({ minimum: 1, maximum: 99 }),
    standingTopics: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 30 }),
    submissionDeadlineHours: Type.Integer({ minimum: 0, maximum: 24 * 14 }),
    highImpactAttendees: Type.Integer({ minimum: 1, maximum: 100_000 }),
  }),
  { additionalProperties: false, minProperties: 1 },
);

export function presentSettings(row: CouncilSettingsRow): Static<typeof CouncilSettingsSchema> {
  const { updatedAt: _updatedAt, ...rest } = row;
  return rest;
}

export const SeriesInputSchema = Type.Object(
  {
    spaceId: IdSchema,
    start: Type.String({ ...LocalDateTimeSchema, description: 'The first meeting start, campus wall-clock time' }),
    end: Type.String({ ...LocalDateTimeSchema, description: 'The first meeting end' }),
    rrule: Type.Union([Type.String({ maxLength: 300 }), Type.Null()], { examples: ['FREQ=WEEKLY;BYDAY=TU'] }),
    exdates: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$' }), { maxItems: 400 })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const MeetingSchema = Type.Object({
  id: IdSchema,
  bookingId: IdSchema,
  sequence: Type.Integer({ description: '0, 1, 2… in date order: drives the rotations' }),
  localStart: Type.String(),
  localEnd: Type.String(),
  startUtc: Type.String(),
  endUtc: Type.String(),
  cancelled: Type.Boolean(),
  spaceId: IdSchema,
  chairSchoolId: Type.Union([IdSchema, Type.Null()]),
  noteTakerSchoolId: Type.Union([IdSchema, Type.Null()]),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('open'), Type.Literal('closed')]),
  minutesStatus: Type.Union([Type.Literal('draft'), Type.Literal('circulated'), Type.Literal('approved'), Type.Literal('locked')]),
  version: Type.Union([Type.Integer(), Type.Null()], { description: 'null until something was written about the meeting' }),
});

export function presentMeeting(summary: MeetingSummary): Static<typeof MeetingSchema> {
  const { occurrence, meeting } = summary;
  return {
    id: occurrence.occurrenceId,
    bookingId: occurrence.bookingId,
    sequence: summary.sequence,
    localStart: occurrence.localStart,
    localEnd: occurrence.localEnd,
    startUtc: iso(occurrence.startUtc),
    endUtc: iso(occurrence.endUtc),
    cancelled: occurrence.status === 'cancelled',
    spaceId: occurrence.spaceId,
    chairSchoolId: summary.chairSchoolId,
    noteTakerSchoolId: summary.noteTakerSchoolId,
    status: meeting?.status ?? 'scheduled',
    minutesStatus: meeting?.minutesStatus ?? 'draft',
    version: meeting?.version ?? null,
  };
}

export const MeetingParams = Type.Object({ campusId: IdSchema, meetingId: IdSchema }, { additionalProperties: false });
export const AgendaItemParams = Type.Object({ campusId: IdSchema, meetingId: IdSchema, itemId: IdSchema }, { additionalProperties: false });

const LineSchema = Type.Object({ key: Type.String(), params: Type.Record(Type.String(), Type.String()), text: Type.String() });

export const AgendaItemSchema = Type.Object({
  id: Type.Union([IdSchema, Type.Null()], { description: 'null while the agenda is the live draft' }),
  position: Type.Integer(),
  source: Type.String({ description: 'minutes_approval | action_item | council_matter | high_impact | submitted | standing' }),
  sourceType: Type.Union([Type.String(), Type.Null()]),
  sourceId: Type.Union([Type.Integer(), Type.Null()]),
  title: Type.String({ description: 'As written; for generated items, the English rendering of titleKey' }),
  titleKey: Type.Union([Type.String(), Type.Null()], { description: 'A generated title: translate it with titleParams' }),
  titleParams: Type.Union([Type.Record(Type.String(), Type.String()), Type.Null()]),
  detail: Type.String(),
  detailLines: Type.Union([Type.Array(LineSchema), Type.Null()]),
  schoolId: Type.Union([IdSchema, Type.Null()]),
  minutes: Type.Integer(),
  start: Type.String({ description: 'HH:mm, campus time' }),
  end: Type.String(),
  notes: Type.String(),
  merged: Type.Array(Type.Object({ id: IdSchema, title: Type.String() })),
  version: Type.Union([Type.Integer(), Type.Null()]),
});

export const AgendaSchema = Type.Object({
  meeting: MeetingSchema,
  drafted: Type.Boolean({ description: 'false: the live draft, built from the campus state; the first change writes it down' }),
  items: Type.Array(AgendaItemSchema),
  totalMinutes: Type.Integer(),
  plannedEnd: Type.String({ description: 'HH:mm' }),
  submissionDeadline: Type.String({ description: 'Members submit items until then (RFC 3339)' }),
  version: Type.Union([Type.Integer(), Type.Null()], { description: "The meeting's version: send it with a new order" }),
});

export function presentAgenda(view: AgendaView): Static<typeof AgendaSchema> {
  return {
    meeting: presentMeeting(view.summary),
    drafted: view.drafted,
    items: view.items.map((item) => ({
      id: item.id,
      position: item.position,
      source: item.source,
      sourceType: item.sourceType,
      sourceId: item.sourceId,
      title: item.title,
      titleKey: item.titleKey,
      titleParams: item.titleKey ? (item.titleParams ?? {}) : null,
      detail: item.detail,
      detailLines: item.detailLines ?? null,
      schoolId: item.schoolId,
      minutes: item.minutes,
      start: item.start,
      end: item.end,
      notes: 'notes' in item ? item.notes : '',
      merged: item.merged,
      version: item.version,
    })),
    totalMinutes: view.totalMinutes,
    plannedEnd: view.plannedEnd,
    submissionDeadline: iso(view.submissionDeadline),
    version: view.version,
  };
}

export function presentAgendaItem(row: AgendaItemRow) {
  return { id: row.id, position: row.position, title: row.title, detail: row.detail, minutes: row.minutes, schoolId: row.schoolId, source: row.source, version: row.version };
}

export const AgendaItemRowSchema = Type.Object({
  id: IdSchema,
  position: Type.Integer(),
  title: Type.String(),
  detail: Type.String(),
  minutes: Type.Integer(),
  schoolId: Type.Union([IdSchema, Type.Null()]),
  source: Type.String(),
  version: Type.Integer(),
});
