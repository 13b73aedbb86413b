/**
 * Book a space (/book, or /book?spaceId=&start=&end=&schoolId= from a slot picked on the
 * calendar). Availability is checked as the person types; a conflict comes with alternatives
 * that change the form in one click. On success: the booking's page.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { bumpRevision, campus, revision, spaces } from '../app/campus.state.js';
import { useScreen } from '../app/useScreen.js';
import { campusNow } from '../i18n/format.js';
import { useT, registerDictionary } from '../i18n/i18n.js';
import { bookableSchools, selectedCampusId } from '../session/session.state.js';
import { formFromQuery, isValid, pendingReason, shapeFor, toInput, validate, type FormState } from './booking-form.js';
import { checkNewBooking, createBooking } from './booking.service.js';
import { BookingForm } from './BookingForm.js';
import { BookingFormFrame, useSubmission } from './BookingFormFrame.js';
import { useDryRun } from './useDryRun.js';
import './booking.css';
import { bookingText } from './booking.i18n.js';

// This page loads on demand: its words come with it (web/src/i18n/i18n.ts).
registerDictionary('booking', bookingText);

const SHAPE = shapeFor('create');

export function BookingPage() {
  const t = useT();
  const { query, route } = useLocation();
  const campusId = selectedCampusId.value!;
  const timeZone = campus.value?.timeZone ?? 'UTC';
  const yearEnd = campus.value?.yearEnd ?? '';
  const choices = bookableSchools.value;

  const [form, setForm] = useState<FormState>(() =>
    formFromQuery(query, {
      today: campusNow(timeZone).slice(0, 10),
      schoolIds: choices.map((s) => s.id),
      // The spaces may still be on their way: accept any id, the server checks it.
      spaceIds: Number(query.spaceId) > 0 ? [Number(query.spaceId)] : [],
    }),
  );
  useScreen('book', t('booking.newTitle'));

  // The only school: keep it chosen even if the session arrived after the first render.
  useEffect(() => {
    if (!form.schoolId && choices.length > 0) setForm((f) => ({ ...f, schoolId: String(choices[0]!.id) }));
  }, [choices.length]);

  const problems = validate(form, SHAPE, yearEnd);
  const valid = isValid(problems);
  const input = valid ? toInput(form) : null;
  const request = useMemo(() => (input ? { key: JSON.stringify(input), run: () => checkNewBooking(campusId, input) } : null), [input && JSON.stringify(input), campusId]);
  const [check, showAnalysis] = useDryRun(request, revision.value);
  const submission = useSubmission(check, showAnalysis);
  const { errors, alert } = submission.messages(problems);

  function change(next: FormState) {
    setForm(next);
    submission.edited();
  }

  async function submit() {
    const booking = await submission.submit(problems, input ? () => createBooking(campusId, input) : null);
    if (!booking) return;
    bumpRevision();
    route(`/bookings/${booking.id}`);
  }

  return (
    <div class="booking-page">
      <h1 id="booking-title">{t('booking.newTitle')}</h1>
      <p class="muted">{t('booking.newIntro')}</p>
      <BookingFormFrame
        submission={submission}
        form={form}
        onChange={change}
        pending={pendingReason(problems)}
        alert={alert}
        valid={valid}
        canSkip={form.repeat.mode !== 'none'}
        submitLabel={t('booking.submit.create')}
        busyLabel={t('booking.submit.creating')}
        onSubmit={() => void submit()}
      >
        <BookingForm form={form} onChange={change} errors={errors} shape={SHAPE} schoolChoices={choices} spaces={spaces.value} />
      </BookingFormFrame>
    </div>
  );
}
