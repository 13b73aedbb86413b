import { Type, type Static } from 'typebox';
import type { ActionItemRow, AgendaItemRow, AmendmentRow } from '../../db/repositories/council.repository.js';
import { IdSchema, InstantSchema, LocalDateSchema, iso } from '../../http/schemas.js';
import type { Decision } from '../../usecases/council-decisions.js';
import type { MeetingSummary } from '../../usecases/council-meetings.js';
import type { AttendanceSheet, MinutesRecord, MotionWithVotes } from '../../usecases/council-minutes-read.js';
import { MeetingSchema, presentMeeting } from './council.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableInstant = Nullable(InstantSchema);
const Version = Type.Integer({ minimum: 1, description: 'The version you loaded; a mismatch gives 409 council.stale' });

export const MotionParams = Type.Object({ campusId: IdSchema, meetingId: IdSchema, motionId: IdSchema }, { additionalProperties: false });
export const VoteParams = Type.Object({ campusId: IdSchema, meetingId: IdSchema, motionId: IdSchema, schoolId: IdSchema }, { additionalProperties: false });
export const ActionItemParams = Type.Object({ campusId: IdSchema, actionItemId: IdSchema }, { additionalProperties: false });

/** A meeting with where it is in its life and its minutes' life. */
export const MeetingStateSchema = Type.Object({
  ...MeetingSchema.properties,
  openedAt: NullableInstant,
  closedAt: NullableInstant,
  circulatedAt: NullableInstant,
  approvedAt: NullableInstant,
  approvedInId: Type.Union([IdSchema, Type.Null()], { description: 'The later meeting whose motion approved these minutes' }),
  lockedAt: NullableInstant,
});

export function presentMeetingState(summary: MeetingSummary): Static<typeof MeetingStateSchema> {
  const m = summary.meeting;
  return {
    ...presentMeeting(summary),
    openedAt: iso(m?.openedAt ?? null),
    closedAt: iso(m?.closedAt ?? null),
    circulatedAt: iso(m?.circulatedAt ?? null),
    approvedAt: iso(m?.approvedAt ?? null),
    approvedInId: m?.approvedInId ?? null,
    lockedAt: iso(m?.lockedAt ?? null),
  };
}

export const CloseMeetingSchema = Type.Object({
  ...MeetingStateSchema.properties,
  lockedMinutesOf: Type.Array(IdSchema, { description: 'Earlier meetings whose minutes this meeting approved: now locked' }),
});

const AttendanceStatusSchema = Type.Union([Type.Literal('present'), Type.Literal('absent'), Type.Literal('represented')], {
  description: 'represented (by an alternate or a proxy) counts as present',
});

export const AttendanceInputSchema = Type.Object(
  {
    attendance: Type.Array(
      Type.Object({ schoolId: IdSchema, status: AttendanceStatusSchema, note: Type.Optional(Type.String({ maxLength: 200, description: 'Who came, or who represented the school' })) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 100, description: 'The schools listed; the others keep what they had (never recorded: absent)' },
    ),
    version: Type.Optional(Type.Integer({ minimum: 1, description: "The meeting's version you loaded; a mismatch gives 409 council.stale" })),
  },
  { additionalProperties: false },
);

export const AttendanceSheetSchema = Type.Object({
  attendance: Type.Array(
    Type.Object({ schoolId: IdSchema, schoolName: Type.String(), schoolCode: Type.String(), status: AttendanceStatusSchema, note: Type.String(), recorded: Type.Boolean({ description: 'false: never recorded, absent by default' }) }),
    { description: 'Every member school, by location code' },
  ),
  quorum: Type.Object({
    present: Type.Integer({ description: 'Member schools present or represented' }),
    required: Type.Integer(),
    met: Type.Boolean(),
    memberCount: Type.Integer(),
    quorumPercent: Type.Integer(),
  }),
});

export function presentAttendance(sheet: AttendanceSheet): Static<typeof AttendanceSheetSchema> {
  return {
    attendance: sheet.entries.map((e) => ({ schoolId: e.school.id, schoolName: e.school.name, schoolCode: e.school.locationCode, status: e.status, note: e.note, recorded: e.recorded })),
    quorum: sheet.quorum,
  };
}

export const NotesInputSchema = Type.Object({ notes: Type.String({ maxLength: 20_000, description: 'The whole text of the notes (line breaks kept)' }), version: Version }, { additionalProperties: false });

export const NotesSchema = Type.Object({ id: IdSchema, meetingId: IdSchema, notes: Type.String(), version: Type.Integer(), updatedAt: InstantSchema });

export function presentNotes(row: AgendaItemRow): Static<typeof NotesSchema> {
  return { id: row.id, meetingId: row.meetingId, notes: row.notes, version: row.version, updatedAt: iso(row.updatedAt) };
}

const ScopeSchema = Type.Union([Type.Literal('series'), Type.Literal('following'), Type.Literal('occurrence')]);
const decisions = (closed: boolean) => {
  const o = closed ? { additionalProperties: false } : {};
  return Type.Union(
    [
      Type.Object({ kind: Type.Literal('booking'), bookingId: IdSchema, occurrenceId: Type.Optional(IdSchema), action: Type.Literal('cancel'), scope: ScopeSchema }, { ...o, description: 'Cancel a booking (series, this and following, or one occurrence)' }),
      Type.Object({ kind: Type.Literal('closure'), closureId: IdSchema, action: Type.Literal('lift') }, { ...o, description: 'Lift a closure' }),
      Type.Object({ kind: Type.Literal('conflict'), ref: Type.String({ minLength: 1, maxLength: 200 }) }, { ...o, description: 'Settle a conflict (recorded only)' }),
      Type.Object({ kind: Type.Literal('policy'), text: Type.String({ minLength: 1, maxLength: 2000 }) }, { ...o, description: 'Adopt a policy (recorded only)' }),
      Type.Object({ kind: Type.Literal('minutes'), meetingId: IdSchema }, { ...o, description: 'Approve the circulated minutes of an earlier meeting' }),
    ],
    { description: 'What the motion decides; a carried booking, closure or minutes decision is applied with the result' },
  );
};

export const MotionInputSchema = Type.Object(
  {
    agendaItemId: IdSchema,
    text: Type.String({ minLength: 1, maxLength: 2000 }),
    moverSchoolId: Type.Union([IdSchema], { description: 'A school you sit on the council for' }),
    seconderSchoolId: Type.Optional(Nullable(IdSchema)),
    decision: Type.Optional(Nullable(decisions(true))),
  },
  { additionalProperties: false },
);

const VoteChoiceSchema = Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('abstain')]);
export const VoteInputSchema = Type.Object({ vote: VoteChoiceSchema }, { additionalProperties: false });

export const MotionSchema = Type.Object({
  id: IdSchema,
  meetingId: IdSchema,
  agendaItemId: IdSchema,
  text: Type.String(),
  moverSchoolId: IdSchema,
  seconderSchoolId: Nullable(IdSchema),
  decision: Nullable(decisions(false)),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  result: Type.Union([Type.Literal('carried'), Type.Literal('failed'), Type.Literal('no_quorum'), Type.Null()], { description: 'null while the vote is open' }),
  yes: Type.Integer(),
  no: Type.Integer(),
  abstain: Type.Integer(),
  appliedAt: Type.Union([InstantSchema, Type.Null()], { description: 'When a carried decision changed the calendar or the minutes' }),
  createdBy: Nullable(IdSchema),
  createdAt: InstantSchema,
  closedAt: NullableInstant,
  votes: Type.Array(Type.Object({ schoolId: IdSchema, vote: VoteChoiceSchema, castBy: IdSchema, castAt: InstantSchema }), { description: 'One per school' }),
});

export function presentMotion(m: MotionWithVotes): Static<typeof MotionSchema> {
  return {
    id: m.id,
    meetingId: m.meetingId,
    agendaItemId: m.agendaItemId,
    text: m.text,
    moverSchoolId: m.moverSchoolId,
    seconderSchoolId: m.seconderSchoolId,
    decision: (m.decision as Decision | null) ?? null,
    status: m.status,
    result: m.result,
    yes: m.yes,
    no: m.no,
    abstain: m.abstain,
    appliedAt: iso(m.appliedAt),
    createdBy: m.createdBy,
    createdAt: iso(m.createdAt),
    closedAt: iso(m.closedAt),
    votes: m.votes.map((v) => ({ schoolId: v.schoolId, vote: v.vote, castBy: v.castBy, castAt: iso(v.castAt) })),
  };
}

export const AmendmentInputSchema = Type.Object({ text: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });

export const AmendmentSchema = Type.Object({ id: IdSchema, meetingId: IdSchema, text: Type.String(), byUserId: IdSchema, byName: Type.String(), at: InstantSchema });

export function presentAmendment(a: AmendmentRow & { byName: string }): Static<typeof AmendmentSchema> {
  return { id: a.id, meetingId: a.meetingId, text: a.text, byUserId: a.byUserId, byName: a.byName, at: iso(a.createdAt) };
}

const ActionStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('cancelled')]);
const actionFields = {
  what: Type.String({ minLength: 1, maxLength: 500 }),
  ownerUserId: Type.Optional(Nullable(IdSchema)),
  ownerSchoolId: IdSchema,
  dueDate: Type.Optional(Nullable(LocalDateSchema)),
};

export const ActionItemInputSchema = Type.Object(
  { meetingId: Type.Union([IdSchema], { description: 'The meeting that records it' }), agendaItemId: Type.Optional(Nullable(IdSchema)), ...actionFields },
  { additionalProperties: false },
);

export const ActionItemPatchSchema = Type.Object(
  {
    what: Type.Optional(actionFields.what),
    ownerUserId: actionFields.ownerUserId,
    ownerSchoolId: Type.Optional(IdSchema),
    dueDate: actionFields.dueDate,
    status: Type.Optional(ActionStatusSchema),
    version: Version,
  },
  { additionalProperties: false, minProperties: 2, description: 'The changes and the version you loaded' },
);

export const ActionItemQuery = Type.Object({ status: Type.Optional(ActionStatusSchema) }, { additionalProperties: false });

export const ActionItemSchema = Type.Object({
  id: IdSchema,
  campusId: IdSchema,
  meetingId: IdSchema,
  agendaItemId: Nullable(IdSchema),
  what: Type.String(),
  ownerUserId: Nullable(IdSchema),
  ownerSchoolId: IdSchema,
  dueDate: Nullable(Type.String()),
  status: ActionStatusSchema,
  version: Type.Integer(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  doneAt: NullableInstant,
});

export function presentActionItem(a: ActionItemRow): Static<typeof ActionItemSchema> {
  return { ...a, createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt), doneAt: iso(a.doneAt) };
}

export const MinutesSchema = Type.Object({
  meeting: MeetingStateSchema,
  ...AttendanceSheetSchema.properties,
  items: Type.Array(
    Type.Object({
      id: IdSchema,
      position: Type.Integer(),
      source: Type.String(),
      title: Type.String(),
      titleKey: Nullable(Type.String()),
      titleParams: Nullable(Type.Record(Type.String(), Type.String())),
      detail: Type.String(),
      schoolId: Nullable(IdSchema),
      minutes: Type.Integer(),
      start: Type.Union([Type.String(), Type.Null()], { description: 'Planned HH:mm; null for merged and withdrawn items' }),
      end: Nullable(Type.String()),
      mergedIntoId: Nullable(IdSchema),
      withdrawn: Type.Boolean(),
      notes: Type.String(),
      version: Type.Integer({ description: 'Send it back with new notes' }),
      motions: Type.Array(MotionSchema),
    }),
    { description: 'The agenda as written down, in order' },
  ),
  actionItems: Type.Array(ActionItemSchema, { description: 'Recorded at this meeting' }),
  amendments: Type.Array(AmendmentSchema, { description: 'Corrections after approval, oldest first' }),
});

export function presentMinutes(record: MinutesRecord): Static<typeof MinutesSchema> {
  return {
    meeting: presentMeetingState(record.summary),
    ...presentAttendance(record.attendance),
    items: record.items.map((item) => ({
      id: item.id,
      position: item.position,
      source: item.source,
      title: item.title,
      titleKey: item.titleKey,
      titleParams: item.titleKey ? (item.titleParams ?? {}) : null,
      detail: item.detail,
      schoolId: item.schoolId,
      minutes: item.minutes,
      start: item.start,
      end: item.end,
      mergedIntoId: item.mergedIntoId,
      withdrawn: item.withdrawnAt !== null,
      notes: item.notes,
      version: item.version,
      motions: item.motions.map(presentMotion),
    })),
    actionItems: record.actionItems.map(presentActionItem),
    amendments: record.amendments.map(presentAmendment),
  };
}
