/**
 * Everything the Meeting room reads, loaded together and again whenever the campus's revision
 * ticks (every council write is a live event): the meeting list (this meeting, and earlier ones
 * a motion may approve), the agenda, the minutes — or, for someone outside the council reading
 * a draft, the fact that they may not yet — and the open action items.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import { revision } from '../../app/campus.state.js';
import type { ActionItem, Agenda, CouncilMeeting, CouncilPerson, Minutes } from './meeting.types.js';
import { getAgenda, getMinutes, listCouncilMembers, listMeetings, listOpenActionItems } from './meeting.service.js';

export interface MeetingData {
  meetings: CouncilMeeting[];
  agenda: Agenda;
  /** null when the person may not read these minutes yet (a draft, outside the council). */
  minutes: Minutes | null;
  openActions: ActionItem[];
  /** Who sits on the council, for which school: owners of action items are chosen and named from it. */
  people: CouncilPerson[];
}

export interface MeetingLoad {
  data: MeetingData | null;
  error: unknown;
  missing: boolean;
  reload: () => Promise<void>;
  /** Shows an answer the server already gave (a vote, a motion) before the refetch arrives. */
  patch: (change: (data: MeetingData) => MeetingData) => void;
}

async function fetchAll(campusId: number, meetingId: number): Promise<MeetingData> {
  const minutes = getMinutes(campusId, meetingId).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 403) return null;
    throw error;
  });
  // Open action items are a side list: the room works without them.
  const open = listOpenActionItems(campusId).catch(() => [] as ActionItem[]);
  const people = listCouncilMembers(campusId).catch(() => [] as CouncilPerson[]);
  const [meetings, agenda, readable, openActions, members] = await Promise.all([listMeetings(campusId), getAgenda(campusId, meetingId), minutes, open, people]);
  return { meetings, agenda, minutes: readable, openActions, people: members };
}

export function useMeetingData(campusId: number, meetingId: number): MeetingLoad {
  const tick = revision.value;
  const [state, setState] = useState<{ data: MeetingData | null; error: unknown; missing: boolean }>({ data: null, error: null, missing: false });
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    try {
      const data = await fetchAll(campusId, meetingId);
      if (call === latest.current) setState({ data, error: null, missing: false });
    } catch (error) {
      if (call !== latest.current) return;
      const missing = error instanceof ApiError && error.status === 404;
      // A failed refresh keeps what is on the screen (and says so); only a first load shows the error alone.
      setState((s) => ({ data: missing ? null : s.data, error, missing }));
    }
  }, [campusId, meetingId]);

  useEffect(() => {
    void reload();
  }, [reload, tick]);

  const patch = useCallback((change: (data: MeetingData) => MeetingData) => {
    ++latest.current; // a request already under way answered before this write: drop it
    setState((s) => (s.data ? { ...s, data: change(s.data) } : s));
  }, []);

  return { ...state, reload, patch };
}
