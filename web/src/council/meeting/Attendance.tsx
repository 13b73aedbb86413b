/**
 * Who is here: every member school present, absent or represented, with a note (who came, who
 * stood in). A change is saved at once, school by school, and the quorum line counts it the
 * moment it is made. Notes are saved when the person leaves the field (or presses Enter).
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage } from '../../app/Status.js';
import { useT } from '../../i18n/i18n.js';
import { ATTENDANCE_STATUSES, withAttendance } from './attendance.js';
import { setAttendance } from './meeting.service.js';
import type { AttendanceEntry, AttendanceSheet, AttendanceStatus } from './meeting.types.js';
import { SchoolName, schoolText } from './SchoolName.js';
import { useWrite } from './useWrite.js';

interface Props {
  campusId: number;
  meetingId: number;
  sheet: AttendanceSheet;
  editable: boolean;
  /** Show the server's answer at once. */
  onSaved: (sheet: AttendanceSheet) => void;
  announce: (text: string) => void;
}

type Pending = Record<number, { status?: AttendanceStatus; note?: string }>;

export function Attendance({ campusId, meetingId, sheet, editable, onSaved, announce }: Props) {
  const t = useT();
  const writer = useWrite();
  const [pending, setPending] = useState<Pending>({});
  const shown = Object.entries(pending).reduce((s, [id, change]) => withAttendance(s, Number(id), change), sheet);
  const { quorum } = shown;

  async function save(entry: AttendanceEntry, change: { status?: AttendanceStatus; note?: string }) {
    const status = change.status ?? entry.status;
    const note = change.note ?? entry.note;
    setPending((p) => ({ ...p, [entry.schoolId]: { ...p[entry.schoolId], ...change } }));
    const ok = await writer.run(async () => {
      onSaved(await setAttendance(campusId, meetingId, [{ schoolId: entry.schoolId, status, note }]));
      announce(change.status ? t('meeting.attendance.saved', { school: schoolText(entry.schoolId), status: t(`meeting.attendance.status.${status}`) }) : t('meeting.attendance.noteSaved', { school: schoolText(entry.schoolId) }));
    });
    setPending((p) => {
      const { [entry.schoolId]: _done, ...rest } = p;
      return rest;
    });
    return ok;
  }

  return (
    <section class="card meeting-section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('meeting.attendance.heading')}</h2>
      <p class={`quorum ${quorum.met ? 'quorum-met' : 'quorum-not-met'}`} role="status">
        {t('meeting.attendance.quorum', {
          present: quorum.present,
          members: quorum.memberCount,
          required: quorum.required,
          state: quorum.met ? t('meeting.attendance.met') : t('meeting.attendance.notMet'),
        })}
      </p>
      <ErrorMessage message={writer.error} />
      {editable ? (
        <div class="attendance-grid">
          {shown.attendance.map((entry) => (
            <fieldset key={entry.schoolId} class="attendance-school">
              <legend>
                <SchoolName id={entry.schoolId} />
              </legend>
              <div class="attendance-choices">
                {ATTENDANCE_STATUSES.map((status) => (
                  <label key={status} class="inline">
                    <input
                      type="radio"
                      name={`attendance-${entry.schoolId}`}
                      value={status}
                      checked={entry.status === status}
                      onChange={() => void save(entry, { status })}
                    />
                    {t(`meeting.attendance.status.${status}`)}
                  </label>
                ))}
              </div>
              <NoteField entry={entry} onSave={(note) => save(entry, { note })} />
            </fieldset>
          ))}
        </div>
      ) : (
        // Scrolls sideways on a narrow screen: reachable by keyboard, named by the section.
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('meeting.attendance.table')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('meeting.attendance.school')}</th>
                <th scope="col">{t('meeting.attendance.heading')}</th>
                <th scope="col">{t('meeting.attendance.note')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.attendance.map((entry) => (
                <tr key={entry.schoolId}>
                  <th scope="row">
                    <SchoolName id={entry.schoolId} />
                  </th>
                  <td>{entry.recorded ? t(`meeting.attendance.status.${entry.status}`) : t('meeting.attendance.notRecorded')}</td>
                  <td>{entry.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A school's note: the person's typing is theirs until they leave the field; the server's text shows otherwise. */
function NoteField({ entry, onSave }: { entry: AttendanceEntry; onSave: (note: string) => Promise<boolean> }) {
  const t = useT();
  const [draft, setDraft] = useState(entry.note);
  const [focused, setFocused] = useState(false);
  const id = `attendance-note-${entry.schoolId}`;

  // A new note from the server shows unless the person is in the field (leaving it saves theirs).
  useEffect(() => {
    if (!focused) setDraft(entry.note);
  }, [entry.note]);

  const commit = () => {
    if (draft.trim() !== entry.note) void onSave(draft.trim());
  };

  return (
    <div class="room-field attendance-note">
      <label for={id}>
        {t('meeting.attendance.note')}
        <span class="visually-hidden"> {schoolText(entry.schoolId)}</span>
      </label>
      <input
        id={id}
        type="text"
        maxLength={200}
        value={draft}
        placeholder={t('meeting.attendance.noteHint')}
        onFocus={() => setFocused(true)}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => {
          setFocused(false);
          commit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}
