/**
 * The next meeting: when and where, who chairs and who takes notes, the submission deadline and
 * the agenda; members change them here. One live region says what each change did; a change
 * someone else made first (409 council.stale) reloads the agenda and says so.
 */
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { bumpRevision, campus, spaces } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { ErrorMessage, Loading } from '../app/Status.js';
import { formatDate, formatRange } from '../i18n/format.js';
import { language, useT } from '../i18n/i18n.js';
import { AgendaList } from './AgendaList.js';
import { beforeDeadline, formatDeadline } from './council-home.js';
import { useFresh } from './council.hooks.js';
import { getAgenda } from './council.service.js';
import { Gone, type Write } from './council-write.js';
import type { CouncilMeeting } from './council.types.js';
import { RolesEditor, SchoolName } from './MeetingRoles.js';
import { SubmitItemForm } from './SubmitItemForm.js';

export interface CouncilSchool {
  id: number;
  name: string;
  locationCode: string;
}


export function NextMeeting({ meeting, mySchools }: { meeting: CouncilMeeting; mySchools: CouncilSchool[] }) {
  const t = useT();
  const campusValue = campus.value!;
  const agenda = useFresh(`agenda/${campusValue.id}/${meeting.id}`, () => getAgenda(campusValue.id, meeting.id));
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  /** Runs one write at a time: announces its result, or reloads and explains a failure. */
  async function run(write: Write): Promise<boolean> {
    if (busyRef.current) return false;
    busyRef.current = true;
    setBusy(true);
    setFailure(null);
    try {
      const said = await write();
      if (said) setAnnouncement(said);
      bumpRevision();
      return true;
    } catch (error) {
      const stale = error instanceof Gone || (error instanceof ApiError && error.code === 'council.stale');
      setFailure(stale ? t('council.items.stale') : errorText(error));
      await agenda.reload();
      return false;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  const current = agenda.data?.meeting ?? meeting;
  const room = spaces.value.find((s) => s.id === current.spaceId)?.name ?? '';
  const member = mySchools.length > 0;
  const deadline = agenda.data ? formatDeadline(agenda.data.submissionDeadline, campusValue.timeZone, language.value) : null;
  const submitting = agenda.data !== null && beforeDeadline(agenda.data.submissionDeadline, Date.now()) && current.status === 'scheduled';

  return (
    <section class="card council-section council-next" aria-labelledby="council-next-heading">
      <h2 id="council-next-heading" tabIndex={-1}>{t('council.next.heading', { date: formatDate(current.localStart, 'long') })}</h2>
      <dl class="council-facts">
        <div>
          <dt>{t('council.next.when')}</dt>
          <dd>{formatRange(current.localStart, current.localEnd)}</dd>
        </div>
        <div>
          <dt>{t('council.next.where')}</dt>
          <dd>{room}</dd>
        </div>
        <div>
          <dt>{t('council.next.chair')}</dt>
          <dd>
            <SchoolName schoolId={current.chairSchoolId} />
          </dd>
        </div>
        <div>
          <dt>{t('council.next.noteTaker')}</dt>
          <dd>
            <SchoolName schoolId={current.noteTakerSchoolId} />
          </dd>
        </div>
      </dl>
      {member && current.status !== 'closed' && <RolesEditor meeting={current} run={run} />}
      {current.status === 'open' && <p class="info">{t('council.next.underWay')}</p>}
      {current.status === 'closed' && <p class="info">{t('council.next.closed')}</p>}
      <p>
        <a href={`/council/meetings/${current.id}`}>{t('council.next.room')}</a>
      </p>
      {deadline && <p class="council-deadline">{submitting ? t('council.next.deadline', { when: deadline }) : t('council.next.deadlinePassed', { when: deadline })}</p>}
      <p role="status" class="council-announce">
        {announcement}
      </p>
      <ErrorMessage message={failure} />
      {agenda.data === null ? (
        agenda.error ? <ErrorMessage message={errorText(agenda.error)} /> : <Loading />
      ) : (
        <>
          <AgendaList agenda={agenda.data} campusId={campusValue.id} mySchoolIds={mySchools.map((s) => s.id)} busy={busy} run={run} show={agenda.set} reload={agenda.reload} />
          {member && submitting && <SubmitItemForm campusId={campusValue.id} meetingId={current.id} schools={mySchools} announce={setAnnouncement} reload={agenda.reload} />}
        </>
      )}
    </section>
  );
}
