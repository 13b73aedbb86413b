import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { actionItems, agendaItems, attendance, councilSeries, councilSettings, meetings, minutesAmendments, motions, votes } from '../schema/index.js';

export type CouncilSettingsRow = typeof councilSettings.$inferSelect;
export type CouncilSeriesRow = typeof councilSeries.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type NewAgendaItem = Omit<typeof agendaItems.$inferInsert, 'id'>;
export type AttendanceRow = typeof attendance.$inferSelect;
export type MotionRow = typeof motions.$inferSelect;
export type NewMotion = Omit<typeof motions.$inferInsert, 'id'>;
export type VoteRow = typeof votes.$inferSelect;
export type ActionItemRow = typeof actionItems.$inferSelect;
export type NewActionItem = Omit<typeof actionItems.$inferInsert, 'id'>;
export type AmendmentRow = typeof minutesAmendments.$inferSelect;

/** One occurrence of the council's booking chain (the series and the splits that continue it). */
export interface SeriesOccurrence {
  occurrenceId: number;
  bookingId: number;
  originalLocalStart: string;
  localStart: string;
  localEnd: string;
  startUtc: number;
  endUtc: number;
  status: 'active' | 'cancelled';
  spaceId: number;
  /** Changed or cancelled by a person (a series edit leaves it as it is). */
  isException: boolean;
  /** Its date is one its booking skips (an EXDATE). */
  skipped: boolean;
}

export function createCouncilRepository(db: Db) {
  // A "this and following" edit splits a booking: the new one names the old in split_from_id.
  const chainOccurrences = db.$client.prepare<[bookingId: number], Omit<SeriesOccurrence, 'isException' | 'skipped'> & { isException: number; skipped: number }>(
    `WITH RECURSIVE chain(id) AS (SELECT ? UNION SELECT b.id FROM bookings b JOIN chain c ON b.split_from_id = c.id)
     SELECT o.id AS occurrenceId, o.booking_id AS bookingId, o.original_local_start AS originalLocalStart,
            o.local_start AS localStart, o.local_end AS localEnd, o.start_utc AS startUtc, o.end_utc AS endUtc,
            o.status AS status, o.space_id AS spaceId, o.is_exception AS isException,
            EXISTS (SELECT 1 FROM json_each(b.exdates) e WHERE substr(e.value, 1, 10) = substr(o.original_local_start, 1, 10)) AS skipped
       FROM occurrences o JOIN chain c ON o.booking_id = c.id JOIN bookings b ON b.id = o.booking_id
      ORDER BY o.original_local_start, o.id`,
  );

  return {
    settings(campusId: number): CouncilSettingsRow | undefined {
      return db.select().from(councilSettings).where(eq(councilSettings.campusId, campusId)).get();
    },
    saveSettings(values: CouncilSettingsRow): CouncilSettingsRow {
      return db.insert(councilSettings).values(values).onConflictDoUpdate({ target: councilSettings.campusId, set: values }).returning().get();
    },

    seriesOf(campusId: number): CouncilSeriesRow | undefined {
      return db.select().from(councilSeries).where(eq(councilSeries.campusId, campusId)).orderBy(asc(councilSeries.id)).get();
    },
    insertSeries(values: Omit<CouncilSeriesRow, 'id'>): CouncilSeriesRow {
      return db.insert(councilSeries).values(values).returning().get();
    },
    occurrencesOf(series: CouncilSeriesRow): SeriesOccurrence[] {
      return chainOccurrences.all(series.bookingId).map((o) => ({ ...o, isException: o.isException === 1, skipped: o.skipped === 1 }));
    },

    meeting(occurrenceId: number): MeetingRow | undefined {
      return db.select().from(meetings).where(eq(meetings.occurrenceId, occurrenceId)).get();
    },
    meetingsOf(campusId: number): MeetingRow[] {
      return db.select().from(meetings).where(eq(meetings.campusId, campusId)).orderBy(asc(meetings.sequence)).all();
    },
    insertMeeting(values: NewMeeting): MeetingRow {
      return db.insert(meetings).values(values).returning().get();
    },
    /** Bumps the version; the caller checks the version it was given first. */
    updateMeeting(occurrenceId: number, values: Partial<NewMeeting>): MeetingRow {
      return db
        .update(meetings)
        .set({ ...values, version: sql`${meetings.version} + 1` })
        .where(eq(meetings.occurrenceId, occurrenceId))
        .returning()
        .get();
    },

    agenda(meetingId: number): AgendaItemRow[] {
      return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position), asc(agendaItems.id)).all();
    },
    agendaItem(id: number): AgendaItemRow | undefined {
      return db.select().from(agendaItems).where(eq(agendaItems.id, id)).get();
    },
    insertAgendaItem(values: NewAgendaItem): AgendaItemRow {
      return db.insert(agendaItems).values(values).returning().get();
    },
    updateAgendaItem(id: number, values: Partial<NewAgendaItem>): AgendaItemRow {
      return db
        .update(agendaItems)
        .set({ ...values, version: sql`${agendaItems.version} + 1` })
        .where(eq(agendaItems.id, id))
        .returning()
        .get();
    },
    /** Positions only: the order of the agenda, not a change of any item's content. */
    setPositions(order: ReadonlyArray<{ id: number; position: number }>): void {
      for (const { id, position } of order) db.update(agendaItems).set({ position }).where(eq(agendaItems.id, id)).run();
    },

    attendance(meetingId: number): AttendanceRow[] {
      return db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
    },
    saveAttendance(values: AttendanceRow): AttendanceRow {
      return db
        .insert(attendance)
        .values(values)
        .onConflictDoUpdate({ target: [attendance.meetingId, attendance.schoolId], set: { status: values.status, note: values.note, updatedBy: values.updatedBy, updatedAt: values.updatedAt } })
        .returning()
        .get();
    },

    motionsOf(meetingId: number): MotionRow[] {
      return db.select().from(motions).where(eq(motions.meetingId, meetingId)).orderBy(asc(motions.id)).all();
    },
    motion(id: number): MotionRow | undefined {
      return db.select().from(motions).where(eq(motions.id, id)).get();
    },
    insertMotion(values: NewMotion): MotionRow {
      return db.insert(motions).values(values).returning().get();
    },
    updateMotion(id: number, values: Partial<NewMotion>): MotionRow {
      return db.update(motions).set(values).where(eq(motions.id, id)).returning().get();
    },
    votesOf(motionIds: readonly number[]): VoteRow[] {
      if (motionIds.length === 0) return [];
      return db.select().from(votes).where(inArray(votes.motionId, [...motionIds])).orderBy(asc(votes.motionId), asc(votes.schoolId)).all();
    },
    saveVote(values: VoteRow): VoteRow {
      return db
        .insert(votes)
        .values(values)
        .onConflictDoUpdate({ target: [votes.motionId, votes.schoolId], set: { vote: values.vote, castBy: values.castBy, castAt: values.castAt } })
        .returning()
        .get();
    },

    openActionItems(campusId: number): ActionItemRow[] {
      return db
        .select()
        .from(actionItems)
        .where(and(eq(actionItems.campusId, campusId), eq(actionItems.status, 'open')))
        .orderBy(asc(actionItems.dueDate), asc(actionItems.id))
        .all();
    },
    /** The campus's action items, oldest first; with a status, only those. */
    actionItemsOf(campusId: number, status?: ActionItemRow['status']): ActionItemRow[] {
      const where = status === undefined ? eq(actionItems.campusId, campusId) : and(eq(actionItems.campusId, campusId), eq(actionItems.status, status));
      return db.select().from(actionItems).where(where).orderBy(asc(actionItems.id)).all();
    },
    actionItemsOfMeeting(meetingId: number): ActionItemRow[] {
      return db.select().from(actionItems).where(eq(actionItems.meetingId, meetingId)).orderBy(asc(actionItems.id)).all();
    },
    actionItem(id: number): ActionItemRow | undefined {
      return db.select().from(actionItems).where(eq(actionItems.id, id)).get();
    },
    insertActionItem(values: NewActionItem): ActionItemRow {
      return db.insert(actionItems).values(values).returning().get();
    },
    updateActionItem(id: number, values: Partial<NewActionItem>): ActionItemRow {
      return db
        .update(actionItems)
        .set({ ...values, version: sql`${actionItems.version} + 1` })
        .where(eq(actionItems.id, id))
        .returning()
        .get();
    },

    amendmentsOf(meetingId: number): AmendmentRow[] {
      return db.select().from(minutesAmendments).where(eq(minutesAmendments.meetingId, meetingId)).orderBy(asc(minutesAmendments.id)).all();
    },
    insertAmendment(values: Omit<AmendmentRow, 'id'>): AmendmentRow {
      return db.insert(minutesAmendments).values(values).returning().get();
    },
  };
}

export type CouncilRepository = ReturnType<typeof createCouncilRepository>;
