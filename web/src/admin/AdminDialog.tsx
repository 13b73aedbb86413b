/**
 * A modal <dialog> (focus kept inside, Escape closes) that gives focus back to what opened it.
 * Mounted only while open, so every opening starts from fresh state.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../app/Status';
import { useT } from '../i18n/i18n';
import { problemMessage } from './admin-hooks';

export function AdminDialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    dialog?.showModal();
    return () => {
      // Close first: while the dialog is modal, nothing outside it can take focus.
      dialog?.close();
      // The opener may be gone (its row re-rendered): fall back to the screen's heading.
      const back = opener?.isConnected ? opener : document.querySelector<HTMLElement>('main h1');
      back?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`admin-dialog${wide ? ' wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault(); // Escape: close through state, so the page knows
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
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
    <AdminDialog title={title} onClose={onClose}>
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
    </AdminDialog>
  );
}
