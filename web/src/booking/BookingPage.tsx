/**
 * Book a space (/book, or /book?spaceId=&start=&end=&schoolId= from a slot picked on the
 * calendar). Availability is checked as the person types; a conflict comes with alternatives
 * that change the form in one click. On success: the booking's page.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { announceScreen, bumpRevision, campus, revision, spaces } from '../app/campus.state';
import { campusNow } from '../i18n/format';
import { useT } from '../i18n/i18n';
import { bookableSchools, selectedCampusId } from '../session/session.state';
import { applyAlternative, formFromQuery, isValid, pendingReason, shapeFor, toInput, validate, type Alternative, type FieldName, type FormState } from './booking-form';
import { failedKey, focusFirstError, shownErrors, viewOfError, type ErrorView } from './booking-errors';
import { checkNewBooking, createBooking } from './booking.service';
import { BookingForm } from './BookingForm';
import { ConflictPanel } from './ConflictPanel';
import { useDryRun } from './useDryRun';
import './booking.css';

const SHAPE = shapeFor('create');
const NO_ERROR: ErrorView = { fields: {}, alert: null, stale: false, conflict: null };

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
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<ErrorView>(NO_ERROR);
  const panelHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    announceScreen('book');
    document.title = `${t('booking.newTitle')} · Commons`;
  }, []);

  // The only school: keep it chosen even if the session arrived after the first render.
  useEffect(() => {
    if (!form.schoolId && choices.length > 0) setForm((f) => ({ ...f, schoolId: String(choices[0]!.id) }));
  }, [choices.length]);

  const problems = validate(form, SHAPE, yearEnd);
  const valid = isValid(problems);
  const input = valid ? toInput(form) : null;
  const request = useMemo(() => (input ? { key: JSON.stringify(input), run: () => checkNewBooking(campusId, input) } : null), [input && JSON.stringify(input), campusId]);
  const [check, showAnalysis] = useDryRun(request, revision.value);
  const dryRunError = check.phase === 'failed' ? viewOfError(check.error, t, null) : NO_ERROR;

  const serverFields = { ...dryRunError.fields, ...submitError.fields };
  const errors = shownErrors(problems, serverFields, (f: FieldName) => submitted || touched.has(f), t);
  const alert = submitError.alert ?? dryRunError.alert;

  function change(next: FormState) {
    setForm(next);
    if (submitError !== NO_ERROR) setSubmitError(NO_ERROR);
  }

  function apply(alternative: Alternative) {
    change(applyAlternative(form, alternative));
    // The buttons are replaced by the new check: keep the keyboard user where the answer appears.
    panelHeading.current?.focus();
  }

  async function submit(event: Event) {
    event.preventDefault();
    setSubmitted(true);
    if (!valid || !input) {
      focusFirstError(shownErrors(problems, {}, () => true, t));
      return;
    }
    setBusy(true);
    setSubmitError(NO_ERROR);
    try {
      const booking = await createBooking(campusId, input);
      bumpRevision();
      route(`/bookings/${booking.id}`);
    } catch (error) {
      const view = viewOfError(error, t, check.analysis);
      if (view.conflict) {
        showAnalysis(view.conflict);
        setSubmitError({ ...view, alert: t('booking.submit.takenMeanwhile') });
        panelHeading.current?.focus();
      } else {
        setSubmitError(view);
        if (!focusFirstError(view.fields)) panelHeading.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  const spaceName = spaces.value.find((s) => String(s.id) === form.spaceId)?.name ?? '';
  const pending = pendingReason(problems);

  return (
    <div class="booking-page">
      <h1 id="booking-title">{t('booking.newTitle')}</h1>
      <p class="muted">{t('booking.newIntro')}</p>
      <form
        class="booking-layout"
        noValidate
        onSubmit={submit}
        onFocusOut={(e) => {
          const name = (e.target as HTMLInputElement).name;
          if (name && !touched.has(name)) setTouched(new Set(touched).add(name));
        }}
      >
        <BookingForm form={form} onChange={change} errors={errors} shape={SHAPE} schoolChoices={choices} spaces={spaces.value} />
        <ConflictPanel
          check={check}
          pending={pending}
          failedKey={failedKey(dryRunError)}
          alert={alert}
          canSkip={form.repeat.mode !== 'none'}
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
            {busy ? t('booking.submit.creating') : t('booking.submit.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
