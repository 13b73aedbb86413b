/** The Council home's calls: thin typed functions over the one API client. */
import { api } from '../api/client.js';
import type { ActionItem, Agenda, AgendaItemRow, CouncilMeeting, CouncilSeriesCreated, CouncilSeriesInput, CouncilSettings } from './council.types.js';

const council = (campusId: number) => `/campuses/${campusId}/council`;
const agenda = (campusId: number, meetingId: number) => `${council(campusId)}/meetings/${meetingId}/agenda`;
/** A version the server has not given yet (null) is simply not sent. */
const versioned = (version: number | null) => (version === null ? {} : { version });

export const getCouncilSettings = (campusId: number) => api<CouncilSettings>('GET', `${council(campusId)}/settings`);

/** Only the fields given change (admin and principal: 'council.manage'); 400 validation names the field, e.g. "standingTopics/3". */
export const updateCouncilSettings = (campusId: number, changes: Partial<Omit<CouncilSettings, 'campusId'>>) =>
  api<CouncilSettings>('PATCH', `${council(campusId)}/settings`, { body: changes });

/** Every meeting of the series in date order; [] when the campus has no series yet. */
export const listMeetings = (campusId: number) => api<CouncilMeeting[]>('GET', `${council(campusId)}/meetings`);

/** 201; 409 booking.conflict carries conflicts and alternatives (ApiError.problem). */
export const createSeries = (campusId: number, input: CouncilSeriesInput) => api<CouncilSeriesCreated>('POST', `${council(campusId)}/series`, { body: input });

export const setMeetingRoles = (campusId: number, meetingId: number, roles: { chairSchoolId?: number | null; noteTakerSchoolId?: number | null }, version: number | null) =>
  api<CouncilMeeting>('PATCH', `${council(campusId)}/meetings/${meetingId}`, { body: { ...roles, ...versioned(version) } });

export const getAgenda = (campusId: number, meetingId: number) => api<Agenda>('GET', agenda(campusId, meetingId));

export const submitItem = (campusId: number, meetingId: number, input: { schoolId: number; title: string; detail?: string; minutes?: number }) =>
  api<AgendaItemRow>('POST', `${agenda(campusId, meetingId)}/items`, { body: input });

export const reorderAgenda = (campusId: number, meetingId: number, itemIds: number[], version: number | null) =>
  api<Agenda>('PUT', `${agenda(campusId, meetingId)}/order`, { body: { itemIds, ...versioned(version) } });

/** Writes the live draft down (ids appear) and adds what has come up since. */
export const refreshAgenda = (campusId: number, meetingId: number) => api<Agenda>('POST', `${agenda(campusId, meetingId)}/refresh`);

export const timeBoxItem = (campusId: number, meetingId: number, itemId: number, minutes: number, version: number | null) =>
  api<AgendaItemRow>('PATCH', `${agenda(campusId, meetingId)}/items/${itemId}`, { body: { minutes, ...versioned(version) } });

export const mergeItem = (campusId: number, meetingId: number, itemId: number, intoId: number, version: number | null) =>
  api<AgendaItemRow>('POST', `${agenda(campusId, meetingId)}/items/${itemId}/merge`, { body: { intoId, ...versioned(version) } });

export const withdrawItem = (campusId: number, meetingId: number, itemId: number) => api<AgendaItemRow>('POST', `${agenda(campusId, meetingId)}/items/${itemId}/withdraw`);

/** Built by the minutes work: 404 while that route does not exist yet. */
export const listOpenActionItems = (campusId: number) => api<ActionItem[]>('GET', `${council(campusId)}/action-items`, { query: { status: 'open' } });
