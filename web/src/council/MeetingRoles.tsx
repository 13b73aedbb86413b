/**
 * Chair and note-taker: they rotate among the member schools by default; any council member
 * may hand either to another school (PATCH with the meeting's version).
 */
import { useState } from 'preact/hooks';
import { campus, schools } from '../app/campus.state.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { useT } from '../i18n/i18n.js';
import { setMeetingRoles } from './council.service.js';
import type { CouncilMeeting } from './council.types.js';
import type { Run } from './council-write.js';

/** A school as chip (colour and code) and name; "Not assigned" for none. */
export function SchoolName({ schoolId }: { schoolId: number | null }) {
  const t = useT();
  const school = schoolId === null ? undefined : schools.value.find((s) => s.id === schoolId);
  if (schoolId === null || !school) return <>{t('council.next.nobody')}</>;
  return (
    <>
      <SchoolChip schoolId={school.id} code={school.locationCode} /> {school.name}
    </>
  );
}

/** Member schools: every school not archived, by location code (as the server rotates them). */
function memberSchools() {
  return schools.value.filter((s) => !s.archived).sort((a, b) => (a.locationCode < b.locationCode ? -1 : a.locationCode > b.locationCode ? 1 : a.id - b.id));
}

export function RolesEditor({ meeting, run }: { meeting: CouncilMeeting; run: Run }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [chair, setChair] = useState('');
  const [noteTaker, setNoteTaker] = useState('');
  const members = memberSchools();

  const start = () => {
    setChair(meeting.chairSchoolId === null ? '' : String(meeting.chairSchoolId));
    setNoteTaker(meeting.noteTakerSchoolId === null ? '' : String(meeting.noteTakerSchoolId));
    setOpen(true);
  };

  async function save() {
    const done = await run(async () => {
      await setMeetingRoles(
        campus.value!.id,
        meeting.id,
        { chairSchoolId: chair === '' ? null : Number(chair), noteTakerSchoolId: noteTaker === '' ? null : Number(noteTaker) },
        meeting.version,
      );
      return t('council.roles.saved');
    });
    if (done) {
      setOpen(false);
      document.getElementById('council-roles-toggle')?.focus();
    }
  }

  const select = (id: string, label: string, value: string, set: (v: string) => void) => (
    <label for={id}>
      {label}
      <select id={id} value={value} onChange={(e) => set(e.currentTarget.value)}>
        <option value="">{t('council.next.nobody')}</option>
        {members.map((s) => (
          <option key={s.id} value={String(s.id)}>
            {s.locationCode} · {s.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="council-roles">
      <button type="button" id="council-roles-toggle" class="link" aria-expanded={open} aria-controls="council-roles-form" onClick={() => (open ? setOpen(false) : start())}>
        {t('council.roles.change')}
      </button>
      {open && (
        <form
          id="council-roles-form"
          class="council-form council-roles-form"
          aria-label={t('council.roles.heading')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {select('council-chair', t('council.next.chair'), chair, setChair)}
          {select('council-note-taker', t('council.next.noteTaker'), noteTaker, setNoteTaker)}
          <div class="council-actions">
            <button type="submit" class="primary">
              {t('council.roles.save')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('council.roles.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
