/** Labelled fields with their errors tied to them, the required mark and the error summary. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/i18n.js';
import { issueText, problemMessage } from './admin-hooks.js';
import type { Issue } from './form-errors.js';

/** The attributes a field's control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  required?: boolean;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

export function describedBy(...ids: Array<string | false | undefined | null>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

export function RequiredMark() {
  return (
    <span class="required-mark" aria-hidden="true">
      {' '}*
    </span>
  );
}

export function Field({
  id,
  label,
  error,
  hint,
  required = false,
  children,
}: {
  id: string;
  label: ComponentChildren;
  error?: string;
  hint?: ComponentChildren;
  required?: boolean;
  children: (control: ControlProps) => JSX.Element;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class="field">
      {/* The mark sits outside the label: the field's name stays exactly its label. */}
      <div class="label-line">
        <label for={id}>{label}</label>
        {required && <RequiredMark />}
      </div>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {children({ id, required: required || undefined, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy(hintId, errorId) })}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} class="field-error">
      {message}
    </p>
  );
}

export function RequiredNote() {
  const t = useT();
  return (
    <p class="hint">
      {t('admin.requiredNote')}
    </p>
  );
}

/**
 * Every problem of the last attempt, named by field, announced and focused (so a keyboard or
 * screen-reader user knows the save did not happen and why); the same messages sit beside their fields.
 */
export function ErrorSummary({ issues, failure, attempt, labelFor }: { issues: Issue[]; failure: unknown; attempt: number; labelFor: (field: string) => string }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  const failureText = problemMessage(failure, t);
  if (issues.length === 0 && !failureText) return null;
  return (
    <div ref={ref} class="error-summary" role="alert" tabIndex={-1}>
      {issues.length > 0 && (
        <>
          <p class="error-summary-title">{t('admin.errors.summary', { count: issues.length })}</p>
          <ul>
            {issues.map((issue) => (
              <li key={issue.field}>
                {labelFor(issue.field)}: {issueText(issue, t)}
              </li>
            ))}
          </ul>
        </>
      )}
      {failureText && <p class="error">{failureText}</p>}
    </div>
  );
}

/** Save and Cancel at the foot of a form; Save is disabled while saving. */
export function FormButtons({ saving, onCancel, saveLabel }: { saving: boolean; onCancel: () => void; saveLabel?: string }) {
  const t = useT();
  return (
    <div class="dialog-buttons">
      <button type="submit" class="primary" disabled={saving}>
        {saving ? t('admin.saving') : (saveLabel ?? t('app.save'))}
      </button>
      <button type="button" onClick={onCancel}>
        {t('app.cancel')}
      </button>
    </div>
  );
}
