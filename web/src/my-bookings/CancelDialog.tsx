/**
 * Cancel one date, this and following, or the whole series: a modal <dialog> (showModal gives
 * the focus trap and Escape), opened with focus on the chosen scope, closed with focus handed
 * back by the page. It sends the version the person saw, so a change made meanwhile is reported
 * (409 booking.stale) instead of cancelling something they have not seen.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { Booking, Occurrence } from '../api/types';
import { useT } from '../i18n/i18n';
import { formatRange } from '../i18n/format';
import { cancelQuery, type CancelScope } from './bookings-list';
import { cancelBooking } from './my-bookings.service';

const SCOPES: CancelScope[] = ['occurrence', 'following', 'series'];

export interface CancelDialogProps {
  booking: Booking;
  /** The date the person chose; null when they chose the whole booking. */
  occurrence: Occurrence | null;
  /** How many dates are still to come (told when cancelling the whole series). */
  upcomingCount: number;
  onClose: () => void;
  onCancelled: (booking: Booking, scope: CancelScope) => void;
  onStale: () => void;
}

export function CancelDialog({ booking, occurrence, upcomingCount, onClose, onCancelled, onStale }: CancelDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const [scope, setScope] = useState<CancelScope>(occurrence ? 'occurrence' : 'series');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The version as the person saw it when they opened the dialog, whatever live refreshes bring.
  const [version] = useState(booking.version);
  const recurring = booking.rrule !== null;
  const choose = occurrence !== null && recurring;
  // Escape, "Keep it" and the unmount's own close() all end here: tell the page once.
  const settled = useRef(false);
  const dismiss = () => {
    if (settled.current) return;
    settled.current = true;
    onClose();
  };

  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    // The least destructive control first: the chosen scope, or "Keep it".
    (choose ? first.current : keep.current)?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  async function confirm(event: Event) {
    event.preventDefault();
    setWorking(true);
    setError(null);
    try {
      const after = await cancelBooking(booking.id, cancelQuery(scope, occurrence?.id ?? null, version));
      settled.current = true;
      onCancelled(after, scope);
    } catch (e) {
      setWorking(false);
      if (e instanceof ApiError && e.code === 'booking.stale') {
        settled.current = true;
        return onStale();
      }
      if (e instanceof ApiError && e.code === 'network') return setError(t('app.error.network'));
      if (e instanceof ApiError && e.code === 'state') return setError(t('myBookings.cancelDialog.stateError'));
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const titleId = 'cancel-dialog-title';
  const confirmLabel = !recurring ? t('myBookings.cancelDialog.confirm') : t(`myBookings.cancelDialog.confirmScope.${scope}`);
  return (
    // Escape fires "cancel" then "close": either way the page unmounts the dialog and restores focus.
    <dialog ref={ref} class="mb-dialog" aria-labelledby={titleId} onClose={dismiss}>
      <form onSubmit={confirm}>
        <h2 id={titleId}>{t('myBookings.cancelDialog.title', { title: booking.title })}</h2>
        {occurrence && <p>{t('myBookings.cancelDialog.date', { when: formatRange(occurrence.localStart, occurrence.localEnd) })}</p>}
        {choose ? (
          <fieldset>
            <legend>{t('myBookings.cancelDialog.which')}</legend>
            {SCOPES.map((s, i) => (
              <label class="inline" key={s}>
                <input ref={i === 0 ? first : undefined} type="radio" name="cancel-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
                {t(`myBookings.cancelDialog.${s}`)}
              </label>
            ))}
          </fieldset>
        ) : (
          <p>{recurring ? t('myBookings.cancelDialog.seriesText', { count: upcomingCount }) : t('myBookings.cancelDialog.oneOffText')}</p>
        )}
        <p class="muted">{t('myBookings.cancelDialog.history')}</p>
        <ErrorLine message={error} />
        <div class="mb-dialog-buttons">
          <button type="button" ref={keep} onClick={dismiss} disabled={working}>
            {t('myBookings.cancelDialog.keep')}
          </button>
          <button type="submit" class="danger" disabled={working}>
            {working ? t('myBookings.cancelDialog.working') : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ErrorLine({ message }: { message: string | null }) {
  return (
    <p class="error" role="alert">
      {message ?? ''}
    </p>
  );
}
