/**
 * The council API's shapes as the Council home uses them: a copy of the server's schemas
 * (server/routes/council/*.schemas.ts); tests/web/council-types.test.ts checks at compile time
 * that they stay the same.
 */

export type MinutesStatus = 'draft' | 'circulated' | 'approved' | 'locked';

export interface CouncilSettings {
  campusId: number;
  quorumPercent: number;
  standingTopics: string[];
  submissionDeadlineHours: number;
  highImpactAttendees: number;
}

export interface CouncilSeriesInput {
  spaceId: number;
  start: string;
  end: string;
  rrule: string | null;
  exdates?: string[];
  title?: string;
}

export interface CouncilSeriesCreated {
  seriesId: number;
  bookingId: number;
  meetings: number;
}

export interface CouncilMeeting {
  /** The meeting is one occurrence of the series' booking: its id is the occurrence's. */
  id: number;
  bookingId: number;
  sequence: number;
  localStart: string;
  localEnd: string;
  startUtc: string;
  endUtc: string;
  cancelled: boolean;
  spaceId: number;
  chairSchoolId: number | null;
  noteTakerSchoolId: number | null;
  status: 'scheduled' | 'open' | 'closed';
  minutesStatus: MinutesStatus;
  version: number | null;
}

/** A generated line: a dictionary key with its parameters, and the English text. */
export interface AgendaLine {
  key: string;
  params: Record<string, string>;
  text: string;
}

export interface AgendaItem {
  /** null while the agenda is the live draft. */
  id: number | null;
  position: number;
  source: string;
  sourceType: string | null;
  sourceId: number | null;
  title: string;
  titleKey: string | null;
  titleParams: Record<string, string> | null;
  detail: string;
  detailLines: AgendaLine[] | null;
  schoolId: number | null;
  minutes: number;
  start: string;
  end: string;
  notes: string;
  merged: Array<{ id: number; title: string }>;
  version: number | null;
}

export interface Agenda {
  meeting: CouncilMeeting;
  /** false: the live draft (no ids yet); the first change writes it down. */
  drafted: boolean;
  items: AgendaItem[];
  totalMinutes: number;
  plannedEnd: string;
  /** RFC 3339 instant. */
  submissionDeadline: string;
  version: number | null;
}

/** What a write about one item answers. */
export interface AgendaItemRow {
  id: number;
  position: number;
  title: string;
  detail: string;
  minutes: number;
  schoolId: number | null;
  source: string;
  version: number;
}

export interface ActionItem {
  id: number;
  campusId: number;
  meetingId: number;
  agendaItemId: number | null;
  what: string;
  ownerUserId: number | null;
  ownerSchoolId: number;
  dueDate: string | null;
  status: 'open' | 'done' | 'cancelled';
  version: number;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}
