/**
 * One agenda item in the room: its planned time and time-box, its title and detail in the
 * reader's language, its notes, its motions and — while the meeting is in session — a way to
 * propose one. Without minutes to show (a draft read from outside the council, or an agenda not
 * yet written down) it is the agenda item alone.
 */
import { useRef, useState } from 'preact/hooks';
import { formatTime } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { agendaTextDeps } from '../agenda-deps.js';
import { itemDetailLines, itemTitle } from '../agenda-text.js';
import type { AgendaLine } from '../council.types.js';
import { approvableMeetings, defaultMotionForm } from './motion-form.js';
import type { AttendanceEntry, CouncilMeeting, MeetingState, MinutesItem, Motion } from './meeting.types.js';
import { MotionCard } from './MotionCard.js';
import { NotesEditor } from './NotesEditor.js';
import { ProposeMotion } from './ProposeMotion.js';
import { SchoolName } from './SchoolName.js';
import { mayEditMinutes } from './meeting-view.js';

/** Detail lines shown before "show all": the fortnight's list runs to dozens. */
const PREVIEW_LINES = 3;

export interface ItemText {
  key: string;
  number: number;
  title: string;
  titleKey: string | null;
  titleParams: Record<string, string> | null;
  detail: string;
  detailLines: AgendaLine[] | null;
  source: string;
  /** What a generated item is about (minutes_approval: the earlier meeting's id), from the agenda. */
  sourceId: number | null;
  schoolId: number | null;
  minutes: number;
  start: string | null;
  end: string | null;
}

interface Props {
  campusId: number;
  meeting: MeetingState;
  text: ItemText;
  /** The item's minutes (notes and motions), when the person may read them. */
  minutes: MinutesItem | null;
  merged: MinutesItem[];
  attendance: AttendanceEntry[];
  mySchoolIds: number[];
  meetings: CouncilMeeting[];
  onMotion: (motion: Motion) => void;
  announce: (text: string) => void;
}

export function AgendaItemCard({ campusId, meeting, text, minutes, merged, attendance, mySchoolIds, meetings, onMotion, announce }: Props) {
  const t = useT();
  const deps = agendaTextDeps();
  const [proposing, setProposing] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const title = itemTitle(text, deps);
  const lines = itemDetailLines(text, deps);
  const day = meeting.localStart.slice(0, 10);
  const member = mySchoolIds.length > 0;
  const editable = member && mayEditMinutes(meeting.minutesStatus);
  const inSession = editable && meeting.status === 'open';
  const headingId = `item-${text.key}`;
  const approvable = approvableMeetings(meetings, meeting);

  return (
    <li class="room-item">
      <article aria-labelledby={headingId}>
        <p class="room-item-time">
          {text.start && text.end ? `${formatTime(`${day}T${text.start}`)}–${formatTime(`${day}T${text.end}`)} · ` : ''}
          {t('meeting.items.minutes', { count: text.minutes })}
        </p>
        <h3 id={headingId} class="room-item-title">
          <span class="visually-hidden">{t('meeting.items.number', { number: text.number })} </span>
          {text.source === 'submitted' && text.schoolId !== null && (
            <>
              <SchoolName id={text.schoolId} short />{' '}
            </>
          )}
          {title}
        </h3>
        {lines.length > 0 &&
          (lines.length <= PREVIEW_LINES ? (
            <ul class="room-item-detail">
              {lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : (
            <details class="room-item-more">
              <summary>{t('meeting.items.showAll', { count: lines.length })}</summary>
              <ul class="room-item-detail">
                {lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </details>
          ))}
        {merged.length > 0 && <p class="muted">{t('meeting.items.includes', { titles: merged.map((m) => itemTitle(m, deps)).join('; ') })}</p>}
        {minutes && (
          <>
            <NotesEditor
              campusId={campusId}
              meetingId={meeting.id}
              itemId={minutes.id}
              title={title}
              notes={minutes.notes}
              version={minutes.version}
              editable={editable}
              minutesStatus={meeting.minutesStatus}
              announce={announce}
            />
            {(minutes.motions.length > 0 || inSession) && (
              <div class="room-motions">
                <h4>{t('meeting.motion.heading')}</h4>
                {minutes.motions.map((motion) => (
                  <MotionCard
                    key={motion.id}
                    campusId={campusId}
                    motion={motion}
                    attendance={attendance}
                    mySchoolIds={mySchoolIds}
                    voting={inSession}
                    meetings={meetings}
                    onMotion={onMotion}
                    announce={announce}
                  />
                ))}
                {inSession &&
                  (proposing ? (
                    <ProposeMotion
                      campusId={campusId}
                      meetingId={meeting.id}
                      itemId={minutes.id}
                      initial={defaultMotionForm(text, mySchoolIds, approvable)}
                      mySchoolIds={mySchoolIds}
                      members={attendance}
                      approvable={approvable}
                      announce={announce}
                      onDone={() => {
                        setProposing(false);
                        requestAnimationFrame(() => toggle.current?.focus());
                      }}
                    />
                  ) : (
                    <button type="button" ref={toggle} onClick={() => setProposing(true)}>
                      {t('meeting.motion.propose')}
                    </button>
                  ))}
              </div>
            )}
          </>
        )}
      </article>
    </li>
  );
}
