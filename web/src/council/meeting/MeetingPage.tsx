/**
 * The Meeting room (/council/meetings/:meetingId): one council meeting as it happens and as it
 * is recorded — attendance and quorum, each agenda item with its notes and motions, the votes,
 * action items, amendments to approved minutes, and the printable copies. Every role reads the
 * agenda; draft minutes are read by the council and the campus's admins; council members
 * write. Everything reloads when the campus's revision ticks, so each open screen follows the
 * meeting live (a notes box being typed in is never overwritten: see NotesEditor).
 */
import { useState } from 'preact/hooks';
import { campus } from '../../app/campus.state.js';
import { errorText } from '../../app/error-text.js';
import { ErrorMessage, Loading } from '../../app/Status.js';
import { useScreen } from '../../app/useScreen.js';
import { formatDate } from '../../i18n/format.js';
import { useT, registerDictionary } from '../../i18n/i18n.js';
import { membership } from '../../session/session.state.js';
import { ActionItemsPanel } from './ActionItemsPanel.js';
import { AgendaItemCard, type ItemText } from './AgendaItemCard.js';
import { Amendments } from './Amendments.js';
import { Attendance } from './Attendance.js';
import { Exports } from './Exports.js';
import { MeetingHeader } from './MeetingHeader.js';
import { councilSchoolIds, detailLinesById, earlierOpenActions, mayAmendMinutes, mayEditMinutes, mergedTitles, openMotions, visibleItems } from './meeting-view.js';
import { useMeetingData, type MeetingData } from './meeting.hooks.js';
import type { AttendanceSheet, MeetingState, Motion } from './meeting.types.js';
import './meeting.css';
import { councilText } from '../council.i18n.js';
import { meetingText } from './meeting.i18n.js';

// This page loads on demand: its words come with it (web/src/i18n/i18n.ts).
registerDictionary('council', councilText);
registerDictionary('meeting', meetingText);

export function MeetingPage({ meetingId }: { meetingId: string }) {
  const t = useT();
  const id = Number(meetingId);
  const campusValue = campus.value!;
  const load = useMeetingData(campusValue.id, id);
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const announce = (text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 }));
  const found = load.data?.meetings.find((m) => m.id === id) ?? load.data?.agenda.meeting;
  const heading = found ? t('meeting.heading', { date: formatDate(found.localStart, 'long') }) : t('meeting.title');
  useScreen(`council/meeting/${meetingId}`, heading);

  let body;
  if (load.missing || !Number.isInteger(id)) body = <p class="info">{t('meeting.notFound')}</p>;
  else if (!load.data) body = load.error ? <ErrorMessage message={errorText(load.error)} /> : <Loading />;
  else body = <Room data={load.data} campusId={campusValue.id} patch={load.patch} announce={announce} />;

  return (
    <div class="meeting-room">
      <p class="room-back">
        <a href="/council">{t('meeting.back')}</a>
      </p>
      <h1 tabIndex={-1}>{heading}</h1>
      {/* Results of what the person did, for screen readers; each also shows where it happened. */}
      <p class="visually-hidden" role="status" aria-live="polite">
        <span key={announcement.n}>{announcement.text}</span>
      </p>
      {load.data && load.error ? <ErrorMessage message={errorText(load.error)} /> : null}
      {body}
    </div>
  );
}

interface RoomProps {
  data: MeetingData;
  campusId: number;
  patch: (change: (data: MeetingData) => MeetingData) => void;
  announce: (text: string) => void;
}

function Room({ data, campusId, patch, announce }: RoomProps) {
  const t = useT();
  const { agenda, minutes, meetings, openActions, people } = data;
  const meeting: MeetingState = minutes?.meeting ?? { ...agenda.meeting, openedAt: null, closedAt: null, circulatedAt: null, approvedAt: null, approvedInId: null, lockedAt: null };
  const mySchoolIds = councilSchoolIds(membership.value?.schools ?? []);
  const member = mySchoolIds.length > 0;
  const editable = member && mayEditMinutes(meeting.minutesStatus);
  const lines = detailLinesById(agenda.items);
  const fromAgenda = new Map(agenda.items.filter((i) => i.id !== null).map((i) => [i.id!, i]));

  const minutesItems = minutes ? visibleItems(minutes.items) : [];
  const merged = minutes ? mergedTitles(minutes.items) : new Map();
  const texts: ItemText[] =
    minutesItems.length > 0
      ? minutesItems.map((item, index) => ({
          ...item,
          key: String(item.id),
          number: index + 1,
          sourceId: fromAgenda.get(item.id)?.sourceId ?? null,
          detailLines: lines.get(item.id) ?? null,
        }))
      : agenda.items.map((item, index) => ({ ...item, key: `draft-${index}`, number: index + 1 }));

  const onMotion = (motion: Motion) =>
    patch((d) => (d.minutes ? { ...d, minutes: { ...d.minutes, items: d.minutes.items.map((i) => (i.id === motion.agendaItemId ? { ...i, motions: upsert(i.motions, motion) } : i)) } } : d));
  const onAttendance = (sheet: AttendanceSheet) => patch((d) => (d.minutes ? { ...d, minutes: { ...d.minutes, ...sheet } } : d));

  return (
    <>
      <MeetingHeader campusId={campusId} meeting={meeting} meetings={meetings} member={member} openMotionCount={minutes ? openMotions(minutes.items).length : 0} announce={announce} />
      {meeting.cancelled && <p class="info">{t('meeting.cancelled')}</p>}
      {!minutes && <p class="info">{t('meeting.draftHidden')}</p>}
      {minutes && !member && <p class="muted">{t('meeting.readOnly')}</p>}
      {minutes && mayAmendMinutes(meeting.minutesStatus) && <p class="info">{t('meeting.final', { status: t(`meeting.minutesStatusInline.${meeting.minutesStatus}`) })}</p>}

      {minutes && <Attendance campusId={campusId} meetingId={meeting.id} sheet={minutes} editable={editable} onSaved={onAttendance} announce={announce} />}

      <section class="card meeting-section" aria-labelledby="items-heading">
        <h2 id="items-heading">{t('meeting.items.heading')}</h2>
        {member && minutes && minutesItems.length === 0 && meeting.status === 'scheduled' && <p class="muted">{t('meeting.items.notDrafted')}</p>}
        {texts.length === 0 ? (
          <p>{t('meeting.items.empty')}</p>
        ) : (
          <ol class="room-items">
            {texts.map((text) => {
              const item = minutesItems.find((i) => String(i.id) === text.key) ?? null;
              return (
                <AgendaItemCard
                  key={text.key}
                  campusId={campusId}
                  meeting={meeting}
                  text={text}
                  minutes={item}
                  merged={item ? (merged.get(item.id) ?? []) : []}
                  attendance={minutes?.attendance ?? []}
                  mySchoolIds={mySchoolIds}
                  meetings={meetings}
                  onMotion={onMotion}
                  announce={announce}
                />
              );
            })}
          </ol>
        )}
      </section>

      {minutes && (
        <ActionItemsPanel
          campusId={campusId}
          meetingId={meeting.id}
          recorded={minutes.actionItems}
          earlier={earlierOpenActions(openActions, meeting.id)}
          members={minutes.attendance}
          mySchoolIds={mySchoolIds}
          member={member}
          editable={editable && !meeting.cancelled}
          meetings={meetings}
          people={people}
          announce={announce}
        />
      )}

      {minutes && (mayAmendMinutes(meeting.minutesStatus) || minutes.amendments.length > 0) && (
        <Amendments campusId={campusId} meetingId={meeting.id} amendments={minutes.amendments} mayAmend={member && mayAmendMinutes(meeting.minutesStatus)} announce={announce} />
      )}

      <Exports campusId={campusId} meetingId={meeting.id} minutesReadable={minutes !== null} />
    </>
  );
}

function upsert(motions: Motion[], motion: Motion): Motion[] {
  return motions.some((m) => m.id === motion.id) ? motions.map((m) => (m.id === motion.id ? motion : m)) : [...motions, motion];
}
