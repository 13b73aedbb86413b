/**
 * Change a booking (/bookings/:bookingId/edit?scope=series|following|occurrence&occurrenceId=):
 * one date, this and following dates, or the whole series. Only the changed fields are sent,
 * with the version that was loaded; if someone changed the booking meanwhile the person is told,
 * and reloading keeps what they typed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { Booking, Scope } from '../api/types';
import { announceScreen, bumpRevision, campus, revision, schools, spaces } from '../app/campus.state';
import { schoolColor } from '../app/school-colors';
import { ErrorMessage, Loading } from '../app/Status';
import { formatDate, formatRange } from '../i18n/format';
import { useT } from '../i18n/i18n';
import { bookableSchools } from '../session/session.state';
import { applyAlternative, changesBetween, formFromBooking, isValid, pendingReason, rebase, shapeFor, validate, type Alternative, type FieldName, type FormState } from './booking-form';
import { failedKey, focusFirstError, shownErrors, viewOfError, type ErrorView } from './booking-errors';
import { changeBooking, checkBookingChange, getBooking, type EditTarget } from './booking.service';
import { BookingForm } from './BookingForm';
import { ConflictPanel } from './ConflictPanel';
import { useDryRun } from './useDryRun';
import './booking.css';

const NO_ERROR: ErrorView = { fields: {}, alert: null, stale: false, conflict: null };
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

  const [scope, setScope] = useState<Scope>(occurrenceId === null ? 'series' : asked);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<ErrorView>(NO_ERROR);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const staleNotice = useRef<HTMLDivElement>(null);

  /** Load (or reload) the booking; a reload keeps the person's edits on top of the new version. */
  async function load(keepEdits: boolean) {
    try {
      const booking = await getBooking(bookingId);
      const base = formFromBooking(booking, scope, occurrenceId);
      setForm((current) => (keepEdits && current && loaded ? rebase(current, loaded.base, base) : base));
      setLoaded({ booking, base });
      setLoadError(null);
      setSubmitError(NO_ERROR);
    } catch (error) {
      setLoadError(viewOfError(error, t, null).alert ?? String(error));
    }
  }

  useEffect(() => {
    announceScreen('booking-edit');
    document.title = `${t('booking.editTitle')} · Commons`;
    void load(false);
  }, [bookingId]);

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
  const dryRunError = check.phase === 'failed' ? viewOfError(check.error, t, null) : NO_ERROR;
  const stale = submitError.stale || dryRunError.stale;

  if (loadError) return <ErrorMessage message={loadError} />;
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

  const serverFields = { ...dryRunError.fields, ...submitError.fields };
  const errors = shownErrors(problems, serverFields, (f: FieldName) => submitted || touched.has(f), t);
  const alert = submitError.alert ?? dryRunError.alert;
  const spaceName = spaces.value.find((s) => String(s.id) === form.spaceId)?.name ?? '';
  const pending = pendingReason(problems) ?? (changed ? null : 'booking.check.noChanges');
  const recurring = booking.rrule !== null;

  function change(next: FormState) {
    setForm(next);
    if (submitError !== NO_ERROR && !submitError.stale) setSubmitError(NO_ERROR);
  }

  function chooseScope(next: Scope) {
    if (!booking || !form || !loaded) return;
    const base = formFromBooking(booking, next, occurrenceId);
    setForm(rebase(form, loaded.base, base));
    setLoaded({ booking, base });
    setScope(next);
  }

  function apply(alternative: Alternative) {
    if (form) change(applyAlternative(form, alternative));
    panelHeading.current?.focus();
  }

  async function reload() {
    setReloading(true);
    await load(true);
    setReloading(false);
    panelHeading.current?.focus();
  }

  async function submit(event: Event) {
    event.preventDefault();
    setSubmitted(true);
    if (!valid || !changes || !target) {
      focusFirstError(shownErrors(problems, {}, () => true, t));
      return;
    }
    if (!changed) {
      setSubmitError({ ...NO_ERROR, alert: t('booking.edit.nothingChanged') });
      return;
    }
    setBusy(true);
    setSubmitError(NO_ERROR);
    try {
      const saved = await changeBooking(target, changes);
      bumpRevision();
      route(`/bookings/${saved.id}`);
    } catch (error) {
      const view = viewOfError(error, t, check.analysis);
      if (view.conflict) {
        showAnalysis(view.conflict);
        setSubmitError({ ...view, alert: t('booking.submit.takenMeanwhile') });
        panelHeading.current?.focus();
      } else {
        setSubmitError(view);
        if (view.stale) staleNotice.current?.focus();
        else if (!focusFirstError(view.fields)) panelHeading.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="booking-page">
      <h1 id="booking-title">{t('booking.editTitle')}</h1>
      <p class="booking-subject">
        {school && (
          <span class="school-chip" style={{ background: schoolColor(school.id, schools.value.map((s) => s.id)) }}>
            {school.locationCode}
          </span>
        )}{' '}
        <strong>{booking.title}</strong>
        {occurrence && activeScope !== 'series' && <> · {formatRange(occurrence.localStart, occurrence.localEnd)}</>}
      </p>

      {stale && (
        <div class="info stale" tabIndex={-1} ref={staleNotice}>
          <p role="alert">{t('booking.edit.stale')}</p>
          <button type="button" onClick={() => void reload()} disabled={reloading}>
            {t('booking.edit.reload')}
          </button>
        </div>
      )}

      <form
        class="booking-layout"
        noValidate
        onSubmit={submit}
        onFocusOut={(e) => {
          const name = (e.target as HTMLInputElement).name;
          if (name && !touched.has(name)) setTouched(new Set(touched).add(name));
        }}
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
        <ConflictPanel
          check={check}
          pending={pending}
          failedKey={failedKey(dryRunError)}
          alert={alert}
          canSkip={shape.recurrence && form.repeat.mode !== 'none'}
          spaceName={spaceName}
          onApply={apply}
          headingRef={panelHeading}
        />
        <div class="booking-actions">
          {submitted && !valid && (
            <p class="error" role="alert">
              {t('booking.submit.fixFields')}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('booking.submit.saving') : t('booking.submit.save')}
          </button>{' '}
          <a href={`/bookings/${booking.id}`}>{t('booking.edit.back')}</a>
        </div>
      </form>
    </div>
  );
}
