/**
 * The one modal dialog: a <dialog> opened with showModal() (focus kept inside, Escape closes)
 * for as long as the component is mounted. Mount it to open it, unmount it to close it; every
 * opening starts from fresh state.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface Props {
  title: ComponentChildren;
  /** The dialog closed itself (Escape) or a control asked to close: the owner unmounts it. */
  onClose: () => void;
  class?: string;
  /**
   * Where focus goes on closing when the control that opened it is gone (its row was redrawn);
   * by default the screen's focusable h1, else <main>.
   */
  fallbackFocus?: () => HTMLElement | null;
  children: ComponentChildren;
}

export function Dialog({ title, onClose, class: className, fallbackFocus, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Escape closes the element itself and fires "close"; so does close() on unmount: tell the owner once.
  const told = useRef(false);
  const latest = useRef({ onClose, fallbackFocus });
  latest.current = { onClose, fallbackFocus };

  useEffect(() => {
    const dialog = ref.current!;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    dialog.showModal();
    return () => {
      told.current = true;
      // Close first: while the dialog is modal, nothing outside it can take focus.
      if (dialog.open) dialog.close();
      const back =
        (opener?.isConnected ? opener : null) ??
        latest.current.fallbackFocus?.() ??
        document.querySelector<HTMLElement>('main h1[tabindex]') ??
        document.getElementById('main');
      back?.focus();
    };
  }, []);

  function closed() {
    if (told.current) return;
    told.current = true;
    latest.current.onClose();
  }

  return (
    <dialog ref={ref} class={className} aria-labelledby={titleId} onClose={closed}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
