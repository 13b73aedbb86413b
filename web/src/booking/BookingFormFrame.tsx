/**
 * What "Book a space" and "Change a booking" do the same way around the fields: which messages
 * show (a client check once its field was left or a submit was tried, else what the server said),
 * the availability panel beside the fields, and the submit — a conflict that appeared meanwhile
 * goes to the panel, "changed meanwhile" to the page's stale notice, a field's error to that field.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Analysis, Booking } from '../api/types.js';
import { spaces } from '../app/campus.state.js';
import { useT } from '../i18n/i18n.js';
import { applyAlternative, type FieldName, type FormProblems, type FormState } from './booking-form.js';
import { failedKey, focusFirstError, NO_ERROR, shownErrors, viewOfError, type ErrorView } from './booking-errors.js';
import { ConflictPanel } from './ConflictPanel.js';
import type { CheckState } from './useDryRun.js';

export function useSubmission(check: CheckState, showAnalysis: (analysis: Analysis) => void) {
  const t = useT();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView>(NO_ERROR);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const staleNotice = useRef<HTMLDivElement>(null);
  // The stale notice appears with the render that follows the refusal: focus it then.
  const focusStale = useRef(false);
  useEffect(() => {
    if (focusStale.current && staleNotice.current) {
      focusStale.current = false;
      staleNotice.current.focus();
    }
  });

  const dryRunError = check.phase === 'failed' ? viewOfError(check.error, t, null) : NO_ERROR;
  /** Someone changed the booking since it was loaded (only an edit can be). */
  const stale = error.stale || dryRunError.stale;

  /** The messages beside the fields, and the one for the whole form. */
  function messages(problems: FormProblems) {
    const errors = shownErrors(problems, { ...dryRunError.fields, ...error.fields }, (f: FieldName) => submitted || touched.has(f), t);
    return { errors, alert: error.alert ?? dryRunError.alert };
  }

  /** The person left a field: its client check may show from now on. */
  function touch(event: FocusEvent) {
    const name = (event.target as HTMLInputElement).name;
    if (name) setTouched((seen) => (seen.has(name) ? seen : new Set(seen).add(name)));
  }

  /** The person changed something: the last refusal no longer applies (but "changed meanwhile" stays until reloaded). */
  function edited() {
    if (error !== NO_ERROR && !error.stale) setError(NO_ERROR);
  }

  /** A refusal of the page's own (nothing changed), said above the button. */
  function refuse(alert: string) {
    setSubmitted(true);
    setError({ ...NO_ERROR, alert });
  }

  /** Sends the booking; with no `write` (the form is not valid) points at the first field to fix instead. */
  async function submit(problems: FormProblems, write: (() => Promise<Booking>) | null): Promise<Booking | null> {
    setSubmitted(true);
    if (!write) {
      focusFirstError(shownErrors(problems, {}, () => true, t));
      return null;
    }
    setBusy(true);
    setError(NO_ERROR);
    try {
      return await write();
    } catch (failure) {
      const view = viewOfError(failure, t, check.analysis);
      if (view.conflict) {
        showAnalysis(view.conflict);
        setError({ ...view, alert: t('booking.submit.takenMeanwhile') });
        panelHeading.current?.focus();
      } else {
        setError(view);
        if (view.stale) focusStale.current = true;
        else if (!focusFirstError(view.fields)) panelHeading.current?.focus();
      }
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { check, submitted, busy, stale, dryRunError, panelHeading, staleNotice, messages, touch, edited, refuse, submit, reset: () => setError(NO_ERROR) };
}

type Submission = ReturnType<typeof useSubmission>;

interface FrameProps {
  submission: Submission;
  form: FormState;
  onChange: (form: FormState) => void;
  /** Why there is nothing to check yet (an i18n key), or null. */
  pending: string | null;
  /** The message for the whole form (from `submission.messages`). */
  alert: string | null;
  valid: boolean;
  canSkip: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit: () => void;
  /** The fields. */
  children: ComponentChildren;
  /** After the submit button (a way back). */
  after?: ComponentChildren;
}

/** The form: the fields, the availability panel, and the submit button with the form's own message. */
export function BookingFormFrame({ submission, form, onChange, pending, alert, valid, canSkip, submitLabel, busyLabel, onSubmit, children, after }: FrameProps) {
  const t = useT();
  const spaceName = spaces.value.find((s) => String(s.id) === form.spaceId)?.name ?? '';
  return (
    <form
      class="booking-layout"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onFocusOut={submission.touch}
    >
      {children}
      <ConflictPanel
        check={submission.check}
        pending={pending}
        failedKey={failedKey(submission.dryRunError)}
        alert={alert}
        canSkip={canSkip}
        spaceName={spaceName}
        onApply={(alternative) => {
          onChange(applyAlternative(form, alternative));
          // The buttons are replaced by the new check: keep the keyboard user where the answer appears.
          submission.panelHeading.current?.focus();
        }}
        headingRef={submission.panelHeading}
      />
      <div class="booking-actions">
        {submission.submitted && !valid && (
          <p class="error" role="alert">
            {t('booking.submit.fixFields')}
          </p>
        )}
        <button type="submit" class="primary" disabled={submission.busy}>
          {submission.busy ? busyLabel : submitLabel}
        </button>
        {after}
      </div>
    </form>
  );
}
