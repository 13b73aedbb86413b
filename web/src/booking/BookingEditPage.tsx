/**
 * Change a booking (/bookings/:bookingId/edit?scope=series|following|occurrence&occurrenceId=):
 * one date, this and following dates, or the whole series. Only the changed fields are sent,
 * with the version that was loaded; if someone changed the booking meanwhile the person is told,
 * and reloading keeps what they typed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { Booking, Scope } from '../api/types.js';
import { bumpRevision, campus, revision, schools, spaces } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { ErrorMessage, Loading } from '../app/Status.js';
import { useScreen } from '../app/useScreen.js';
import { formatDate, formatRange } from '../i18n/format.js';
import { useT, registerDictionary } from '../i18n/i18n.js';
import { bookableSchools } from '../session/session.state.js';
import { changesBetween, formFromBooking, isValid, pendingReason, rebase, shapeFor, validate, type FormState } from './booking-form.js';
import { viewOfError } from './booking-errors.js';
import { changeBooking, checkBookingChange, getBooking, type EditTarget } from './booking.service.js';
import { BookingForm } from './BookingForm.js';
import { BookingFormFrame, useSubmission } from './BookingFormFrame.js';
import { useDryRun } from './useDryRun.js';
import './booking.css';
import { bookingText } from './booking.i18n.js';

// This page loads on demand: its words come with it (web/src/i18n/i18n.ts).
registerDictionary('booking', bookingText);

const SCOPES: Scope[] = ['occurrence', 'following', 'series'];

interface Loaded {
  booking: Booking;
  /** The form as loaded for the scope: what "changed" is measured against. */
  base: FormState;
}

export function BookingEditPage() {
  const t = useT();
  const { params } = useRoute();
  const { query, route } = useLocation();
  const bookingId = Number(params.bookingId);
  const occurrenceId = Number(query.occurrenceId) > 0 ? Number(query.occurrenceId) : null;
  const asked = SCOPES.includes(query.scope as Scope) ? (query.scope as Scope) : 'series';

  const askedScope: Scope = occurrenceId === null ? 'series' : asked;
  const [scope, setScope] = useState<Scope>(askedScope);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [reloading, setReloading] = useState(false);
  const latestLoad = useRef(0);
  useScreen('booking-edit', t('booking.editTitle'));

  /** Load (or reload) the booking; a reload keeps the person's edits on top of the new version. */
  async function load(keepEdits: boolean, forScope: Scope = scope) {
    const call = ++latestLoad.current;
    try {
      const booking = await getBooking(bookingId);
      if (call !== latestLoad.current) return;
      const base = formFromBooking(booking, forScope, occurrenceId);
      setForm((current) => (keepEdits && current && loaded ? rebase(current, loaded.base, base) : base));
      setLoaded({ booking, base });
      setLoadError(null);
      submission.reset();
    } catch (error) {
      if (call === latestLoad.current) setLoadError(error);
    }
  }

  // Another booking or date (the page may stay mounted across addresses): start afresh from the address.
  useEffect(() => {
    setScope(askedScope);
    void load(false, askedScope);
  }, [bookingId, occurrenceId, askedScope]);

  const booking = loaded?.booking ?? null;
  const occurrence = booking?.occurrences.find((o) => o.id === occurrenceId) ?? null;
  // An occurrence that is not (or no longer) part of this booking: the whole series is what can change.
  const activeScope: Scope = occurrence ? scope : 'series';
  const shape = shapeFor(activeScope);
  const problems = form ? validate(form, shape, campus.value?.yearEnd ?? '') : {};
  const valid = isValid(problems);
  const changes = form && loaded && valid ? changesBetween(loaded.base, form, shape) : null;
  const changed = changes !== null && Object.keys(changes).length > 0;
  const target: EditTarget | null = booking ? { bookingId, scope: activeScope, occurrenceId, version: booking.version } : null;
  const request = useMemo(
    () => (changed && target && changes ? { key: JSON.stringify([target, changes]), run: () => checkBookingChange(target, changes) } : null),
    [changed && target && JSON.stringify([target, changes])],
  );
  const [check, showAnalysis] = useDryRun(request, revision.value);
  const submission = useSubmission(check, showAnalysis);

  if (loadError) return <ErrorMessage message={viewOfError(loadError, t, null).alert ?? errorText(loadError)} />;
  if (!booking || !form || !loaded || !target) return <Loading />;

  const school = schools.value.find((s) => s.id === booking.schoolId);
  const mayChange = bookableSchools.value.some((s) => s.id === booking.schoolId);
  if (!mayChange || booking.status === 'cancelled') {
    return (
      <section class="notice" aria-labelledby="booking-title">
        <h1 id="booking-title">{t('booking.editTitle')}</h1>
        <p>{booking.status === 'cancelled' ? t('booking.edit.cancelled') : t('booking.edit.notYours', { school: school ? `${school.locationCode} ${school.name}` : '' })}</p>
        <p>
          <a href={`/bookings/${booking.id}`}>{t('booking.edit.back')}</a>
        </p>
      </section>
    );
  }

  const { errors, alert } = submission.messages(problems);
  const recurring = booking.rrule !== null;

  function change(next: FormState) {
    setForm(next);
    submission.edited();
  }

  function chooseScope(next: Scope) {
    if (!booking || !form || !loaded) return;
    const base = formFromBooking(booking, next, occurrenceId);
    setForm(rebase(form, loaded.base, base));
    setLoaded({ booking, base });
    setScope(next);
  }

  async function reload() {
    setReloading(true);
    await load(true);
    setReloading(false);
    submission.panelHeading.current?.focus();
  }

  async function submit() {
    if (valid && !changed) return submission.refuse(t('booking.edit.nothingChanged'));
    const saved = await submission.submit(problems, valid && changes && target ? () => changeBooking(target, changes) : null);
    if (!saved) return;
    bumpRevision();
    route(`/bookings/${saved.id}`);
  }

  return (
    <div class="booking-page">
      <h1 id="booking-title">{t('booking.editTitle')}</h1>
      <p class="booking-subject">
        {school && <SchoolChip schoolId={school.id} code={school.locationCode} />}{' '}
        <strong>{booking.title}</strong>
        {occurrence && activeScope !== 'series' && <> · {formatRange(occurrence.localStart, occurrence.localEnd)}</>}
      </p>

      {submission.stale && (
        <div class="info stale" tabIndex={-1} ref={submission.staleNotice}>
          <p role="alert">{t('booking.edit.stale')}</p>
          <button type="button" onClick={() => void reload()} disabled={reloading}>
            {t('booking.edit.reload')}
          </button>
        </div>
      )}

      <BookingFormFrame
        submission={submission}
        form={form}
        onChange={change}
        pending={pendingReason(problems) ?? (changed ? null : 'booking.check.noChanges')}
        alert={alert}
        valid={valid}
        canSkip={shape.recurrence && form.repeat.mode !== 'none'}
        submitLabel={t('booking.submit.save')}
        busyLabel={t('booking.submit.saving')}
        onSubmit={() => void submit()}
        after={
          <>
            {' '}
            <a href={`/bookings/${booking.id}`}>{t('booking.edit.back')}</a>
          </>
        }
      >
        <div class="booking-fields-wrap">
          {occurrence && recurring && (
            <fieldset class="scope">
              <legend>{t('booking.scope.legend')}</legend>
              {SCOPES.map((s) => (
                <label class="inline" key={s}>
                  <input type="radio" name="scope" value={s} checked={activeScope === s} onChange={() => chooseScope(s)} />
                  {t(`booking.scope.${s}`, { date: formatDate(occurrence.originalLocalStart, 'long') })}
                </label>
              ))}
            </fieldset>
          )}
          <BookingForm
            form={form}
            onChange={change}
            errors={errors}
            shape={shape}
            schoolChoices={school ? [{ id: school.id, name: school.name, locationCode: school.locationCode }] : []}
            spaces={spaces.value}
            keepSpaceId={Number(loaded.base.spaceId)}
          />
        </div>
      </BookingFormFrame>
    </div>
  );
}
