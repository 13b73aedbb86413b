/**
 * The minutes API's shapes as the Meeting room uses them: a copy of the server's schemas
 * (server/routes/council/minutes.schemas.ts). The meeting, agenda and action item shapes are
 * the Council home's (../council.types.ts).
 */
import type { ActionItem, CouncilMeeting } from '../council.types.js';

export type { ActionItem, AgendaItem, Agenda, CouncilMeeting, MinutesStatus } from '../council.types.js';

export type MeetingStatus = CouncilMeeting['status'];
export type AttendanceStatus = 'present' | 'absent' | 'represented';
export type VoteChoice = 'yes' | 'no' | 'abstain';
export type Scope = 'series' | 'following' | 'occurrence';
export type MotionResult = 'carried' | 'failed' | 'no_quorum';

/** A meeting with where it is in its life and its minutes' life. */
export interface MeetingState extends CouncilMeeting {
  openedAt: string | null;
  closedAt: string | null;
  circulatedAt: string | null;
  approvedAt: string | null;
  /** The later meeting whose motion approved these minutes. */
  approvedInId: number | null;
  lockedAt: string | null;
}

export interface ClosedMeeting extends MeetingState {
  /** Earlier meetings whose minutes this meeting approved: locked now. */
  lockedMinutesOf: number[];
}

export interface AttendanceEntry {
  schoolId: number;
  schoolName: string;
  schoolCode: string;
  status: AttendanceStatus;
  note: string;
  /** false: never recorded, absent by default. */
  recorded: boolean;
}

export interface Quorum {
  present: number;
  required: number;
  met: boolean;
  memberCount: number;
  quorumPercent: number;
}

export interface AttendanceSheet {
  attendance: AttendanceEntry[];
  quorum: Quorum;
}

export type Decision =
  | { kind: 'booking'; bookingId: number; occurrenceId?: number; action: 'cancel'; scope: Scope }
  | { kind: 'closure'; closureId: number; action: 'lift' }
  | { kind: 'conflict'; ref: string }
  | { kind: 'policy'; text: string }
  | { kind: 'minutes'; meetingId: number };

export interface Vote {
  schoolId: number;
  vote: VoteChoice;
  castBy: number;
  castAt: string;
}

export interface Motion {
  id: number;
  meetingId: number;
  agendaItemId: number;
  text: string;
  moverSchoolId: number;
  seconderSchoolId: number | null;
  decision: Decision | null;
  status: 'open' | 'closed';
  /** null while the vote is open. */
  result: MotionResult | null;
  yes: number;
  no: number;
  abstain: number;
  /** When a carried decision changed the calendar or the minutes. */
  appliedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  closedAt: string | null;
  votes: Vote[];
}

export interface MotionInput {
  agendaItemId: number;
  text: string;
  moverSchoolId: number;
  seconderSchoolId?: number | null;
  decision?: Decision | null;
}

export interface MinutesItem {
  id: number;
  position: number;
  source: string;
  title: string;
  titleKey: string | null;
  titleParams: Record<string, string> | null;
  detail: string;
  schoolId: number | null;
  minutes: number;
  /** Planned HH:mm; null for merged and withdrawn items. */
  start: string | null;
  end: string | null;
  mergedIntoId: number | null;
  withdrawn: boolean;
  notes: string;
  version: number;
  motions: Motion[];
}

export interface Amendment {
  id: number;
  meetingId: number;
  text: string;
  byUserId: number;
  byName: string;
  at: string;
}

export interface Minutes extends AttendanceSheet {
  meeting: MeetingState;
  items: MinutesItem[];
  /** Recorded at this meeting. */
  actionItems: ActionItem[];
  /** Corrections after approval, oldest first. */
  amendments: Amendment[];
}

export interface NotesSaved {
  id: number;
  meetingId: number;
  notes: string;
  version: number;
  updatedAt: string;
}

export interface ActionItemInput {
  meetingId: number;
  agendaItemId?: number | null;
  what: string;
  ownerUserId?: number | null;
  ownerSchoolId: number;
  dueDate?: string | null;
}

/** A person who sits on the council for a school (GET …/council/members). */
export interface CouncilPerson {
  userId: number;
  name: string;
  schoolId: number;
  role: 'lead' | 'council' | 'principal';
}
