/**
 * Proposing a motion on an agenda item, in the name of a school the person sits for; optionally
 * with what it decides — cancel a booking (looked up by its number, with the date and how much
 * of it), lift a closure, approve earlier circulated minutes, or adopt a policy. Carried
 * decisions about the calendar or the minutes are applied when the vote closes.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import type { Booking } from '../../api/types.js';
import { campus, closures } from '../../app/campus.state.js';
import { ErrorMessage } from '../../app/Status.js';
import { campusNow, formatDate, formatRange } from '../../i18n/format.js';
import { useT } from '../../i18n/i18n.js';
import { FieldError, fieldProps } from '../Field.js';
import { refusalText } from './meeting-errors.js';
import { buildMotion, DECISION_KINDS, formFieldOf, SCOPES, type MotionErrors, type MotionField, type MotionForm } from './motion-form.js';
import { getBooking, proposeMotion } from './meeting.service.js';
import type { AttendanceEntry, CouncilMeeting } from './meeting.types.js';
import { closureReason } from './MotionCard.js';
import { schoolText } from './SchoolName.js';
import { useWrite } from './useWrite.js';

interface Props {
  campusId: number;
  meetingId: number;
  itemId: number;
  initial: MotionForm;
  mySchoolIds: number[];
  members: AttendanceEntry[];
  approvable: CouncilMeeting[];
  onDone: (proposed: boolean) => void;
  announce: (text: string) => void;
}

export function ProposeMotion({ campusId, meetingId, itemId, initial, mySchoolIds, members, approvable, onDone, announce }: Props) {
  const t = useT();
  const writer = useWrite();
  const [form, setForm] = useState<MotionForm>(initial);
  const [errors, setErrors] = useState<MotionErrors>({});
  // The server's own words for a field it refused (English, like every server detail).
  const [serverMessages, setServerMessages] = useState<Record<string, string>>({});
  const [booking, setBooking] = useState<{ id: number; found: Booking | null; error: string | null } | null>(null);
  const prefix = `motion-${itemId}`;
  const fid = (field: string) => `${prefix}-${field}`;
  const set = (change: Partial<MotionForm>) => {
    setForm((f) => ({ ...f, ...change }));
    // A field the person changes is no longer at fault (a new kind of decision starts its fields afresh).
    const cleared = new Set<string>(Object.keys(change));
    if ('kind' in change || 'scope' in change) ['bookingId', 'occurrenceId', 'closureId', 'minutesMeetingId', 'policyText'].forEach((f) => cleared.add(f));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !cleared.has(field))) as MotionErrors);
  };
  const err = (field: MotionField) => (errors[field] ? t(`meeting.motion.errors.${errors[field]}`) : null);


  // The form opens where the button was: start at its first field.
  useLayoutEffect(() => document.getElementById(fid('text'))?.focus(), []);

  async function lookUp() {
    const id = Number(form.bookingId.trim());
    if (!Number.isInteger(id) || id <= 0) {
      setErrors((e) => ({ ...e, bookingId: 'bookingId' }));
      return;
    }
    if (booking?.id === id && booking.found) return;
    try {
      const found = await getBooking(id);
      setBooking({ id, found, error: null });
      setErrors(({ bookingId: _b, ...rest }) => rest);
    } catch (failure) {
      setBooking({ id, found: null, error: failure instanceof ApiError && failure.status === 404 ? t('meeting.motion.bookingMissing') : refusalText(failure) });
    }
  }

  function focusFirst(found: MotionErrors) {
    const order: MotionField[] = ['text', 'moverSchoolId', 'seconderSchoolId', 'bookingId', 'occurrenceId', 'closureId', 'minutesMeetingId', 'policyText'];
    const first = order.find((f) => found[f]);
    if (first) document.getElementById(fid(first))?.focus();
  }

  async function submit(event: Event) {
    event.preventDefault();
    const built = buildMotion(form, itemId);
    if ('errors' in built) {
      setErrors(built.errors);
      focusFirst(built.errors);
      return;
    }
    setErrors({});
    let besideFields = false;
    const ok = await writer.run(async () => {
      try {
        await proposeMotion(campusId, meetingId, built.input);
      } catch (failure) {
        // Fields the server found at fault go beside them; anything else is said below the form.
        const fields = failure instanceof ApiError ? (failure.problem.fields ?? []) : [];
        const mapped: MotionErrors = {};
        for (const f of fields) {
          const field = formFieldOf(f.field);
          if (field) mapped[field] = 'server';
        }
        if (Object.keys(mapped).length > 0) {
          setServerMessages(Object.fromEntries(fields.map((f) => [formFieldOf(f.field), f.message])));
          setErrors(mapped);
          focusFirst(mapped);
          besideFields = true;
        }
        throw failure;
      }
      announce(t('meeting.motion.proposed'));
    });
    if (ok) onDone(true);
    else if (besideFields) writer.setError(null);
  }

  const message = (field: MotionField) => (errors[field] === 'server' ? t('meeting.motion.errors.server', { detail: serverMessages[field] ?? '' }) : err(field));

  // Only dates still to come can be cancelled.
  const now = campusNow(campus.value?.timeZone ?? 'UTC');
  const openClosures = closures.value.filter((c) => !c.archived && c.localEnd > now);
  const activeOccurrences = (booking?.found?.occurrences ?? []).filter((o) => o.status === 'active' && o.localStart > now);

  return (
    <form class="motion-form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
      <h4 id={`${prefix}-heading`}>{t('meeting.motion.proposeHeading')}</h4>
      <div class="room-field">
        <label for={fid('text')}>{t('meeting.motion.text')}</label>
        <textarea rows={3} maxLength={2000} value={form.text} onInput={(e) => set({ text: e.currentTarget.value })} {...fieldProps(fid('text'), message('text'))} />
      </div>
      <FieldError id={fid('text')} message={message('text')} />
      <div class="motion-row">
        <div class="room-field">
          <label for={fid('moverSchoolId')}>{t('meeting.motion.mover')}</label>
          <select value={form.moverSchoolId} onChange={(e) => set({ moverSchoolId: e.currentTarget.value })} {...fieldProps(fid('moverSchoolId'), message('moverSchoolId'))}>
            {mySchoolIds.map((id) => (
              <option key={id} value={String(id)}>
                {schoolText(id)}
              </option>
            ))}
          </select>
        </div>
        <div class="room-field">
          <label for={fid('seconderSchoolId')}>{t('meeting.motion.seconder')}</label>
          <select value={form.seconderSchoolId} onChange={(e) => set({ seconderSchoolId: e.currentTarget.value })} {...fieldProps(fid('seconderSchoolId'), message('seconderSchoolId'))}>
            <option value="">{t('meeting.motion.noSeconder')}</option>
            {members
              .filter((m) => String(m.schoolId) !== form.moverSchoolId)
              .map((m) => (
                <option key={m.schoolId} value={String(m.schoolId)}>
                  {m.schoolCode} {m.schoolName}
                </option>
              ))}
          </select>
        </div>
      </div>
      <FieldError id={fid('moverSchoolId')} message={message('moverSchoolId')} />
      <FieldError id={fid('seconderSchoolId')} message={message('seconderSchoolId')} />

      <fieldset class="motion-decision-kind">
        <legend>{t('meeting.motion.decision')}</legend>
        {DECISION_KINDS.map((kind) => (
          <label key={kind} class="inline">
            <input type="radio" name={`${prefix}-kind`} value={kind} checked={form.kind === kind} onChange={() => set({ kind })} />
            {t(`meeting.motion.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>

      {form.kind === 'booking' && (
        <div class="motion-sub">
          <div class="motion-row motion-lookup">
            <div class="room-field">
              <label for={fid('bookingId')}>{t('meeting.motion.bookingId')}</label>
              <input
                type="text"
                inputMode="numeric"
                value={form.bookingId}
                onInput={(e) => set({ bookingId: e.currentTarget.value, occurrenceId: '' })}
                onBlur={() => form.bookingId.trim() !== '' && void lookUp()}
                {...fieldProps(fid('bookingId'), message('bookingId'), `${prefix}-booking-found`)}
              />
            </div>
            <button type="button" onClick={() => void lookUp()}>
              {t('meeting.motion.lookUp')}
            </button>
          </div>
          <FieldError id={fid('bookingId')} message={message('bookingId')} />
          <p id={`${prefix}-booking-found`} role="status" class={booking?.error ? 'field-error' : 'muted'}>
            {booking?.error ??
              (booking?.found
                ? t('meeting.motion.bookingFound', { title: booking.found.title, school: schoolText(booking.found.schoolId), when: formatRange(booking.found.start, booking.found.end) })
                : '')}
          </p>
          <fieldset>
            <legend>{t('meeting.motion.scope')}</legend>
            {SCOPES.map((scope) => (
              <label key={scope} class="inline">
                <input type="radio" name={`${prefix}-scope`} value={scope} checked={form.scope === scope} onChange={() => set({ scope })} />
                {t(`meeting.motion.scopes.${scope}`)}
              </label>
            ))}
          </fieldset>
          <div class="room-field">
            <label for={fid('occurrenceId')}>{t('meeting.motion.occurrence')}</label>
            {activeOccurrences.length > 0 ? (
              <select value={form.occurrenceId} onChange={(e) => set({ occurrenceId: e.currentTarget.value })} {...fieldProps(fid('occurrenceId'), message('occurrenceId'))}>
                <option value="">{t('meeting.motion.chooseOccurrence')}</option>
                {activeOccurrences.map((o) => (
                  <option key={o.id} value={String(o.id)}>
                    {formatRange(o.localStart, o.localEnd)}
                  </option>
                ))}
              </select>
            ) : (
              <input type="text" inputMode="numeric" value={form.occurrenceId} onInput={(e) => set({ occurrenceId: e.currentTarget.value })} {...fieldProps(fid('occurrenceId'), message('occurrenceId'))} />
            )}
          </div>
          <FieldError id={fid('occurrenceId')} message={message('occurrenceId')} />
        </div>
      )}

      {form.kind === 'closure' && (
        <div class="motion-sub">
          <div class="room-field">
            <label for={fid('closureId')}>{t('meeting.motion.closure')}</label>
            <select value={form.closureId} onChange={(e) => set({ closureId: e.currentTarget.value })} {...fieldProps(fid('closureId'), message('closureId'))}>
              <option value="">{openClosures.length === 0 ? t('meeting.motion.noClosures') : t('meeting.motion.chooseClosure')}</option>
              {openClosures.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {closureReason(t, c.reason)}: {formatDate(c.localStart)}
                  {c.note ? ` — ${c.note}` : ''}
                </option>
              ))}
            </select>
          </div>
          <FieldError id={fid('closureId')} message={message('closureId')} />
        </div>
      )}

      {form.kind === 'minutes' && (
        <div class="motion-sub">
          <div class="room-field">
            <label for={fid('minutesMeetingId')}>{t('meeting.motion.minutesOf')}</label>
            <select value={form.minutesMeetingId} onChange={(e) => set({ minutesMeetingId: e.currentTarget.value })} {...fieldProps(fid('minutesMeetingId'), message('minutesMeetingId'))}>
              <option value="">{approvable.length === 0 ? t('meeting.motion.noCirculated') : t('meeting.motion.chooseMeeting')}</option>
              {approvable.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {formatDate(m.localStart, 'long')}
                </option>
              ))}
            </select>
          </div>
          <FieldError id={fid('minutesMeetingId')} message={message('minutesMeetingId')} />
        </div>
      )}

      {form.kind === 'policy' && (
        <div class="motion-sub">
          <div class="room-field">
            <label for={fid('policyText')}>{t('meeting.motion.policy')}</label>
            <textarea rows={3} maxLength={2000} value={form.policyText} onInput={(e) => set({ policyText: e.currentTarget.value })} {...fieldProps(fid('policyText'), message('policyText'))} />
          </div>
          <FieldError id={fid('policyText')} message={message('policyText')} />
        </div>
      )}

      <div class="motion-tools">
        <button type="submit" class="primary" disabled={writer.busy}>
          {writer.busy ? t('meeting.saving') : t('meeting.motion.submit')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('meeting.cancel')}
        </button>
      </div>
      <ErrorMessage message={writer.error} />
    </form>
  );
}
