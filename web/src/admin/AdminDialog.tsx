/**
 * The administration's two dialogs (both the app's modal Dialog): a record's form, and a yes/no
 * with the consequence spelled out. Mounted only while open, so every opening starts afresh.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Dialog } from '../app/Dialog.js';
import { ErrorMessage } from '../app/Status.js';
import { useT } from '../i18n/i18n.js';
import { problemMessage, type SaveState } from './admin-hooks.js';
import { ErrorSummary, FormButtons, RequiredNote } from './FormParts.js';

/**
 * A record's form: the required-fields note, the summary of the last attempt's problems, the
 * fields, then Save and Cancel. `labels` name the fields in the summary (by the first part of
 * their path); `labelFor` overrides that for paths a section names its own way.
 */
export function AdminForm({
  title,
  wide = false,
  onClose,
  onSubmit,
  save,
  labels,
  labelFor,
  saveLabel,
  children,
}: {
  title: string;
  wide?: boolean;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  save: SaveState;
  labels: Record<string, string>;
  labelFor?: (field: string) => string | undefined;
  saveLabel?: string;
  children: ComponentChildren;
}) {
  const nameOf = (field: string) => labelFor?.(field) ?? labels[field.split('/')[0]!] ?? field;
  return (
    <Dialog title={title} onClose={onClose} class={`admin-dialog${wide ? ' wide' : ''}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
        noValidate
        class="admin-form"
      >
        <RequiredNote />
        <ErrorSummary issues={save.issues} failure={save.failure} attempt={save.attempt} labelFor={nameOf} />
        {children}
        <FormButtons saving={save.saving} onCancel={onClose} saveLabel={saveLabel} />
      </form>
    </Dialog>
  );
}

/** "Archive the Library?" — a yes/no with the consequence spelled out. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  title: string;
  body: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failed) {
      setError(failed);
      setBusy(false);
    }
  }
  return (
    <Dialog title={title} onClose={onClose} class="admin-dialog">
      <div class="confirm-body">{body}</div>
      <ErrorMessage message={problemMessage(error, t)} />
      <div class="dialog-buttons">
        <button type="button" class={danger ? 'danger' : 'primary'} disabled={busy} onClick={() => void confirm()}>
          {busy ? t('admin.working') : confirmLabel}
        </button>
        <button type="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
