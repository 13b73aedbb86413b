/**
 * One motion: its text, who moved and seconded it, what it decides, the votes school by school
 * and how they stand; for each school the person sits for, its vote (Yes / No / Abstain, which
 * it may change until the vote closes); and, once closed, the result and what it changed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../../app/Status.js';
import { bumpRevision, closures } from '../../app/campus.state.js';
import type { Booking } from '../../api/types.js';
import { formatDate, formatRange } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { refusalText } from './meeting-errors.js';
import { myBallots, standing } from './meeting-view.js';
import { castVote, closeVote, getBooking } from './meeting.service.js';
import type { AttendanceEntry, CouncilMeeting, Decision, Motion, VoteChoice } from './meeting.types.js';
import { SchoolName, schoolText } from './SchoolName.js';
import { useWrite } from './useWrite.js';

const CHOICES: readonly VoteChoice[] = ['yes', 'no', 'abstain'];

interface Props {
  campusId: number;
  motion: Motion;
  attendance: AttendanceEntry[];
  mySchoolIds: number[];
  /** The meeting is in session, its minutes editable, and the person sits on the council. */
  voting: boolean;
  meetings: CouncilMeeting[];
  onMotion: (motion: Motion) => void;
  announce: (text: string) => void;
}

export function MotionCard({ campusId, motion, attendance, mySchoolIds, voting, meetings, onMotion, announce }: Props) {
  const t = useT();
  const writer = useWrite();
  const counts = standing(motion, attendance);
  const open = motion.status === 'open';
  const ballots = open && voting ? myBallots(mySchoolIds, motion.votes, attendance) : [];
  const textId = `motion-${motion.id}-text`;
  const meetingDate = (id: number) => {
    const found = meetings.find((m) => m.id === id);
    return found ? formatDate(found.localStart, 'long') : `#${id}`;
  };
  const resultLine = (m: Motion) =>
    t('meeting.motion.resultLine', { result: t(`meeting.motion.result.${m.result ?? 'failed'}`), yes: m.yes, no: m.no, abstain: m.abstain });
  const effect = (m: Motion) => {
    if (!m.appliedAt || !m.decision) return null;
    if (m.decision.kind === 'minutes') return t('meeting.motion.minutesApproved', { date: meetingDate(m.decision.meetingId) });
    return t('meeting.motion.applied');
  };

  // Votes go one after another (arrow keys move through a radio group quickly): the last one stands.
  const [chosen, setChosen] = useState<Record<number, VoteChoice>>({});
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const vote = (schoolId: number, choice: VoteChoice) => {
    setChosen((c) => ({ ...c, [schoolId]: choice }));
    queue.current = queue.current.then(async () => {
      try {
        onMotion(await castVote(campusId, motion.meetingId, motion.id, schoolId, choice));
        writer.setError(null);
        announce(t('meeting.motion.voted', { school: schoolText(schoolId), vote: t(`meeting.motion.choices.${choice}`) }));
      } catch (failure) {
        writer.setError(refusalText(failure));
      } finally {
        setChosen(({ [schoolId]: _sent, ...rest }) => rest);
        bumpRevision();
      }
    });
  };

  // After closing the vote, the focus goes to its result (the button it was on is gone).
  const result = useRef<HTMLParagraphElement>(null);
  const focusResult = useRef(false);
  useEffect(() => {
    if (!open && focusResult.current) {
      focusResult.current = false;
      result.current?.focus();
    }
  }, [open]);

  const close = () =>
    void writer.run(async () => {
      const closed = await closeVote(campusId, motion.meetingId, motion.id);
      focusResult.current = true;
      onMotion(closed);
      announce([resultLine(closed), effect(closed)].filter(Boolean).join(' '));
    });

  return (
    <article class={`motion motion-${open ? 'open' : (motion.result ?? 'closed')}`} aria-labelledby={textId}>
      <p class="motion-text" id={textId}>
        <span class="visually-hidden">{t('meeting.motion.label')}: </span>
        {motion.text}
      </p>
      <p class="motion-by">
        {t('meeting.motion.movedBy')} <SchoolName id={motion.moverSchoolId} short />
        {motion.seconderSchoolId !== null && (
          <>
            {' · '}
            {t('meeting.motion.secondedBy')} <SchoolName id={motion.seconderSchoolId} short />
          </>
        )}
      </p>
      {motion.decision && <DecisionLine decision={motion.decision} meetingDate={meetingDate} />}
      {open ? (
        <p class="motion-state">{t('meeting.motion.open')}</p>
      ) : (
        <p class="motion-result" ref={result} tabIndex={-1}>
          <strong>{resultLine(motion)}</strong> {effect(motion)}
        </p>
      )}
      <div class="motion-votes">
        <h5>{t('meeting.motion.votes')}</h5>
        {motion.votes.length === 0 ? (
          <p class="muted">{t('meeting.motion.noVotes')}</p>
        ) : (
          <ul>
            {motion.votes.map((v) => (
              <li key={v.schoolId}>
                <SchoolName id={v.schoolId} short /> {t(`meeting.motion.choices.${v.vote}`)}
              </li>
            ))}
          </ul>
        )}
        {open && <p class="muted">{t('meeting.motion.counts', { ...counts })}</p>}
      </div>
      {ballots.map((ballot) => (
        <fieldset key={ballot.schoolId} class="ballot" disabled={!ballot.mayVote} aria-describedby={ballot.mayVote ? undefined : `ballot-${motion.id}-${ballot.schoolId}`}>
          <legend>{t('meeting.motion.voteFor', { school: schoolText(ballot.schoolId) })}</legend>
          <div class="ballot-choices">
            {CHOICES.map((choice) => (
              <label key={choice} class="inline">
                <input type="radio" name={`vote-${motion.id}-${ballot.schoolId}`} value={choice} checked={(chosen[ballot.schoolId] ?? ballot.vote) === choice} onChange={() => vote(ballot.schoolId, choice)} />
                {t(`meeting.motion.choices.${choice}`)}
              </label>
            ))}
          </div>
          {!ballot.mayVote && (
            <p class="muted" id={`ballot-${motion.id}-${ballot.schoolId}`}>
              {t('meeting.motion.cannotVote', { school: schoolText(ballot.schoolId) })}
            </p>
          )}
        </fieldset>
      ))}
      {open && voting && (
        <button type="button" disabled={writer.busy} onClick={close}>
          {t('meeting.motion.closeVote')}
        </button>
      )}
      <ErrorMessage message={writer.error} />
    </article>
  );
}

function DecisionLine({ decision, meetingDate }: { decision: Decision; meetingDate: (id: number) => string }) {
  const t = useT();
  let body;
  switch (decision.kind) {
    case 'booking':
      body = <BookingDecision decision={decision} />;
      break;
    case 'closure': {
      const closure = closures.value.find((c) => c.id === decision.closureId);
      body = t('meeting.motion.decides.closure', {
        closure: closure ? `${closureReason(t, closure.reason)}, ${formatDate(closure.localStart)}${closure.note ? ` — ${closure.note}` : ''}` : `#${decision.closureId}`,
      });
      break;
    }
    case 'minutes':
      body = <a href={`/council/meetings/${decision.meetingId}`}>{t('meeting.motion.decides.minutes', { date: meetingDate(decision.meetingId) })}</a>;
      break;
    case 'policy':
      body = t('meeting.motion.decides.policy', { text: decision.text });
      break;
    case 'conflict':
      body = t('meeting.motion.decides.conflict', { ref: decision.ref });
      break;
  }
  return (
    <p class="motion-decision">
      <strong>{t('meeting.motion.decision')}:</strong> {body}
    </p>
  );
}

/** Which booking (its title and school) and which date a motion would cancel, looked up once per booking. */
function BookingDecision({ decision }: { decision: Extract<Decision, { kind: 'booking' }> }) {
  const t = useT();
  const [booking, setBooking] = useState<Booking | null>(null);
  useEffect(() => {
    let live = true;
    void bookingOnce(decision.bookingId).then((found) => live && setBooking(found));
    return () => {
      live = false;
    };
  }, [decision.bookingId]);
  const occurrence = booking?.occurrences.find((o) => o.id === decision.occurrenceId);
  const name = booking ? t('meeting.motion.decides.bookingNamed', { title: booking.title, school: schoolText(booking.schoolId) }) : t('meeting.motion.decides.booking', { id: decision.bookingId });
  return (
    <>
      <a href={`/bookings/${decision.bookingId}`}>{name}</a>
      {' — '}
      {t(`meeting.motion.scopes.${decision.scope}`)}
      {decision.occurrenceId !== undefined && `: ${occurrence ? formatRange(occurrence.localStart, occurrence.localEnd) : t('meeting.motion.decides.occurrence', { id: decision.occurrenceId })}`}
    </>
  );
}

const bookings = new Map<number, Promise<Booking | null>>();
function bookingOnce(id: number): Promise<Booking | null> {
  if (!bookings.has(id)) bookings.set(id, getBooking(id).catch(() => null));
  return bookings.get(id)!;
}

/** A closure's reason code in words (an unknown code stays as written). */
export function closureReason(t: (key: string) => string, reason: string): string {
  const known = ['holiday', 'testing', 'maintenance', 'event', 'other'];
  return known.includes(reason) ? t(`meeting.closureReason.${reason}`) : reason;
}
