/**
 * The meeting at a glance — when, where, who chairs and who takes the notes, where the meeting
 * and its minutes stand — and, for council members, the meeting's own steps: open it, close it
 * (not while a vote is open: the reason is shown rather than a refusal), circulate the minutes.
 */
import { useId } from 'preact/hooks';
import { spaces } from '../../app/campus.state.js';
import { ErrorMessage } from '../../app/Status.js';
import { formatDate, formatRange } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { meetingButtons } from './meeting-view.js';
import { circulateMinutes, closeMeeting, openMeeting } from './meeting.service.js';
import type { CouncilMeeting, MeetingState } from './meeting.types.js';
import { SchoolName } from './SchoolName.js';
import { useWrite } from './useWrite.js';

interface Props {
  campusId: number;
  meeting: CouncilMeeting & Partial<MeetingState>;
  meetings: CouncilMeeting[];
  member: boolean;
  openMotionCount: number;
  announce: (text: string) => void;
}

export function MeetingHeader({ campusId, meeting, meetings, member, openMotionCount, announce }: Props) {
  const t = useT();
  const writer = useWrite();
  const hintId = useId();
  const buttons = meetingButtons(meeting, member);
  const space = spaces.value.find((s) => s.id === meeting.spaceId);
  const dateOf = (id: number) => {
    const found = meetings.find((m) => m.id === id);
    return found ? formatDate(found.localStart, 'long') : `#${id}`;
  };
  const approvedIn = meeting.approvedInId ?? null;

  const open = () =>
    void writer.run(async () => {
      await openMeeting(campusId, meeting.id);
      announce(t('meeting.done.opened'));
    });

  const close = () => {
    if (openMotionCount > 0) {
      // The server would refuse: say why at once, where the person is.
      writer.setError(t('meeting.errors.openMotions', { count: openMotionCount }));
      return;
    }
    void writer.run(async () => {
      const closed = await closeMeeting(campusId, meeting.id);
      const locked = closed.lockedMinutesOf.map(dateOf);
      announce(locked.length > 0 ? `${t('meeting.done.closed')} ${t('meeting.done.locked', { count: locked.length, dates: locked.join(', ') })}` : t('meeting.done.closed'));
    });
  };

  const circulate = () =>
    void writer.run(async () => {
      await circulateMinutes(campusId, meeting.id);
      announce(t('meeting.done.circulated'));
    });

  return (
    <section class="card meeting-header" aria-label={t('meeting.facts.label')}>
      <dl class="meeting-facts">
        <div>
          <dt>{t('meeting.facts.when')}</dt>
          <dd>{formatRange(meeting.localStart, meeting.localEnd)}</dd>
        </div>
        <div>
          <dt>{t('meeting.facts.where')}</dt>
          <dd>{space?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('meeting.facts.chair')}</dt>
          <dd>{meeting.chairSchoolId === null ? t('meeting.facts.nobody') : <SchoolName id={meeting.chairSchoolId} />}</dd>
        </div>
        <div>
          <dt>{t('meeting.facts.noteTaker')}</dt>
          <dd>{meeting.noteTakerSchoolId === null ? t('meeting.facts.nobody') : <SchoolName id={meeting.noteTakerSchoolId} />}</dd>
        </div>
        <div>
          <dt>{t('meeting.facts.meeting')}</dt>
          <dd>
            <span class={`meeting-status status-${meeting.cancelled ? 'cancelled' : meeting.status}`}>{meeting.cancelled ? t('meeting.status.cancelled') : t(`meeting.status.${meeting.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('meeting.facts.minutes')}</dt>
          <dd>
            <span class={`meeting-status minutes-${meeting.minutesStatus}`}>{t(`meeting.minutesStatus.${meeting.minutesStatus}`)}</span>
            {approvedIn !== null && (
              <>
                {' · '}
                <a href={`/council/meetings/${approvedIn}`}>{t('meeting.facts.approvedIn', { date: dateOf(approvedIn) })}</a>
              </>
            )}
          </dd>
        </div>
      </dl>
      {(buttons.open || buttons.close || buttons.circulate) && (
        <div class="meeting-buttons">
          {buttons.open && (
            <button type="button" class="primary" disabled={writer.busy} onClick={open}>
              {t('meeting.buttons.open')}
            </button>
          )}
          {buttons.close && (
            <button type="button" class="primary" disabled={writer.busy} onClick={close} aria-describedby={openMotionCount > 0 ? hintId : undefined}>
              {t('meeting.buttons.close')}
            </button>
          )}
          {buttons.circulate && (
            <button type="button" class="primary" disabled={writer.busy} onClick={circulate}>
              {t('meeting.buttons.circulate')}
            </button>
          )}
          {buttons.close && openMotionCount > 0 && (
            <p id={hintId} class="muted">
              {t('meeting.errors.openMotions', { count: openMotionCount })}
            </p>
          )}
        </div>
      )}
      <ErrorMessage message={writer.error} />
    </section>
  );
}
