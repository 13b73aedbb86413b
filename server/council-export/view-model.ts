/**
 * What the council exports render: plain data, already read and resolved by the caller.
 *
 * Times are campus wall-clock strings, never instants, so that nothing here depends on the
 * server's time zone: a meeting is "YYYY-MM-DDTHH:mm", an item's start and end "HH:mm",
 * a due date "YYYY-MM-DD". Only an amendment's moment is an instant (RFC 3339), printed in
 * the campus's zone.
 */

export type ExportLanguage = 'en' | 'es';

export interface SchoolRef {
  schoolCode: string;
  schoolName: string;
}

export interface MeetingView {
  /** "YYYY-MM-DDTHH:mm", campus wall clock */
  localStart: string;
  /** "YYYY-MM-DDTHH:mm", campus wall clock, same day as the start */
  localEnd: string;
  spaceName: string;
  chair: SchoolRef | null;
  noteTaker: SchoolRef | null;
}

export interface DetailLineView {
  key: string;
  params: Record<string, string>;
  /** The line in English, as the agenda drafted it. */
  text: string;
}

export interface AgendaItemView {
  /** Items are printed in this order and numbered 1, 2, 3… whatever the numbers are. */
  position: number;
  /** As stored: typed by a person, or the English rendering of a generated title. */
  title: string;
  /**
   * A generated title ("agenda.minutesApproval") or an unchanged default standing topic
   * ("agenda.standing.security") is printed from the dictionary in the export's language;
   * null, or a key the dictionary lacks, prints `title` as written.
   */
  titleKey: string | null;
  titleParams: Record<string, string> | null;
  /** As stored: typed by a person, or the English rendering of `detailLines` (joined by "\n"). */
  detail: string;
  /**
   * A generated detail, line by line: each line is printed from the dictionary by `key` in the
   * export's language, or as its `text` when the dictionary lacks the key. null: print `detail`.
   */
  detailLines: DetailLineView[] | null;
  minutes: number;
  /** "HH:mm" */
  start: string;
  /** "HH:mm" */
  end: string;
  schoolCode: string | null;
  /** 'minutes_approval' | 'action_item' | 'council_matter' | 'high_impact' | 'submitted' | 'standing' | … */
  source: string;
}

export interface AgendaView<Item extends AgendaItemView = AgendaItemView> {
  campusName: string;
  /** IANA zone of the campus, printed so that readers know which clock the times are on. */
  timeZone: string;
  meeting: MeetingView;
  items: Item[];
  totalMinutes: number;
  /** "HH:mm" */
  plannedEnd: string;
}

export type MinutesStatus = 'draft' | 'circulated' | 'approved' | 'locked';
export type AttendanceStatus = 'present' | 'absent' | 'represented';
export type VoteValue = 'yes' | 'no' | 'abstain';
export type MotionResult = 'carried' | 'failed' | 'no_quorum';
export type ActionItemStatus = 'open' | 'done' | 'cancelled';

export interface AttendanceView extends SchoolRef {
  status: AttendanceStatus;
  note: string | null;
}

export interface MotionView {
  text: string;
  /** Who moved it, as it should be printed (a person, a school). */
  mover: string | null;
  seconder: string | null;
  votes: Array<{ schoolCode: string; vote: VoteValue }>;
  yes: number;
  no: number;
  abstain: number;
  /** null: not voted yet */
  result: MotionResult | null;
  decision: string | null;
}

export interface MinutesItemView extends AgendaItemView {
  /** What the note-taker wrote; line breaks are kept. */
  notes: string;
  motions: MotionView[];
}

export interface ActionItemView {
  what: string;
  ownerName: string;
  ownerSchoolCode: string | null;
  /** "YYYY-MM-DD" */
  dueDate: string | null;
  status: ActionItemStatus;
}

export interface AmendmentView {
  text: string;
  byName: string;
  /** RFC 3339 instant */
  at: string;
}

export interface MinutesView extends AgendaView<MinutesItemView> {
  status: MinutesStatus;
  attendance: AttendanceView[];
  quorum: { present: number; required: number; met: boolean };
  /** The meeting's action items (one table, whichever item they came from). */
  actionItems: ActionItemView[];
  /** Corrections appended after approval, oldest first. */
  amendments: AmendmentView[];
}
