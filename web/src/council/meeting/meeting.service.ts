/** The Meeting room's calls: thin typed functions over the one API client. */
import { api } from '../../api/client.js';
import type { Booking } from '../../api/types.js';
import type {
  ActionItem,
  ActionItemInput,
  Agenda,
  Amendment,
  AttendanceSheet,
  AttendanceStatus,
  ClosedMeeting,
  CouncilMeeting,
  CouncilPerson,
  MeetingState,
  Minutes,
  Motion,
  MotionInput,
  NotesSaved,
  VoteChoice,
} from './meeting.types.js';

const council = (campusId: number) => `/campuses/${campusId}/council`;
const meeting = (campusId: number, meetingId: number) => `${council(campusId)}/meetings/${meetingId}`;

export const listMeetings = (campusId: number) => api<CouncilMeeting[]>('GET', `${council(campusId)}/meetings`);
export const getAgenda = (campusId: number, meetingId: number) => api<Agenda>('GET', `${meeting(campusId, meetingId)}/agenda`);
/** 403 forbidden for a draft read by someone outside the council. */
export const getMinutes = (campusId: number, meetingId: number) => api<Minutes>('GET', `${meeting(campusId, meetingId)}/minutes`);

export const openMeeting = (campusId: number, meetingId: number) => api<MeetingState>('POST', `${meeting(campusId, meetingId)}/open`);
/** 409 state with openMotionIds while a vote is open. */
export const closeMeeting = (campusId: number, meetingId: number) => api<ClosedMeeting>('POST', `${meeting(campusId, meetingId)}/close`);
export const circulateMinutes = (campusId: number, meetingId: number) => api<MeetingState>('POST', `${meeting(campusId, meetingId)}/minutes/circulate`);

export const setAttendance = (campusId: number, meetingId: number, entries: Array<{ schoolId: number; status: AttendanceStatus; note?: string }>) =>
  api<AttendanceSheet>('PUT', `${meeting(campusId, meetingId)}/attendance`, { body: { attendance: entries } });

/** 409 council.stale when someone saved the notes since `version`. */
export const writeNotes = (campusId: number, meetingId: number, itemId: number, notes: string, version: number) =>
  api<NotesSaved>('PATCH', `${meeting(campusId, meetingId)}/agenda/items/${itemId}/notes`, { body: { notes, version } });

export const proposeMotion = (campusId: number, meetingId: number, input: MotionInput) => api<Motion>('POST', `${meeting(campusId, meetingId)}/motions`, { body: input });
export const castVote = (campusId: number, meetingId: number, motionId: number, schoolId: number, vote: VoteChoice) =>
  api<Motion>('PUT', `${meeting(campusId, meetingId)}/motions/${motionId}/votes/${schoolId}`, { body: { vote } });
export const closeVote = (campusId: number, meetingId: number, motionId: number) => api<Motion>('POST', `${meeting(campusId, meetingId)}/motions/${motionId}/close`);

export const addAmendment = (campusId: number, meetingId: number, text: string) => api<Amendment>('POST', `${meeting(campusId, meetingId)}/minutes/amendments`, { body: { text } });

export const listCouncilMembers = (campusId: number) => api<CouncilPerson[]>('GET', `${council(campusId)}/members`);
export const listOpenActionItems = (campusId: number) => api<ActionItem[]>('GET', `${council(campusId)}/action-items`, { query: { status: 'open' } });
export const createActionItem = (campusId: number, input: ActionItemInput) => api<ActionItem>('POST', `${council(campusId)}/action-items`, { body: input });
export const setActionItemStatus = (campusId: number, id: number, status: ActionItem['status'], version: number) =>
  api<ActionItem>('PATCH', `${council(campusId)}/action-items/${id}`, { body: { status, version } });

/** A booking a motion may cancel (every role reads bookings). */
export const getBooking = (bookingId: number) => api<Booking>('GET', `/bookings/${bookingId}`);

